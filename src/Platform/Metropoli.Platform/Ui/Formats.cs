using System.Globalization;
using System.Text.RegularExpressions;

namespace Metropoli.Platform.Ui;

/// <summary>How amounts and days are written and read, in the pages and in the CSV files (Italian conventions).</summary>
public static partial class Formats
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateError = "La data deve essere nel formato AAAA-MM-GG, per esempio 2025-12-31.";
    public const string EuroError = "Indica un importo in euro, per esempio 1250000 oppure 1.250.000,50.";

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Euro with the page's separators and the sign after the amount, as Italian documents write it.
    /// The currency format of the culture is not used: in English it would print dollars.</summary>
    public static string Euro(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture) + " €";

    public static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex DotThousands();

    /// <summary>Reads an amount typed by a person or written by a spreadsheet: "1250000", "1250000.50",
    /// "1.250.000,50", "1250000,5", with or without "€" and spaces. A comma is always the decimal mark
    /// (Italian); a dot is a thousands separator only in the unambiguous "1.250.000" shape.</summary>
    public static bool TryParseEuro(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (s.Contains(','))
        {
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (DotThousands().IsMatch(s))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }
        if (s.Length == 0 || s.StartsWith('-') || s.StartsWith('+')
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        amount = value;
        return true;
    }

    /// <summary>An amount as an input field shows it back (no thousands separators, comma decimal in Italian).</summary>
    public static string EuroInput(decimal? amount) =>
        amount is { } a ? a.ToString("0.##", CultureInfo.CurrentCulture) : "";
}
