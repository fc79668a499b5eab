using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Overview;

public sealed record FigureRow(string Code, string Name, int Projects, decimal Amount);

public sealed record Figures(int Projects, decimal Amount, int Comuni, int Calls, IReadOnlyList<FigureRow> ByMission, IReadOnlyList<FigureRow> ByZone,
    IReadOnlyList<FigureRow> ByComune);

/// <summary>The funded projects counted by mission, zone and Comune (a project in two Comuni counts in each, its cost
/// once in the total).</summary>
public static class FundingFigures
{
    public static async Task<Figures> HandleAsync(AppDbContext db, CancellationToken ct)
    {
        var projects = await db.Set<FundingProject>().AsNoTracking().Select(p => new { p.Cup, p.Mission, p.TotalCost }).ToListAsync(ct);
        var places = await db.Set<FundingProjectComune>().AsNoTracking().ToListAsync(ct);
        var comuni = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().ToDictionaryAsync(c => c.IstatCode, ct);
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var cost = projects.ToDictionary(p => p.Cup, p => p.TotalCost);
        var byMission = projects.GroupBy(p => p.Mission ?? "—").OrderBy(g => g.Key)
            .Select(g => new FigureRow(g.Key, PnrrMissions.Label(g.Key), g.Count(), g.Sum(p => p.TotalCost))).ToList();
        var byComune = places.Where(x => comuni.ContainsKey(x.IstatCode)).GroupBy(x => x.IstatCode)
            .Select(g => new FigureRow(g.Key, comuni[g.Key].Name, g.Count(), g.Sum(x => cost.GetValueOrDefault(x.Cup))))
            .OrderByDescending(r => r.Projects).ThenBy(r => r.Name).ToList();
        var byZone = zones.Select(z =>
        {
            var inZone = places.Where(x => comuni.TryGetValue(x.IstatCode, out var c) && c.ZoneCode == z.Code).Select(x => x.Cup).Distinct().ToList();
            return new FigureRow(z.Code, z.Name, inZone.Count, inZone.Sum(c => cost.GetValueOrDefault(c)));
        }).ToList();
        return new Figures(projects.Count, projects.Sum(p => p.TotalCost), byComune.Count, await db.Set<FundingCall>().CountAsync(ct), byMission, byZone, byComune);
    }
}
