using Metropoli.Territory.Zones;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>The rotation of zone coordinators as a pure function: turns in order, wrapping around,
/// skipping Comuni that are not eligible on a term's first day, recorded terms and overrides.</summary>
public sealed class CoordinatorRotationTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly RotationPlan Yearly = new(D("2020-01-01"), 12, ["A", "B", "C"]);

    private static bool Everyone(string istat, DateOnly day) => true;

    [Fact]
    public void Terms_follow_the_order_and_wrap_around()
    {
        var s = CoordinatorRotation.Resolve(Yearly, [], Everyone, D("2021-06-01"));
        Assert.Equal(("B", D("2021-01-01"), D("2021-12-31")), (s.Current!.IstatCode, s.Current.From, s.Current.To));
        Assert.Equal("C", s.Next!.IstatCode);

        var later = CoordinatorRotation.Resolve(Yearly, [], Everyone, D("2023-03-01"));
        Assert.Equal("A", later.Current!.IstatCode);
        Assert.Equal("B", later.Next!.IstatCode);
        Assert.Equal(["C", "B", "A"], later.Past.Select(p => p.IstatCode));
        Assert.Equal(D("2022-12-31"), later.Past[0].To);
    }

    [Fact]
    public void A_comune_without_a_mayor_on_the_first_day_of_its_term_is_skipped_and_the_order_continues()
    {
        bool noMayorForB(string istat, DateOnly day) => istat != "B";
        var s = CoordinatorRotation.Resolve(Yearly, [], noMayorForB, D("2021-06-01"));
        Assert.Equal("C", s.Current!.IstatCode);
        Assert.Equal("A", s.Next!.IstatCode);
    }

    [Fact]
    public void A_comune_that_left_the_zone_is_skipped_from_the_day_it_left()
    {
        // B is a member until 30 June 2021: it keeps its 2021 turn (it was a member on 1 January) and loses 2024's.
        bool memberUntilJune(string istat, DateOnly day) => istat != "B" || day <= D("2021-06-30");
        var turns = CoordinatorRotation.Turns(Yearly, [], memberUntilJune, 5);
        Assert.Equal(["A", "B", "C", "A", "C", "A"], turns.Select(t => t.IstatCode));
    }

    [Fact]
    public void Nobody_eligible_means_no_coordinator_for_that_term()
    {
        var s = CoordinatorRotation.Resolve(Yearly, [], (_, _) => false, D("2021-06-01"));
        Assert.NotNull(s.Current);
        Assert.Null(s.Current.IstatCode);
        Assert.Null(s.Next!.IstatCode);
        Assert.Empty(s.Past);
    }

    [Fact]
    public void An_override_wins_for_its_days_and_does_not_move_the_order()
    {
        RecordedTerm[] recorded = [new("C", D("2021-03-01"), D("2021-12-31"), IsOverride: true, "Dimissioni del sindaco di B", 1)];
        Assert.Equal("B", CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2021-02-28")).Current!.IstatCode);

        var s = CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2021-06-01"));
        Assert.Equal("C", s.Current!.IstatCode);
        Assert.True(s.Current.IsOverride);
        Assert.Equal("Dimissioni del sindaco di B", s.Current.Reason);
        Assert.Equal("C", s.Next!.IstatCode); // the order goes on from B, whose turn it was
        // B served until the day before the override started.
        Assert.Contains(s.Past, p => p.IstatCode == "B" && p.From == D("2021-01-01") && p.To == D("2021-02-28"));

        Assert.Equal("C", CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2022-01-01")).Current!.IstatCode);
        Assert.False(CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2022-01-01")).Current!.IsOverride);
    }

    [Fact]
    public void The_latest_override_wins_when_two_cover_the_same_day()
    {
        RecordedTerm[] recorded =
        [
            new("C", D("2021-03-01"), D("2021-12-31"), true, "prima", 1),
            new("A", D("2021-05-01"), D("2021-12-31"), true, "seconda", 2),
        ];
        Assert.Equal("A", CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2021-06-01")).Current!.IstatCode);
    }

    [Fact]
    public void A_recorded_term_keeps_the_past_and_the_order_continues_after_it()
    {
        // 2020 was recorded as C's (e.g. the order was different then): 2021 goes to A, after C.
        RecordedTerm[] recorded = [new("C", D("2020-01-01"), D("2020-12-31"), false, null, 1)];
        var s = CoordinatorRotation.Resolve(Yearly, recorded, Everyone, D("2021-06-01"));
        Assert.Equal("A", s.Current!.IstatCode);
        Assert.Equal("B", s.Next!.IstatCode);
        var past = Assert.Single(s.Past);
        Assert.Equal(("C", true), (past.IstatCode, past.Recorded));
    }

    [Fact]
    public void Before_the_start_there_is_no_current_coordinator_and_the_first_eligible_is_next()
    {
        var s = CoordinatorRotation.Resolve(Yearly, [], (istat, _) => istat != "A", D("2019-12-31"));
        Assert.Null(s.Current);
        Assert.Equal(("B", D("2020-01-01")), (s.Next!.IstatCode, s.Next.From));
    }

    [Fact]
    public void Without_a_plan_only_recorded_terms_answer()
    {
        RecordedTerm[] recorded = [new("B", D("2021-01-01"), D("2021-12-31"), true, "nomina", 1)];
        var s = CoordinatorRotation.Resolve(null, recorded, Everyone, D("2021-06-01"));
        Assert.Equal("B", s.Current!.IstatCode);
        Assert.Null(s.Next);
    }

    [Theory]
    [InlineData("2020-01-31", 1, "2020-03-30", 1, "2020-02-29", "2020-03-30")]
    [InlineData("2020-01-31", 1, "2020-03-31", 2, "2020-03-31", "2020-04-29")]
    [InlineData("2020-03-15", 6, "2020-09-14", 0, "2020-03-15", "2020-09-14")]
    [InlineData("2020-03-15", 6, "2020-09-15", 1, "2020-09-15", "2021-03-14")]
    [InlineData("2020-01-01", 30, "2025-06-30", 2, "2025-01-01", "2027-06-30")]
    public void Terms_are_counted_from_the_start_date_without_drifting_at_month_ends(
        string start, int months, string day, int index, string from, string to)
    {
        var plan = new RotationPlan(D(start), months, ["A"]);
        var k = CoordinatorRotation.PeriodIndex(plan, D(day));
        Assert.Equal(index, k);
        Assert.Equal((D(from), D(to)), CoordinatorRotation.Period(plan, k));
    }

    [Fact]
    public void Terms_are_contiguous_for_decades()
    {
        var plan = new RotationPlan(D("2016-08-31"), 7, ["A"]);
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(CoordinatorRotation.Period(plan, k).To.AddDays(1), CoordinatorRotation.Period(plan, k + 1).From);
            Assert.Equal(k, CoordinatorRotation.PeriodIndex(plan, CoordinatorRotation.Period(plan, k).From));
            Assert.Equal(k, CoordinatorRotation.PeriodIndex(plan, CoordinatorRotation.Period(plan, k).To));
        }
    }
}
