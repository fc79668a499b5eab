using Metropoli.Platform.Time;
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

    /// <summary>An instant as Milan's clock shows it, one format per culture: "7 dicembre 2026, 06:18".</summary>
    public static string DateTime(System.DateTime utc) => CivilClock.ToCivil(utc).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant) => DateTime(instant.UtcDateTime);

    /// <summary>A number with the culture's groups and at most <paramref name="decimals"/> decimals, no trailing zeros: "18.500", "12,5".</summary>
    public static string Number(decimal? value, int decimals = 4) =>
        value is { } v ? v.ToString("#,##0." + new string('#', decimals), CultureInfo.CurrentCulture).TrimEnd('.', ',') : "—";

    public static string Number(long value) => value.ToString("#,##0", CultureInfo.CurrentCulture);

    /// <summary>A percentage with at most one decimal and no space, the same everywhere: "46,3%", "74%", "100%".</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("#,##0.#", CultureInfo.CurrentCulture) + "%" : "—";

    public static string Percent(int value) => Percent((decimal)value);

    /// <summary>A value with its unit of measure: a count needs no unit ("18.500", not "18500 numero"), a percentage
    /// and an amount in euro are written as such, any other unit follows the number ("12,5 km").</summary>
    public static string Quantity(decimal? value, string? unit)
    {
        if (value is not { } v) return "—";
        var u = unit?.Trim() ?? "";
        return u.ToLowerInvariant() switch
        {
            "" or "numero" or "n." or "n" or "number" or "count" => Number(v),
            "%" or "percentuale" => Percent(v),
            "€" or "euro" or "eur" => Euro(v),
            _ => Number(v) + "\u00a0" + u,
        };
    }

    /// <summary>Items joined as a sentence does: "7, 3 e 1" (Italian) or "7, 3 and 1".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        var and = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? " and " : " e ";
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + and + list[^1];
    }

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
