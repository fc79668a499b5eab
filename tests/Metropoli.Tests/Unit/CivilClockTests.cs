using Metropoli.Tests.Modules.StrategicPlan;

namespace Metropoli.Tests.Unit;

/// <summary>Days and hours in Milan around midnight and the two daylight-saving changes of 2026
/// (29 March 01:00 UTC: 02:00 → 03:00; 25 October 01:00 UTC: 03:00 → 02:00).</summary>
public sealed class CivilClockTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-14T22:59:59Z", "2026-01-14")] // 23:59:59 in Milan (UTC+1)
    [InlineData("2026-01-14T23:00:00Z", "2026-01-15")] // midnight in Milan, still the 14th in UTC
    [InlineData("2026-07-14T21:59:59Z", "2026-07-14")] // 23:59:59 in Milan (UTC+2)
    [InlineData("2026-07-14T22:00:00Z", "2026-07-15")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")] // a new year in Milan half an hour before UTC's
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")] // the night of the spring change
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")] // the night of the autumn change (still UTC+2)
    public void Today_is_the_date_in_Milan(string now, string today) =>
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), CivilClock.Today(new FixedClock(Utc(now))));

    [Theory]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00")] // 02:00-03:00 does not exist in Milan
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00")] // 02:30 happens twice; the offset tells them apart
    public void Now_carries_the_offset_in_force(string now, string civil)
    {
        var actual = CivilClock.Now(new FixedClock(Utc(now)));
        var expected = Utc(civil);
        Assert.Equal(expected.DateTime, actual.DateTime);
        Assert.Equal(expected.Offset, actual.Offset);
        Assert.Equal(Utc(now), actual); // the same instant
    }

    [Fact]
    public void A_stored_timestamp_is_read_as_UTC_whatever_its_kind()
    {
        var stored = new DateTime(2026, 7, 14, 22, 30, 0, DateTimeKind.Unspecified); // as SQLite hands it back
        Assert.Equal(new DateTime(2026, 7, 15, 0, 30, 0), CivilClock.ToCivil(stored));
        Assert.Equal(new DateOnly(2026, 7, 15), CivilClock.DayOf(stored));
        Assert.Equal(new DateOnly(2026, 1, 14), CivilClock.DayOf(new DateTime(2026, 1, 14, 22, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void The_same_instant_on_either_side_of_the_autumn_change_is_told_apart()
    {
        var first = CivilClock.ToCivil(Utc("2026-10-25T00:30:00Z"));
        var second = CivilClock.ToCivil(Utc("2026-10-25T01:30:00Z"));
        Assert.Equal(first.DateTime, second.DateTime);
        Assert.True(second > first);
    }
}
