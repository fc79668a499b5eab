using System.Text.Json;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>A row of the scorecard's traffic-light table: an area (<paramref name="Level"/> 0) or one of its
/// objectives (1), with its actions and the indicators that measure it. <paramref name="Status"/> is the status of
/// the average achievement of its indicators with a validated value, by the plan's thresholds (no such
/// indicator: no data), the same rule as a single indicator's.</summary>
public sealed record ScoreRow(int Level, long Id, string Code, string Title, int Actions, decimal? AverageProgress,
    int OnTrack, int AtRisk, int OffTrack, int NoData, decimal? Achievement, string Status)
{
    public int Indicators => OnTrack + AtRisk + OffTrack + NoData;
}

/// <summary>The figures of the last closed campaign of the plan, from its frozen snapshot (validated values only).</summary>
public sealed record PreviousCampaign(long Id, string Name, int Year, DateTime ClosedAt, int Actions, decimal? AverageProgress,
    int DeclaredLate, int PastEnd, int IndicatorsOnTrack, int Indicators);

/// <summary>Who last changed the dashboard's figures and when: the latest validation of a value or closing of a campaign.</summary>
public sealed record LastUpdate(DateTime At, string By, bool Campaign);

/// <summary>What the scorecard reads besides the figures: the plan's objectives, the last closed campaign, the last update.</summary>
public sealed record ScorecardMeta(IReadOnlyList<ScorecardMeta.Objective> Objectives, PreviousCampaign? Previous, LastUpdate? Updated,
    IReadOnlyList<ScorecardMeta.Comune> Comuni)
{
    public sealed record Comune(string IstatCode, string Name, string ZoneCode);

    public sealed record Objective(long Id, long AreaId, string Code, string Title);
}

/// <summary>The change of a KPI since the last closed campaign: its direction in words and an arrow (never by colour alone).</summary>
public sealed record KpiChange(decimal Delta)
{
    public string Direction => Delta > 0 ? "up" : Delta < 0 ? "down" : "same";

    public string Arrow => Delta > 0 ? "▲" : Delta < 0 ? "▼" : "▶";
}

/// <summary>The scorecard that leads the plan dashboard: KPI tiles with their change since the previous
/// campaign, and the traffic light by area and objective. Everything from validated values only (the
/// <see cref="PlanFigures"/> and the campaign snapshots count nothing else).</summary>
public static class Scorecard
{
    public static Task<ScorecardMeta> MetaAsync(ReadCache reads, long planId, CancellationToken ct) =>
        reads.GetAsync($"plan-scorecard-meta:{planId}", StrategicPlanModule.ReadModelWithTerritory, (db, t) => LoadMetaAsync(db, planId, t), ct);

    public static async Task<ScorecardMeta> LoadMetaAsync(AppDbContext db, long planId, CancellationToken ct)
    {
        var objectives = (await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == planId)
            .Select(o => new ScorecardMeta.Objective(o.Id, o.AreaId, o.Code, o.Title)).ToListAsync(ct))
            .OrderBy(o => o.Code, StringComparer.Ordinal).ToList();

        PreviousCampaign? previous = null;
        var last = await db.Set<MonitoringCampaign>().AsNoTracking()
            .Where(c => c.PlanId == planId && c.Status == CampaignStatuses.Closed && c.ClosedAt != null)
            .OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (last is not null && await db.Set<CampaignSnapshot>().AsNoTracking().Where(s => s.CampaignId == last.Id).Select(s => s.Json).SingleOrDefaultAsync(ct) is { } json)
        {
            var v = JsonSerializer.Deserialize<PlanDashboardView>(json, CloseCampaign.Json);
            if (v is not null)
            {
                previous = new PreviousCampaign(last.Id, last.Name, last.Year, last.ClosedAt!.Value, v.Actions, v.AverageProgress, v.DeclaredLate, v.PastEnd,
                    v.IndicatorsByStatus.Where(s => s.Status == IndicatorStatuses.OnTrack).Sum(s => s.Count), v.Indicators.Count);
            }
        }

        var validation = await (from m in db.Set<Measurement>().AsNoTracking()
                                join i in db.Set<Indicator>() on m.IndicatorId equals i.Id
                                where i.PlanId == planId && m.Status == MeasurementStatuses.Validated && m.ReviewedAt != null
                                orderby m.ReviewedAt descending
                                select new { At = m.ReviewedAt!.Value, m.ReviewedBy }).FirstOrDefaultAsync(ct);
        LastUpdate? updated = null;
        if (validation is not null)
        {
            var name = await db.Users.AsNoTracking().Where(u => u.Id == validation.ReviewedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            updated = new LastUpdate(validation.At, string.IsNullOrWhiteSpace(name) ? "—" : name, false);
        }
        if (last is { ClosedAt: { } closed } && (updated is null || closed > updated.At))
        {
            updated = new LastUpdate(closed, last.ClosedBy ?? "—", true);
        }
        var comuni = (await db.Reads<Territory.Contracts.ITerritoryQueries>().Comuni.AsNoTracking()
            .Select(c => new ScorecardMeta.Comune(c.IstatCode, c.Name, c.ZoneCode)).ToListAsync(ct))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new ScorecardMeta(objectives, previous, updated, comuni);
    }

