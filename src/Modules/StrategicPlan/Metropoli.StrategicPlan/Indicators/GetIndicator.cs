using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>A validated value of the series, with the target of its year and the achievement it gives.</summary>
public sealed record SeriesPoint(string Period, DateOnly PeriodEnd, decimal Value, decimal? Target, decimal? Achievement);

public sealed record ThresholdValues(int OnTrack, int AtRisk);

public sealed record IndicatorDetail(long Id, long PlanId, string PlanName, string PlanStatus, long? ActionId, string? ActionCode, string? ActionTitle,
    long? ObjectiveId, string? ObjectiveCode, string? ObjectiveTitle, string Code, string Name, string? Description, string Unit, string Direction,
    decimal? LowerBound, decimal? UpperBound, decimal? BaselineValue, int? BaselineYear, string? Source, string Frequency, string OwnerSector,
    string? ActionOwnerSector, IReadOnlyList<TargetRequest> Targets, IReadOnlyList<SeriesPoint> Series, decimal? LatestValue, string? LatestPeriod,
    decimal? Achievement, string Status, ThresholdValues Thresholds, DateTimeOffset UpdatedAt, int Version)
{
    public IndicatorRequest ToRequest() => new()
    {
        ActionId = ActionId, ObjectiveId = ObjectiveId, Code = Code, Name = Name, Description = Description, Unit = Unit, Direction = Direction,
        LowerBound = LowerBound, UpperBound = UpperBound, BaselineValue = BaselineValue, BaselineYear = BaselineYear, Source = Source,
        Frequency = Frequency, OwnerSector = OwnerSector, Targets = Targets.ToList(),
    };
}

public static class GetIndicator
{
    /// <summary>The indicator with its validated series, achievement and status; null when missing or in a
    /// draft the user may not see.</summary>
    public static async Task<IndicatorDetail?> HandleAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var r = await (from x in db.Set<Indicator>().AsNoTracking()
                       join p in db.Set<Plan>().Visible(user) on x.PlanId equals p.Id
                       where x.Id == id
                       select new { Indicator = x, PlanName = p.Name, PlanStatus = p.Status }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var i = r.Indicator;
        var action = i.ActionId is { } actionId
            ? await db.Set<PlanAction>().AsNoTracking().Where(a => a.Id == actionId).Select(a => new { a.Code, a.Title, a.OwnerSector }).SingleAsync(ct)
            : null;
        var objective = i.ObjectiveId is { } objectiveId
            ? await db.Set<PlanObjective>().AsNoTracking().Where(o => o.Id == objectiveId).Select(o => new { o.Code, o.Title }).SingleAsync(ct)
            : null;
        var targets = await TargetsAsync(db, [id], ct);
        var validated = await ValidatedAsync(db, [id], ct);
        var thresholds = await ThresholdsAsync(db, i.PlanId, ct);
        var figures = Figures(i, targets.GetValueOrDefault(id, []), validated.GetValueOrDefault(id, []), thresholds);
        return new IndicatorDetail(i.Id, i.PlanId, r.PlanName, r.PlanStatus, i.ActionId, action?.Code, action?.Title, i.ObjectiveId, objective?.Code, objective?.Title,
            i.Code, i.Name, i.Description, i.Unit, i.Direction, i.LowerBound, i.UpperBound, i.BaselineValue, i.BaselineYear, i.Source, i.Frequency,
            i.OwnerSector, action?.OwnerSector, targets.GetValueOrDefault(id, []), figures.Series, figures.Latest?.Value, figures.Latest?.Period,
            figures.Achievement, figures.Status, thresholds, new DateTimeOffset(i.UpdatedAt, TimeSpan.Zero), i.Version);
    }

    public sealed record IndicatorFigures(IReadOnlyList<SeriesPoint> Series, SeriesPoint? Latest, decimal? Achievement, string Status);

    /// <summary>The series of validated values, oldest first; the indicator's achievement is that of its
    /// latest validated value, against the target of that value's year.</summary>
    public static IndicatorFigures Figures(Indicator i, IReadOnlyList<TargetRequest> targets, IReadOnlyList<(string Period, DateOnly End, decimal Value)> validated, ThresholdValues thresholds)
    {
        var pairs = targets.Select(t => (t.Year, t.Value)).ToList();
        var series = validated.OrderBy(v => v.End).Select(v =>
        {
            var target = i.Direction == IndicatorDirections.Range ? null : Achievement.TargetFor(Periods.Year(v.Period), pairs);
            return new SeriesPoint(v.Period, v.End, v.Value, target,
                Achievement.Compute(i.Direction, i.BaselineValue, target, i.LowerBound, i.UpperBound, v.Value));
        }).ToList();
        var latest = series.LastOrDefault();
        return new IndicatorFigures(series, latest, latest?.Achievement, Achievement.Status(latest?.Achievement, thresholds.OnTrack, thresholds.AtRisk));
    }

