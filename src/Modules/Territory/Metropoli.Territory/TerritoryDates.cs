using System.Globalization;

namespace Metropoli.Territory;

/// <summary>How the territory reads and writes its days (memberships, mandates, terms), which are civil days in
/// Milan (<see cref="CivilClock"/>).</summary>
public static class TerritoryDates
{
    public const string Format = "yyyy-MM-dd";
    public const string FormatError = "La data deve essere nel formato AAAA-MM-GG, per esempio 2027-01-31.";

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
