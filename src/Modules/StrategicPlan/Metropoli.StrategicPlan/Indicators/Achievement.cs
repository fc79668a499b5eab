using Metropoli.StrategicPlan.Model;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>How far an indicator has got towards its target, as a percentage from 0 to 100, and the
/// status that follows from it. Pure functions: the same numbers in the pages, the API, the dashboards
/// and the report. The formula and its edge cases are documented, with worked examples, in
/// docs/adr/0011-indicator-achievement.md; the unit tests follow that document case by case.</summary>
public static class Achievement
{
    public const int DefaultOnTrack = 90;
    public const int DefaultAtRisk = 60;

    /// <summary>Achievement in percent, 0–100, rounded to one decimal; null when there is nothing to
    /// compare (no validated value, or no target to compare it with).</summary>
    /// <remarks>Values beyond the target are capped at 100 and values that moved the wrong way are floored
    /// at 0: an average over many indicators must not be carried by one that overshot, and the value
    /// itself (shown beside the percentage) still tells how far beyond the target it went.</remarks>
    public static decimal? Compute(string direction, decimal? baseline, decimal? target, decimal? lower, decimal? upper, decimal? actual)
    {
        if (actual is not { } a) return null;
        return direction switch
        {
            IndicatorDirections.Range => Range(lower, upper, a),
            IndicatorDirections.Decrease when target is { } t => Towards(baseline, t, a, increase: false),
            IndicatorDirections.Increase when target is { } t => Towards(baseline, t, a, increase: true),
            _ => null,
        };
    }

    /// <summary>The status for an achievement: no data, or on track / at risk / off track by the plan
    /// office's thresholds (percentages, on-track ≥ at-risk).</summary>
    public static string Status(decimal? achievement, int onTrack = DefaultOnTrack, int atRisk = DefaultAtRisk) => achievement switch
    {
        null => IndicatorStatuses.NoData,
        { } x when x >= onTrack => IndicatorStatuses.OnTrack,
        { } x when x >= atRisk => IndicatorStatuses.AtRisk,
        _ => IndicatorStatuses.OffTrack,
    };

    /// <summary>The target that applies to a year: that year's, else the next one set after it (the
    /// value is on its way there), else the last one set (the plan's final target still applies).</summary>
    public static decimal? TargetFor(int year, IReadOnlyCollection<(int Year, decimal Value)> targets)
    {
        if (targets.Count == 0) return null;
        var later = targets.Where(t => t.Year >= year).OrderBy(t => t.Year).Select(t => (decimal?)t.Value).FirstOrDefault();
        return later ?? targets.OrderBy(t => t.Year).Last().Value;
    }

    private static decimal Towards(decimal? baseline, decimal target, decimal actual, bool increase)
    {
        // Which way "better" goes: +1 for increase, -1 for decrease; all comparisons below are in that sense.
        var sign = increase ? 1m : -1m;
        if (baseline is { } b && (target - b) * sign > 0)
        {
            // The ordinary case: the share of the planned change that has been made.
            return Clamp((actual - b) / (target - b) * 100m);
        }
        // No baseline, a target equal to the baseline (hold the level) or a target the baseline already
        // met: there is no span to measure progress along, so the target is a threshold to keep.
        return Threshold(target, actual, sign);
    }

    /// <summary>100 when the value is at or beyond the threshold; otherwise the shortfall measured against
    /// the size of the threshold itself (a value 10% short scores 90), and 0 when the threshold is zero.</summary>
    private static decimal Threshold(decimal target, decimal actual, decimal sign)
    {
        var shortfall = (target - actual) * sign;
        if (shortfall <= 0) return 100m;
        return target == 0 ? 0m : Clamp(100m - shortfall / Math.Abs(target) * 100m);
    }

    /// <summary>Inside the range (bounds included) is 100; outside, the distance to the nearer bound is
    /// measured against the width of the range (one width away or more is 0). A range of a single value
    /// uses the size of that value instead of the width.</summary>
    private static decimal? Range(decimal? lower, decimal? upper, decimal actual)
    {
        if (lower is null && upper is null) return null;
        if ((lower is null || actual >= lower) && (upper is null || actual <= upper)) return 100m;
        var distance = lower is { } l && actual < l ? l - actual : actual - upper!.Value;
        var scale = lower is { } lo && upper is { } up && up > lo ? up - lo : Math.Abs(lower ?? upper!.Value);
        return scale == 0 ? 0m : Clamp(100m - distance / scale * 100m);
    }

    private static decimal Clamp(decimal percent) => Math.Round(Math.Min(100m, Math.Max(0m, percent)), 1, MidpointRounding.AwayFromZero);
}
