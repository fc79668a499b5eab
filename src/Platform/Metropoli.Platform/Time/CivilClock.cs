namespace Metropoli.Platform.Time;

/// <summary>Civil time in Milan (Europe/Rome), the one place instants become the days and hours people read and
/// the rules count in: an act dated "today" must not be refused as future at 00:30, a move that takes effect
/// "today" must not become yesterday's because the server counts in UTC. The time itself always comes from the
/// injected <see cref="TimeProvider"/>; what is stored and what the API returns stays UTC (RFC 3339 with offset).</summary>
public static class CivilClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>Now in Milan, with its offset (+01:00 in winter, +02:00 in summer).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => ToCivil(clock.GetUtcNow());

    /// <summary>Today's date in Milan.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>An instant as Milan's wall clock shows it.</summary>
    public static DateTimeOffset ToCivil(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A stored UTC timestamp as Milan's wall clock shows it (the kind of the value is ignored: every
    /// timestamp Metropoli stores is UTC).</summary>
    public static DateTime ToCivil(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The day in Milan of a stored UTC timestamp.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToCivil(utc));
}
