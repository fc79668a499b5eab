using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The choices of the action filters of a plan's pages, and the values chosen.</summary>
public sealed record ActionFilterOptions(ActionFilter Filter, ListQuery Query, string ResetUrl,
    IReadOnlyList<(long Id, string Label)> Areas, IReadOnlyList<string> Sectors,
    IReadOnlyList<(string Code, string Name)> Zones, IReadOnlyList<(string Code, string Name)> Municipalities)
{
    /// <summary>The lists come from the <see cref="ReadCache"/>: they are the same for every reader of the plan
    /// (its areas and sectors, the zones and the 133 Comuni) until the plan or the territory changes.</summary>
    public static async Task<ActionFilterOptions> LoadAsync(ReadCache cache, long planId, ActionFilter filter, ListQuery query, string resetUrl, CancellationToken ct)
    {
        var lists = await cache.GetAsync("action-filter-lists:" + planId, StrategicPlanModule.ReadModelWithTerritory, (db, t) => ListsAsync(db, planId, t), ct);
        return new ActionFilterOptions(filter, query, resetUrl, lists.Areas, lists.Sectors, lists.Zones, lists.Municipalities);
    }

    private sealed record Lists(IReadOnlyList<(long Id, string Label)> Areas, IReadOnlyList<string> Sectors,
        IReadOnlyList<(string Code, string Name)> Zones, IReadOnlyList<(string Code, string Name)> Municipalities);

    private static async Task<Lists> ListsAsync(AppDbContext db, long planId, CancellationToken ct)
    {
        var areas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new { z.Code, z.Name }).ToListAsync(ct);
        var municipalities = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct);
        return new Lists(areas.Select(a => (a.Id, a.Code + " " + a.Title)).ToList(),
            await ListActions.SectorsAsync(db, planId, ct),
            zones.Select(z => (z.Code, z.Name)).ToList(),
            municipalities.Select(m => (m.IstatCode, m.Name)).ToList());
    }
}