    public static Task<Dictionary<long, IReadOnlyList<TargetRequest>>> TargetsAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        TargetsAsync(db, db.Set<Indicator>().Where(i => ids.Contains(i.Id)), ct);

    /// <summary>The targets of a set of indicators given as a query (a plan's: one statement, however many).</summary>
    public static async Task<Dictionary<long, IReadOnlyList<TargetRequest>>> TargetsAsync(AppDbContext db, IQueryable<Indicator> indicators, CancellationToken ct) =>
        (await db.Set<IndicatorTarget>().AsNoTracking().Where(t => indicators.Select(i => i.Id).Contains(t.IndicatorId))
            .Select(t => new { t.IndicatorId, t.Year, t.Value }).ToListAsync(ct))
            .GroupBy(t => t.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TargetRequest>)g.OrderBy(t => t.Year).Select(t => new TargetRequest(t.Year, t.Value)).ToList());

    /// <summary>Only validated values: these alone count in achievement and in every public figure.</summary>
    public static async Task<Dictionary<long, IReadOnlyList<(string Period, DateOnly End, decimal Value)>>> ValidatedAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        (await db.Set<Measurement>().AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatuses.Validated)
            .Select(m => new { m.IndicatorId, m.Period, m.PeriodEnd, m.Value }).ToListAsync(ct))
            .GroupBy(m => m.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, DateOnly, decimal)>)g.Select(m => (m.Period, m.PeriodEnd, m.Value)).ToList());

    /// <summary>The latest validated value of each indicator (of a period ending on or before
    /// <paramref name="upTo"/> when given): all that achievement and status need, read with one index seek
    /// per indicator (plan_measurements by indicator, status and period end) instead of the whole series.
    /// The result has the shape of <see cref="ValidatedAsync"/>, with at most one value per indicator, so
    /// <see cref="Figures"/> gives the same latest value, achievement and status from it.</summary>
    public static Task<Dictionary<long, IReadOnlyList<(string Period, DateOnly End, decimal Value)>>> LatestValidatedAsync(AppDbContext db,
        IReadOnlyCollection<long> ids, CancellationToken ct, DateOnly? upTo = null) =>
        LatestValidatedAsync(db, db.Set<Indicator>().Where(i => ids.Contains(i.Id)), ct, upTo);

    /// <summary>The same for a set of indicators given as a query (a plan's: one statement, however many).</summary>
    public static async Task<Dictionary<long, IReadOnlyList<(string Period, DateOnly End, decimal Value)>>> LatestValidatedAsync(AppDbContext db,
        IQueryable<Indicator> indicators, CancellationToken ct, DateOnly? upTo = null)
    {
        var limit = upTo ?? DateOnly.MaxValue;
        // One scalar subquery per column, each an index seek on (IndicatorId, Status, PeriodEnd): portable, and
        // PostgreSQL does not turn it into a scan of every measurement as it did an "Id IN (subquery)".
        var rows = await indicators.Select(i => new
        {
            i.Id,
            Period = db.Set<Measurement>().Where(m => m.IndicatorId == i.Id && m.Status == MeasurementStatuses.Validated && m.PeriodEnd <= limit)
                .OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Select(m => m.Period).FirstOrDefault(),
            End = db.Set<Measurement>().Where(m => m.IndicatorId == i.Id && m.Status == MeasurementStatuses.Validated && m.PeriodEnd <= limit)
                .OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Select(m => (DateOnly?)m.PeriodEnd).FirstOrDefault(),
            Value = db.Set<Measurement>().Where(m => m.IndicatorId == i.Id && m.Status == MeasurementStatuses.Validated && m.PeriodEnd <= limit)
                .OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Where(r => r.Period is not null && r.End is not null && r.Value is not null)
            .ToDictionary(r => r.Id, r => (IReadOnlyList<(string, DateOnly, decimal)>)[(r.Period!, r.End!.Value, r.Value!.Value)]);
    }

    public static async Task<ThresholdValues> ThresholdsAsync(AppDbContext db, long planId, CancellationToken ct) =>
        await db.Set<IndicatorThresholds>().AsNoTracking().Where(t => t.PlanId == planId).Select(t => new ThresholdValues(t.OnTrack, t.AtRisk)).SingleOrDefaultAsync(ct)
        ?? new ThresholdValues(Achievement.DefaultOnTrack, Achievement.DefaultAtRisk);
}
