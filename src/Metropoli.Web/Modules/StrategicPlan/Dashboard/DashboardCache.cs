using System.Collections.Concurrent;
using Metropoli.Web.Platform.Data;

namespace Metropoli.Web.Modules.StrategicPlan.Dashboard;

/// <summary>The plans' dashboard data (<see cref="PlanFigures"/>), shared by every reader and every filter: a
/// Comune's, a zone's or an area's dashboard is projected from it in memory. The data is served as it is while
/// this instance has saved no change that touches the plan (<see cref="ReadModelVersion"/>) and it is at most
/// <see cref="MaxAge"/> old (changes saved by another instance, or by bulk SQL, are seen that way). Past that,
/// the first reader starts one recomputation; after a change saved here every reader waits for it, while
/// after the age limit alone readers get the previous figures meanwhile (if less than <see cref="MaxStale"/>
/// old): never more than one computation per plan at a time. The figures hold
/// no user data: who may see a draft plan is checked on every read, in <see cref="PlanDashboard.BuildAsync"/>.
/// Why and how stale it may be: docs/adr/0017-dashboard-read-model.md.</summary>
public sealed class DashboardCache(IServiceScopeFactory scopes, ReadModelVersion version, TimeProvider clock)
{
    /// <summary>How long computed figures are served without asking whether they changed elsewhere.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(500);

    /// <summary>The oldest figures served while their recomputation runs. Normally a recomputation takes a
    /// fraction of a second, so figures are under a second old; when the machine is overloaded and one takes
    /// longer, readers keep the previous figures (rather than all waiting, which collapsed throughput at 64
    /// connections in the benchmark) up to this limit.</summary>
    public static readonly TimeSpan MaxStale = TimeSpan.FromSeconds(5);

    /// <summary>Plan ids come from the URL: past this many entries the cache starts again, so that made-up
    /// ids cannot grow it without bound.</summary>
    private const int MaxEntries = 1_000;

    /// <summary>Figures as computed from the data read at <see cref="Stamp"/>, under <see cref="Version"/>.</summary>
    private sealed record Computed(long Version, long Stamp, PlanFigures? Figures);

    private readonly ConcurrentDictionary<long, Computed> computed = new();
    private readonly ConcurrentDictionary<long, Lazy<Task<PlanFigures?>>> running = new();

    public async Task<PlanDashboardView?> GetAsync(long planId, DashboardFilter filter, DateOnly today, CancellationToken ct) =>
        await FiguresAsync(planId, ct) is { } figures ? PlanDashboard.Project(figures, filter, today) : null;

    private async Task<PlanFigures?> FiguresAsync(long key, CancellationToken ct)
    {
        var current = version.Current;
        if (computed.TryGetValue(key, out var done))
        {
            var age = clock.GetElapsedTime(done.Stamp);
            if (done.Version == current && age <= MaxAge) return done.Figures;
            var refresh = Recompute(key, current);
            // A change this instance saved is never hidden: wait for figures that include it. Only the age
            // limit (changes elsewhere, if any) lets a reader have the previous figures meanwhile.
            if (done.Version == current && age <= MaxStale) return done.Figures;
            return await refresh.WaitAsync(ct);
        }
        return await Recompute(key, current).WaitAsync(ct);
    }

    private Task<PlanFigures?> Recompute(long key, long current) =>
        running.GetOrAdd(key, k => new Lazy<Task<PlanFigures?>>(() => RunAsync(k, current))).Value;

    private async Task<PlanFigures?> RunAsync(long key, long current)
    {
        await Task.Yield();
        var stamp = clock.GetTimestamp();
        try
        {
            // Its own scope and no caller's token: the result serves every reader, not only the first.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var figures = await PlanDashboard.LoadAsync(db, key, CancellationToken.None);
            if (computed.Count >= MaxEntries) computed.Clear();
            computed[key] = new Computed(current, stamp, figures);
            return figures;
        }
        finally
        {
            running.TryRemove(key, out _);
        }
    }
}
