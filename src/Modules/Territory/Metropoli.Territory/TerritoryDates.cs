using System.Globalization;

namespace Metropoli.Territory;

/// <summary>Days of the territory (memberships, mandates, terms) are civil days in Milan: a move that
/// takes effect "today" must not become yesterday's at 00:30 because the server counts in UTC.</summary>
public static class TerritoryDates
{
    public const string Format = "yyyy-MM-dd";
    public const string FormatError = "La data deve essere nel formato AAAA-MM-GG, per esempio 2027-01-31.";

    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Rome).DateTime);

    /// <summary>The day in Milan of a UTC timestamp.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Rome));

    /// <summary>Reads an optional <c>YYYY-MM-DD</c> parameter: blank is "not given", anything else
    /// that is not exactly such a date is an error (no culture-dependent guessing).</summary>
    public static bool TryParseOptional(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }

    public static string Iso(DateOnly d) => d.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>A day as the pages show it ("3 marzo 2027" or "3 March 2027").</summary>
    public static string Text(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
}
