using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Requests;

/// <summary>The shared services' figures for a group of Comuni (the zone desk, ADR 0043): how many requests their
/// Comuni sent and how many are still open. Counts only.</summary>
internal sealed class ServiceFigures(AppDbContext db) : IComuneFigures
{
    public async Task<IReadOnlyList<ComuneFigure>> ForComuniAsync(IReadOnlyCollection<string> istatCodes, CancellationToken ct)
    {
        var codes = istatCodes.ToList();
        var requests = db.Set<ServiceRequest>().AsNoTracking().Where(r => codes.Contains(r.IstatCode));
        var total = await requests.CountAsync(ct);
        var open = await requests.CountAsync(r => RequestStatuses.Open.Contains(r.Status), ct);
        return
        [
            new(ServicesModule.ModuleName, "Richieste ai servizi condivisi", total, false, 400),
            new(ServicesModule.ModuleName, "di cui ancora aperte", open, false, 401),
        ];
    }
}
