using System.Globalization;
using System.Text.RegularExpressions;

namespace Metropoli.Platform.Ui;

/// <summary>How amounts and days are written and read, in the pages and in the CSV files (Italian conventions).</summary>
public static partial class Formats
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateError = "La data deve essere nel formato AAAA-MM-GG, per esempio 2025-12-31.";

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

    /// <summary>Reads an amount in euro typed by a person or written in a file by the rule of <paramref name="style"/>
    /// (<see cref="NumberReader"/>: "1.250.000,50" in Italian), with or without "€" and spaces; never negative.</summary>
    public static bool TryParseEuro(string? text, NumberStyle style, out decimal? amount, out NumberError? error) =>
        NumberReader.TryRead(text, style, out amount, out error, allowNegative: false);

    /// <summary>An amount as an input field shows it back (no thousands separators, comma decimal in Italian).</summary>
    public static string EuroInput(decimal? amount) =>
        amount is { } a ? a.ToString("0.##", CultureInfo.CurrentCulture) : "";
}
