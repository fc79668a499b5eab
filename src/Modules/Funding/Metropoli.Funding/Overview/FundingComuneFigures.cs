using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Overview;

/// <summary>Funding figures for a group of Comuni (the zone desk, ADR 0043): the public projects that concern them and
/// their cost, the applications their Comuni lead (drafts excluded) and the amount of those funded. Sums only.</summary>
internal sealed class FundingComuneFigures(AppDbContext db) : IComuneFigures
{
    public async Task<IReadOnlyList<ComuneFigure>> ForComuniAsync(IReadOnlyCollection<string> istatCodes, CancellationToken ct)
    {
        var codes = istatCodes.ToList();
        var projects = db.Set<FundingProject>().AsNoTracking()
            .Where(p => db.Set<FundingProjectComune>().Any(c => c.Cup == p.Cup && codes.Contains(c.IstatCode)));
        var projectCount = await projects.CountAsync(ct);
        // Summed in memory: SQLite cannot sum decimals in SQL.
        var cost = (await projects.Select(p => p.TotalCost).ToListAsync(ct)).Sum();
        var applications = await db.Set<FundingApplication>().AsNoTracking()
            .Where(a => codes.Contains(a.LeadIstat) && a.Status != ApplicationStatuses.Draft)
            .Select(a => new { a.Status, a.RequestedAmount }).ToListAsync(ct);
        return
        [
            new(FundingModule.ModuleName, "Progetti finanziati che riguardano i Comuni", projectCount, false, 500),
            new(FundingModule.ModuleName, "Costo totale dei progetti", cost, true, 501),
            new(FundingModule.ModuleName, "Domande di finanziamento presentate", applications.Count, false, 502),
            new(FundingModule.ModuleName, "Importo richiesto dalle domande finanziate", applications.Where(a => a.Status == ApplicationStatuses.Funded).Sum(a => a.RequestedAmount), true, 503),
        ];
    }
}