    /// <summary>The traffic light for a filter: each area in view, then its objectives in view.</summary>
    public static IReadOnlyList<ScoreRow> Rows(PlanFigures figures, PlanDashboardView view, IReadOnlyList<ScorecardMeta.Objective> objectives)
    {
        var actions = PlanDashboard.FilterActions(figures, view.Filter);
        var indicators = view.Indicators;
        var actionsOfObjective = actions.ToLookup(a => a.ObjectiveId);
        var rows = new List<ScoreRow>();
        foreach (var area in view.Areas)
        {
            var mine = objectives.Where(o => o.AreaId == area.AreaId && (view.Filter.Objective is null || o.Id == view.Filter.Objective)).ToList();
            var children = new List<ScoreRow>();
            foreach (var o in mine)
            {
                var acts = actionsOfObjective[o.Id].ToList();
                var ids = acts.Select(a => a.Id).ToHashSet();
                var inds = indicators.Where(i => i.ObjectiveId == o.Id || i.ActionId is { } aid && ids.Contains(aid)).ToList();
                if (acts.Count == 0 && inds.Count == 0) continue;
                children.Add(Row(1, o.Id, o.Code, o.Title, acts.Select(a => a.Progress).ToList(), inds, view.Thresholds));
            }
            var areaActions = actions.Where(a => a.AreaId == area.AreaId).ToList();
            var areaIds = areaActions.Select(a => a.Id).ToHashSet();
            var objectiveIds = mine.Select(o => o.Id).ToHashSet();
            var areaIndicators = indicators.Where(i => i.ObjectiveId is { } oid && objectiveIds.Contains(oid) || i.ActionId is { } aid && areaIds.Contains(aid)).ToList();
            rows.Add(Row(0, area.AreaId, area.Code, area.Title, areaActions.Select(a => a.Progress).ToList(), areaIndicators, view.Thresholds));
            rows.AddRange(children);
        }
        return rows;
    }

    private static ScoreRow Row(int level, long id, string code, string title, IReadOnlyCollection<int> progress, IReadOnlyList<DashboardIndicator> indicators, ThresholdValues thresholds)
    {
        var withData = indicators.Where(i => i.Achievement is not null).Select(i => i.Achievement!.Value).ToList();
        decimal? achievement = withData.Count == 0 ? null : Math.Round(withData.Average(), 1, MidpointRounding.AwayFromZero);
        decimal? average = progress.Count == 0 ? null : Math.Round((decimal)progress.Sum() / progress.Count, 1, MidpointRounding.AwayFromZero);
        int Count(string s) => indicators.Count(i => i.Status == s);
        return new ScoreRow(level, id, code, title, progress.Count, average,
            Count(IndicatorStatuses.OnTrack), Count(IndicatorStatuses.AtRisk), Count(IndicatorStatuses.OffTrack), Count(IndicatorStatuses.NoData),
            achievement, Achievement.Status(achievement, thresholds.OnTrack, thresholds.AtRisk));
    }

    /// <summary>The classes of the progress map, lowest first: upper bound (exclusive; the last includes 100) and fill.</summary>
    public static readonly IReadOnlyList<(string Label, decimal Upper, string Fill)> ProgressClasses =
        [("0–24%", 25, "#a9cdef"), ("25–49%", 50, "#5a9be0"), ("50–74%", 75, "#0066cc"), ("75–100%", 101, "#003366")];

    /// <summary>The fill of Comuni no action of the view concerns.</summary>
    public const string NoActionsFill = "#d9dadb";

    /// <summary>For each Comune, the actions of the view that concern it (directly or through its zone, as in
    /// the dashboard's Comune filter) and their average progress.</summary>
    public static IReadOnlyList<ComuneProgress> ByComune(PlanFigures figures, DashboardFilter filter, IReadOnlyList<ScorecardMeta.Comune> comuni)
    {
        var actions = PlanDashboard.FilterActions(figures, filter);
        return comuni.Select(c =>
        {
            var mine = actions.Where(a => a.Municipalities.Contains(c.IstatCode) || a.Zones.Contains(c.ZoneCode)).ToList();
            decimal? average = mine.Count == 0 ? null : Math.Round((decimal)mine.Sum(a => a.Progress) / mine.Count, 1, MidpointRounding.AwayFromZero);
            var cls = average is { } v ? ProgressClasses.First(k => v < k.Upper) : default;
            return new ComuneProgress(c.IstatCode, c.Name, mine.Count, average, average is null ? NoActionsFill : cls.Fill, average is null ? null : cls.Label);
        }).ToList();
    }

    /// <summary>The icon of a status: a different shape for each (the word always follows it).</summary>
    public static string Icon(string status) => status switch
    {
        IndicatorStatuses.OnTrack => "✔",
        IndicatorStatuses.AtRisk => "▲",
        IndicatorStatuses.OffTrack => "✖",
        _ => "○",
    };
}

/// <summary>A Comune on the progress map: the actions concerning it, their average progress, its class.</summary>
public sealed record ComuneProgress(string IstatCode, string Name, int Actions, decimal? AverageProgress, string Fill, string? Class);
