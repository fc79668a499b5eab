using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.Tests.Unit;

/// <summary>The achievement formula, case by case as docs/adr/0011-indicator-achievement.md lists them.</summary>
public sealed class AchievementTests
{
    private const string Up = IndicatorDirections.Increase;
    private const string Down = IndicatorDirections.Decrease;
    private const string Range = IndicatorDirections.Range;

    [Theory]
    [InlineData(100, 200, 150, 50)]   // half of the planned change
    [InlineData(100, 200, 200, 100)]  // target reached
    [InlineData(100, 200, 100, 0)]    // nothing moved
    [InlineData(100, 200, 260, 100)]  // beyond the target: capped
    [InlineData(100, 200, 80, 0)]     // the wrong way: floored
    [InlineData(0, 40, 10, 25)]       // zero baseline is an ordinary baseline here
    [InlineData(-10, 10, 0, 50)]      // negative values
    public void Increase_is_the_share_of_the_planned_change(decimal baseline, decimal target, decimal actual, decimal expected) =>
        Assert.Equal(expected, Achievement.Compute(Up, baseline, target, null, null, actual));

    [Theory]
    [InlineData(50, 30, 40, 50)]
    [InlineData(50, 30, 30, 100)]
    [InlineData(50, 30, 20, 100)]     // better than the target: capped
    [InlineData(50, 30, 60, 0)]       // worse than the baseline: floored
    [InlineData(12, 0, 3, 75)]        // target zero (e.g. no fatalities) with a baseline
    public void Decrease_is_the_share_of_the_planned_reduction(decimal baseline, decimal target, decimal actual, decimal expected) =>
        Assert.Equal(expected, Achievement.Compute(Down, baseline, target, null, null, actual));

    [Theory]
    [InlineData(80, 80, 80, 100)]     // target equal to baseline: hold the level
    [InlineData(80, 80, 72, 90)]      // 10% short of the level to hold
    [InlineData(80, 70, 75, 100)]     // increase target already met at baseline
    [InlineData(80, 70, 63, 90)]
    public void Without_a_span_the_target_is_a_threshold(decimal baseline, decimal target, decimal actual, decimal expected) =>
        Assert.Equal(expected, Achievement.Compute(Up, baseline, target, null, null, actual));

    [Fact]
    public void Decrease_target_already_met_at_baseline_is_a_threshold_too()
    {
        Assert.Equal(100m, Achievement.Compute(Down, 20m, 30m, null, null, 25m));
        Assert.Equal(50m, Achievement.Compute(Down, 20m, 30m, null, null, 45m));
    }

    [Fact]
    public void Without_a_baseline_the_target_is_a_threshold()
    {
        Assert.Equal(75m, Achievement.Compute(Up, null, 40m, null, null, 30m));
        Assert.Equal(100m, Achievement.Compute(Up, null, 40m, null, null, 41m));
        Assert.Equal(0m, Achievement.Compute(Up, null, 0m, null, null, -1m));
        Assert.Equal(100m, Achievement.Compute(Down, null, 0m, null, null, 0m));
        Assert.Equal(0m, Achievement.Compute(Down, null, 0m, null, null, 2m));
    }

    [Theory]
    [InlineData(40, 60, 50, 100)]
    [InlineData(40, 60, 40, 100)]     // bounds included
    [InlineData(40, 60, 70, 50)]      // half a width above
    [InlineData(40, 60, 30, 50)]      // half a width below
    [InlineData(40, 60, 90, 0)]       // more than a width away
    [InlineData(50, 50, 45, 90)]      // single-value range: measured against the value
    public void Range_is_full_inside_and_distance_based_outside(decimal lower, decimal upper, decimal actual, decimal expected) =>
        Assert.Equal(expected, Achievement.Compute(Range, null, null, lower, upper, actual));

    [Fact]
    public void Range_with_one_open_bound()
    {
        Assert.Equal(100m, Achievement.Compute(Range, null, null, null, 25m, 10m));
        Assert.Equal(80m, Achievement.Compute(Range, null, null, null, 25m, 30m));
        Assert.Null(Achievement.Compute(Range, null, null, null, null, 30m));
    }

    [Fact]
    public void No_data_and_no_target_give_no_achievement()
    {
        Assert.Null(Achievement.Compute(Up, 10m, 20m, null, null, null));
        Assert.Null(Achievement.Compute(Up, 10m, null, null, null, 15m));
        Assert.Null(Achievement.Compute("unknown", 10m, 20m, null, null, 15m));
    }

    [Fact]
    public void Results_are_rounded_to_one_decimal()
    {
        Assert.Equal(33.3m, Achievement.Compute(Up, 0m, 3m, null, null, 1m));
        Assert.Equal(66.7m, Achievement.Compute(Up, 0m, 3m, null, null, 2m));
    }

    [Theory]
    [InlineData(null, 90, 60, "no-data")]
    [InlineData(95.0, 90, 60, "on-track")]
    [InlineData(90.0, 90, 60, "on-track")]
    [InlineData(89.9, 90, 60, "at-risk")]
    [InlineData(60.0, 90, 60, "at-risk")]
    [InlineData(59.9, 90, 60, "off-track")]
    [InlineData(0.0, 90, 60, "off-track")]
    [InlineData(75.0, 70, 50, "on-track")]
    public void Status_follows_the_plan_office_thresholds(double? achievement, int onTrack, int atRisk, string expected) =>
        Assert.Equal(expected, Achievement.Status(achievement is { } a ? (decimal)a : null, onTrack, atRisk));

    [Fact]
    public void The_target_of_a_year_is_its_own_else_the_next_else_the_last()
    {
        (int, decimal)[] targets = [(2023, 10m), (2025, 30m)];
        Assert.Equal(10m, Achievement.TargetFor(2022, targets));
        Assert.Equal(10m, Achievement.TargetFor(2023, targets));
        Assert.Equal(30m, Achievement.TargetFor(2024, targets));
        Assert.Equal(30m, Achievement.TargetFor(2027, targets));
        Assert.Null(Achievement.TargetFor(2024, []));
    }

    [Theory]
    [InlineData("annual", "2024", "2024-12-31")]
    [InlineData("semiannual", "2024-S1", "2024-06-30")]
    [InlineData("quarterly", "2024-q3", "2024-09-30")]
    [InlineData("monthly", "2024-02", "2024-02-29")]
    [InlineData("annual", "2024-Q1", null)]
    [InlineData("monthly", "2024-13", null)]
    [InlineData("quarterly", "2024-Q5", null)]
    [InlineData("semiannual", "24-S1", null)]
    public void Period_keys_must_fit_the_frequency(string frequency, string period, string? end) =>
        Assert.Equal(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Periods.End(frequency, period));
}
