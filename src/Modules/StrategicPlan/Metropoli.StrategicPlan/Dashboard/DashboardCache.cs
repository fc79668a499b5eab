using Metropoli.Platform.Data;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The plans' dashboard data (<see cref="PlanFigures"/>), shared by every reader and every filter: a
/// Comune's, a zone's or an area's dashboard is projected from it in memory. Kept in the <see cref="ReadCache"/>
/// (a change saved here is seen by the next read; one saved elsewhere within <see cref="ReadCache.MaxAge"/>
/// plus one computation). The figures hold no user data: who may see a draft plan is checked on every read,
/// in <see cref="PlanDashboard.BuildAsync"/>. Why and how stale it may be: docs/adr/0017-dashboard-read-model.md.</summary>
public sealed class DashboardCache(ReadCache cache)
{
    public async Task<PlanDashboardView?> GetAsync(long planId, DashboardFilter filter, DateOnly today, CancellationToken ct) =>
        await FiguresAsync(planId, ct) is { } figures ? Derive(figures, $"view:{today:yyyy-MM-dd}:{filter}", f => PlanDashboard.Project(f, filter, today)) : null;

    /// <summary>Something computed from these figures alone (a filter's dashboard, its JSON, a page's charts),
    /// kept with them: see <see cref="ReadCache.Derive"/>.</summary>
    public T Derive<T>(PlanFigures figures, string key, Func<PlanFigures, T> derive) where T : notnull => cache.Derive(figures, key, derive);

    public Task<PlanFigures?> FiguresAsync(long planId, CancellationToken ct) =>
        cache.GetAsync("plan-figures:" + planId, StrategicPlanModule.ReadModelWithTerritory, (db, t) => PlanDashboard.LoadAsync(db, planId, t), ct);

    /// <summary>The figures, or null when the plan does not exist or is a draft the user may not see.</summary>
    public async Task<PlanFigures?> FiguresAsync(long planId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        await FiguresAsync(planId, ct) is { } f && (f.PlanStatus != Model.PlanStatuses.Draft || PlanAccess.CanSeeDrafts(user)) ? f : null;
}
