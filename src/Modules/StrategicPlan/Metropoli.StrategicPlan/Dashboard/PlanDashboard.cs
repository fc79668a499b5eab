using System.ComponentModel;
using System.Security.Claims;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The drill-down of the dashboard: the actions of an area, of an objective, concerning a zone or a
/// Comune (directly or through its zone, as in the action lists).</summary>
public sealed record DashboardFilter
{
    [Description("Identificativo dell'area del piano.")]
    public long? Area { get; init; }
    [Description("Identificativo dell'obiettivo del piano.")]
    public long? Objective { get; init; }
    [Description("Codice della zona omogenea: azioni che la riguardano direttamente o tramite uno dei suoi Comuni.")]
    public string? Zone { get; init; }
    [Description("Codice ISTAT del Comune: azioni che lo riguardano direttamente o tramite la sua zona.")]
    public string? Municipality { get; init; }

    public bool IsTerritorial => !string.IsNullOrWhiteSpace(Zone) || !string.IsNullOrWhiteSpace(Municipality);

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Municipality is { Length: > 0 } m && (m.Trim().Length != 6 || !m.Trim().All(char.IsAsciiDigit)))
            errors["municipality"] = ["Il codice ISTAT del Comune è di 6 cifre, per esempio 015182."];
        return errors;
    }
}

public sealed record StatusCount(string Status, int Count);

public sealed record AreaFigures(long AreaId, string Code, string Title, int Actions, IReadOnlyList<StatusCount> ByStatus, decimal? AverageProgress);

/// <summary>An action that is declared late, past its end date, or both (<see cref="Lateness"/>).</summary>
public sealed record LateAction(long Id, string Code, string Title, string OwnerSector, string Status, int Progress, DateOnly? EndDate)
{
    public bool DeclaredLate => Lateness.IsDeclared(Status);

    public bool PastEnd { get; init; }
}

public sealed record DashboardIndicator(long Id, string Code, string Name, string Unit, long? ActionId, long? ObjectiveId,
    decimal? LatestValue, string? LatestPeriod, decimal? Achievement, string Status);

/// <summary>The plan's figures: every number of the dashboard page and of its API, from the same query.</summary>
public sealed record PlanDashboardView(long PlanId, string PlanName, string PlanStatus, DashboardFilter Filter, DateOnly Today,
    int Actions, decimal? AverageProgress, IReadOnlyList<StatusCount> ActionsByStatus, IReadOnlyList<AreaFigures> Areas,
    IReadOnlyList<LateAction> LateActions, ThresholdValues Thresholds, IReadOnlyList<StatusCount> IndicatorsByStatus,
    IReadOnlyList<DashboardIndicator> Indicators)
{
    /// <summary>Actions whose owner declares them late (<see cref="Lateness.DeclaredName"/>).</summary>
    public int DeclaredLate => LateActions.Count(a => a.DeclaredLate);

    /// <summary>Actions past their end date, not completed nor suspended (<see cref="Lateness.PastEndName"/>).</summary>
    public int PastEnd => LateActions.Count(a => a.PastEnd);
}

/// <summary>Computes the dashboard of a plan on the fly: actions by status, by area and status, average
/// progress per area, late actions, and the indicators with their achievement and status, which count only
/// validated measurements and use the plan's thresholds (the same <see cref="GetIndicator.Figures"/> as the
/// indicator pages, so the same numbers everywhere).</summary>
public static class PlanDashboard
{
    public static readonly IReadOnlyList<string> IndicatorStatusOrder =
        [IndicatorStatuses.OnTrack, IndicatorStatuses.AtRisk, IndicatorStatuses.OffTrack, IndicatorStatuses.NoData];

    /// <summary>The order in which indicators need attention: off track, at risk, without data, on track.</summary>
    public static int AttentionOrder(string status) => status switch
    {
        IndicatorStatuses.OffTrack => 0,
        IndicatorStatuses.AtRisk => 1,
        IndicatorStatuses.NoData => 2,
        _ => 3,
    };

    /// <summary>Either measure of <see cref="Lateness"/>: declared late, or past the end date.</summary>
    public static bool IsLate(string status, DateOnly? endDate, DateOnly today) =>
        Lateness.IsDeclared(status) || Lateness.IsPastEnd(status, endDate, today);

    /// <summary>Null when the plan does not exist or is a draft the user may not see. With
    /// <paramref name="upToYear"/> (a campaign's reference year) only values of periods up to that year count.
    /// With a <paramref name="cache"/> the figures may be those computed for another reader a moment ago
    /// (see <see cref="DashboardCache"/>); without one (closing a campaign) they are computed now.</summary>
    public static async Task<PlanDashboardView?> BuildAsync(AppDbContext db, ClaimsPrincipal user, long planId, DashboardFilter filter, DateOnly today, CancellationToken ct,
        int? upToYear = null, DashboardCache? cache = null)
    {
        var view = cache is not null && upToYear is null
            ? await cache.GetAsync(planId, filter, today, ct)
            : await ComputeAsync(db, planId, filter, today, ct, upToYear);
        return view is null || (view.PlanStatus == PlanStatuses.Draft && !PlanAccess.CanSeeDrafts(user)) ? null : view;
    }

