using Metropoli.Web.Modules.StrategicPlan.Model;
using Metropoli.Web.Modules.Territory.Model;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Web.Modules.StrategicPlan.Actions;

/// <summary>The choices of the action filters of a plan's pages, and the values chosen.</summary>
public sealed record ActionFilterOptions(ActionFilter Filter, ListQuery Query, string ResetUrl,
    IReadOnlyList<(long Id, string Label)> Areas, IReadOnlyList<string> Sectors,
    IReadOnlyList<(string Code, string Name)> Zones, IReadOnlyList<(string Code, string Name)> Municipalities)
{
    public static async Task<ActionFilterOptions> LoadAsync(AppDbContext db, long planId, ActionFilter filter, ListQuery query, string resetUrl, CancellationToken ct)
    {
        var areas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        var zones = await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new { z.Code, z.Name }).ToListAsync(ct);
        var municipalities = await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct);
        return new ActionFilterOptions(filter, query, resetUrl,
            areas.Select(a => (a.Id, a.Code + " " + a.Title)).ToList(),
            await ListActions.SectorsAsync(db, planId, ct),
            zones.Select(z => (z.Code, z.Name)).ToList(),
            municipalities.Select(m => (m.IstatCode, m.Name)).ToList());
    }
}
