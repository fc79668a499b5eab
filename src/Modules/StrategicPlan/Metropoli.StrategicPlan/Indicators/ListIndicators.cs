using System.ComponentModel;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

public sealed record IndicatorFilter
{
    [Description("Identificativo del piano.")]
    public long? Plan { get; init; }

    [Description("Identificativo dell'azione.")]
    public long? Action { get; init; }

    [Description("Identificativo dell'obiettivo (gli indicatori collegati direttamente all'obiettivo).")]
    public long? Objective { get; init; }
}

public sealed record IndicatorRow(long Id, long PlanId, long? ActionId, long? ObjectiveId, string Code, string Name, string Unit, string Direction,
    string Frequency, string OwnerSector, decimal? LatestValue, string? LatestPeriod, decimal? Target, decimal? Achievement, string Status, int Pending);

public static class ListIndicators
{
    public static readonly string[] Sortable = ["code", "name"];

    public static Dictionary<string, string[]> Validate(ListQuery query) => query.Validate(Sortable);

    /// <summary><see cref="HandleAsync"/> from the <see cref="ReadCache"/> for those outside the plan office (who see no
    /// pending counts, so one value serves them all: drafts are the plan office's alone), on the early pages;
    /// dropped by any change to the plan (a submitted value that is not validated changes none of these rows).</summary>
    public static Task<Paged<IndicatorRow>> CachedAsync(ReadCache cache, AppDbContext db, ClaimsPrincipal user, ListQuery query, IndicatorFilter filter, CancellationToken ct) =>
        !PlanAccess.CanManage(user) && query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("indicator-list", "published", new { query, filter }), StrategicPlanModule.ReadModel,
                (d, t) => HandleAsync(d, new ClaimsPrincipal(new ClaimsIdentity()), query, filter, t), ct)
            : HandleAsync(db, user, query, filter, ct);

    /// <summary>Indicators of the plans the user may see, with their achievement and status; the count of
    /// values waiting for validation is given only to the plan office (it is internal).</summary>
    public static async Task<Paged<IndicatorRow>> HandleAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, IndicatorFilter filter, CancellationToken ct)
    {
        var q = from i in db.Set<Indicator>().AsNoTracking()
                join p in db.Set<Plan>().Visible(user) on i.PlanId equals p.Id
                select i;
        if (filter.Plan is { } plan) q = q.Where(i => i.PlanId == plan);
        if (filter.Action is { } action) q = q.Where(i => i.ActionId == action);
        if (filter.Objective is { } objective) q = q.Where(i => i.ObjectiveId == objective);
        if (query.Q is { Length: > 0 } text)
        {
            var pattern = LikePattern.Containing(text.Trim().ToLowerInvariant());
            q = q.Where(i => EF.Functions.Like(i.Code.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(i.Name.ToLower(), pattern, LikePattern.Escape));
        }
        var total = await q.CountAsync(ct);
        var (key, descending) = query.SortOrDefault("code");
        q = (key, descending) switch
        {
            ("name", false) => q.OrderBy(i => i.Name).ThenBy(i => i.Id),
            ("name", true) => q.OrderByDescending(i => i.Name).ThenBy(i => i.Id),
            (_, true) => q.OrderByDescending(i => i.Code).ThenBy(i => i.Id),
            _ => q.OrderBy(i => i.Code).ThenBy(i => i.Id),
        };
        var page = await q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        return new Paged<IndicatorRow>(await RowsAsync(db, user, page, ct), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<IReadOnlyList<IndicatorRow>> RowsAsync(AppDbContext db, ClaimsPrincipal user, IReadOnlyList<Indicator> indicators, CancellationToken ct)
    {
        var ids = indicators.Select(i => i.Id).ToList();
        var targets = await GetIndicator.TargetsAsync(db, ids, ct);
        var validated = await GetIndicator.LatestValidatedAsync(db, ids, ct);
        var planIds = indicators.Select(i => i.PlanId).Distinct().ToList();
        var thresholds = new Dictionary<long, ThresholdValues>();
        foreach (var planId in planIds) thresholds[planId] = await GetIndicator.ThresholdsAsync(db, planId, ct);
        var pending = PlanAccess.CanManage(user)
            ? await db.Set<Measurement>().AsNoTracking().Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatuses.Submitted)
                .GroupBy(m => m.IndicatorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct)
            : [];
        return indicators.Select(i =>
        {
            var f = GetIndicator.Figures(i, targets.GetValueOrDefault(i.Id, []), validated.GetValueOrDefault(i.Id, []), thresholds[i.PlanId]);
            return new IndicatorRow(i.Id, i.PlanId, i.ActionId, i.ObjectiveId, i.Code, i.Name, i.Unit, i.Direction, i.Frequency, i.OwnerSector,
                f.Latest?.Value, f.Latest?.Period, f.Latest?.Target, f.Achievement, f.Status, pending.GetValueOrDefault(i.Id));
        }).ToList();
    }
}