    /// <summary>The figures for anyone who may see the plan (they hold nothing personal); null when the
    /// plan does not exist.</summary>
    public static async Task<PlanDashboardView?> ComputeAsync(AppDbContext db, long planId, DashboardFilter filter, DateOnly today, CancellationToken ct,
        int? upToYear = null) =>
        await LoadAsync(db, planId, ct, upToYear) is { } figures ? Project(figures, filter, today) : null;

    /// <summary>Everything a dashboard of the plan needs, whatever its filter and day: the actions with their
    /// area and territorial links, and every indicator with its latest validated value, achievement and
    /// status. The one costly part, read once and shared by every filter (<see cref="DashboardCache"/>).</summary>
    public static async Task<PlanFigures?> LoadAsync(AppDbContext db, long planId, CancellationToken ct, int? upToYear = null)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Name, p.Status }).SingleOrDefaultAsync(ct);
        if (plan is null) return null;

        var actions = await (from a in db.Set<PlanAction>().AsNoTracking()
                             join o in db.Set<PlanObjective>() on a.ObjectiveId equals o.Id
                             where a.PlanId == planId
                             select new { a.Id, a.Code, a.Title, a.OwnerSector, a.Status, a.Progress, a.EndDate, a.ObjectiveId, o.AreaId }).ToListAsync(ct);
        var zones = (await (from z in db.Set<PlanActionZone>().AsNoTracking()
                            join a in db.Set<PlanAction>() on z.ActionId equals a.Id
                            where a.PlanId == planId
                            select new { z.ActionId, z.ZoneCode }).ToListAsync(ct))
            .ToLookup(z => z.ActionId, z => z.ZoneCode);
        var municipalities = (await (from m in db.Set<PlanActionMunicipality>().AsNoTracking()
                                     join a in db.Set<PlanAction>() on m.ActionId equals a.Id
                                     where a.PlanId == planId
                                     select new { m.ActionId, m.IstatCode }).ToListAsync(ct))
            .ToLookup(m => m.ActionId, m => m.IstatCode);
        var zoneOf = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().ToDictionaryAsync(m => m.IstatCode, m => m.ZoneCode, ct);
        var areas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new PlanFigures.Area(a.Id, a.Code, a.Title)).ToListAsync(ct);
        var objectives = await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == planId)
            .Select(o => new PlanFigures.Objective(o.Id, o.AreaId)).ToListAsync(ct);

        // Only the columns the figures need (a plan may have thousands of indicators), and the plan's
        // indicators as a query, not as a list of ids: one statement each, whatever their number.
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Code)
            .Select(i => new Indicator
            {
                Id = i.Id, PlanId = i.PlanId, ActionId = i.ActionId, ObjectiveId = i.ObjectiveId, Code = i.Code, Name = i.Name, Unit = i.Unit,
                Direction = i.Direction, LowerBound = i.LowerBound, UpperBound = i.UpperBound, BaselineValue = i.BaselineValue,
            }).ToListAsync(ct);
        var ofPlan = db.Set<Indicator>().Where(i => i.PlanId == planId);
        var targets = await GetIndicator.TargetsAsync(db, ofPlan, ct);
        var validated = await GetIndicator.LatestValidatedAsync(db, ofPlan, ct, upToYear is { } year ? new DateOnly(year, 12, 31) : null);
        var thresholds = await GetIndicator.ThresholdsAsync(db, planId, ct);
        var indicatorRows = indicators.Select(i =>
        {
            var f = GetIndicator.Figures(i, targets.GetValueOrDefault(i.Id, []), validated.GetValueOrDefault(i.Id, []), thresholds);
            return new DashboardIndicator(i.Id, i.Code, i.Name, i.Unit, i.ActionId, i.ObjectiveId, f.Latest?.Value, f.Latest?.Period, f.Achievement, f.Status);
        }).ToList();

        return new PlanFigures(plan.Id, plan.Name, plan.Status,
            actions.Select(a => new PlanFigures.Action(a.Id, a.Code, a.Title, a.OwnerSector, a.Status, a.Progress, a.EndDate, a.ObjectiveId, a.AreaId,
                zones[a.Id].ToArray(), municipalities[a.Id].ToArray())).ToList(),
            areas, objectives, zoneOf, thresholds, indicatorRows);
    }

    /// <summary>The actions of the plan a filter keeps (area, objective, zone, Comune), as the dashboard counts them.</summary>
    public static List<PlanFigures.Action> FilterActions(PlanFigures p, DashboardFilter filter)
    {
        IEnumerable<PlanFigures.Action> rows = p.Actions;
        if (filter.Area is { } area) rows = rows.Where(a => a.AreaId == area);
        if (filter.Objective is { } objective) rows = rows.Where(a => a.ObjectiveId == objective);
        if (!string.IsNullOrWhiteSpace(filter.Zone))
        {
            var zone = filter.Zone.Trim();
            rows = rows.Where(a => a.Zones.Contains(zone) || a.Municipalities.Any(m => p.ZoneOf.GetValueOrDefault(m) == zone));
        }
        if (!string.IsNullOrWhiteSpace(filter.Municipality))
        {
            var istat = filter.Municipality.Trim();
            var zoneOf = p.ZoneOf.GetValueOrDefault(istat) ?? "";
            rows = rows.Where(a => a.Municipalities.Contains(istat) || a.Zones.Contains(zoneOf));
        }
        return rows.ToList();
    }

    /// <summary>The dashboard for a filter and a day, from the plan's figures: in memory, no query.</summary>
    public static PlanDashboardView Project(PlanFigures p, DashboardFilter filter, DateOnly today)
    {
        var actions = FilterActions(p, filter);

        List<StatusCount> ByStatus(IEnumerable<string> statuses)
        {
            var counts = statuses.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            return ActionStatuses.All.Select(s => new StatusCount(s, counts.GetValueOrDefault(s))).ToList();
        }
        static decimal? Average(IReadOnlyCollection<int> values) =>
            values.Count == 0 ? null : Math.Round((decimal)values.Sum() / values.Count, 1, MidpointRounding.AwayFromZero);

        var areaFigures = p.Areas
            .Where(a => filter.Area is null || a.Id == filter.Area)
            .Select(a =>
            {
                var mine = actions.Where(x => x.AreaId == a.Id).ToList();
                return new AreaFigures(a.Id, a.Code, a.Title, mine.Count, ByStatus(mine.Select(x => x.Status)), Average(mine.Select(x => x.Progress).ToList()));
            })
            .Where(a => a.Actions > 0 || !filter.IsTerritorial && filter.Objective is null)
            .ToList();

        var late = actions.Where(x => IsLate(x.Status, x.EndDate, today))
            .OrderBy(x => x.EndDate ?? DateOnly.MaxValue).ThenBy(x => x.Code)
            .Select(x => new LateAction(x.Id, x.Code, x.Title, x.OwnerSector, x.Status, x.Progress, x.EndDate) { PastEnd = Lateness.IsPastEnd(x.Status, x.EndDate, today) })
            .ToList();

        // Indicators: those of the actions in view; those of objectives too, unless the view is of a
        // territory (an objective does not concern a Comune, its actions do).
        var actionIds = actions.Select(x => x.Id).ToHashSet();
        var objectiveIds = filter.IsTerritorial
            ? []
            : p.Objectives.Where(o => (filter.Area == null || o.AreaId == filter.Area) && (filter.Objective == null || o.Id == filter.Objective))
                .Select(o => o.Id).ToHashSet();
        var indicatorRows = p.Indicators
            .Where(i => (i.ActionId is { } aid && actionIds.Contains(aid)) || (i.ObjectiveId is { } oid && objectiveIds.Contains(oid)))
            .ToList();
        var indicatorCounts = indicatorRows.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());

        return new PlanDashboardView(p.PlanId, p.PlanName, p.PlanStatus, filter, today, actions.Count, Average(actions.Select(x => x.Progress).ToList()),
            ByStatus(actions.Select(x => x.Status)), areaFigures, late, p.Thresholds,
            IndicatorStatusOrder.Select(s => new StatusCount(s, indicatorCounts.GetValueOrDefault(s))).ToList(), indicatorRows);
    }
}

/// <summary>A plan's dashboard data before any filter: see <see cref="PlanDashboard.LoadAsync"/>.</summary>
public sealed record PlanFigures(long PlanId, string PlanName, string PlanStatus, IReadOnlyList<PlanFigures.Action> Actions,
    IReadOnlyList<PlanFigures.Area> Areas, IReadOnlyList<PlanFigures.Objective> Objectives, IReadOnlyDictionary<string, string> ZoneOf,
    ThresholdValues Thresholds, IReadOnlyList<DashboardIndicator> Indicators)
{
    public sealed record Action(long Id, string Code, string Title, string OwnerSector, string Status, int Progress, DateOnly? EndDate,
        long ObjectiveId, long AreaId, string[] Zones, string[] Municipalities);

    public sealed record Area(long Id, string Code, string Title);

    public sealed record Objective(long Id, long AreaId);
}
