using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The plan dashboard of a Comune or a zone: for every plan in force (adopted or approved; drafts
/// too for the plan office) with at least one action concerning it, the figures of
/// <see cref="PlanDashboard.BuildAsync"/> with the Comune or zone filter — the same handler, so the Comune
/// page, the zone page, the dashboard page and its API show the same numbers.</summary>
public static class TerritoryDashboards
{
    /// <summary>Plans in force: not archived, and visible to the user (drafts only for the plan office).</summary>
    public static async Task<IReadOnlyList<PlanDashboardView>> HandleAsync(AppDbContext db, ClaimsPrincipal user, DashboardFilter filter, DateOnly today, CancellationToken ct,
        DashboardCache? cache = null, ReadCache? reads = null)
    {
        var plans = reads is null ? await InForceAsync(db, user, ct)
            : await reads.GetAsync($"plans-in-force:{PlanAccess.CanSeeDrafts(user)}", StrategicPlanModule.ReadModel, (d, t) => InForceAsync(d, user, t), ct);
        var views = new List<PlanDashboardView>();
        foreach (var plan in plans)
        {
            if (await PlanDashboard.BuildAsync(db, user, plan, filter, today, ct, cache: cache) is { Actions: > 0 } view) views.Add(view);
        }
        return views;
    }

    private static Task<List<long>> InForceAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        db.Set<Plan>().AsNoTracking().Visible(user).Where(p => p.Status != PlanStatuses.Archived)
            .OrderByDescending(p => p.StartYear).ThenBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);

    /// <summary>The query string of the dashboard page filtered the same way.</summary>
    public static string Query(DashboardFilter filter) =>
        !string.IsNullOrWhiteSpace(filter.Municipality) ? "?municipality=" + Uri.EscapeDataString(filter.Municipality.Trim())
        : !string.IsNullOrWhiteSpace(filter.Zone) ? "?zone=" + Uri.EscapeDataString(filter.Zone.Trim())
        : "";
}
