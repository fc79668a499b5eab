using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Metropoli.Platform.Ui;

/// <summary>How the digits of a typed number are grouped and split.</summary>
public enum NumberStyle
{
    /// <summary>Italian: <c>.</c> groups thousands, <c>,</c> is the decimal mark (26.000 · 1.234,5 · 0,75).</summary>
    Italian,

    /// <summary>English: <c>,</c> groups thousands, <c>.</c> is the decimal mark (26,000 · 1,234.5 · 0.75).</summary>
    English,

    /// <summary>A file that did not declare its format: a value is read when only one of the two rules reads it, or
    /// both read it alike (1250 · 8500,5 · 12.5 · 1.234,5 · 1.250.000); 1.250 and 1,250 are refused.</summary>
    Undeclared,
}

/// <summary>Why a typed number was refused: an Italian message template (the resource key for English) and its arguments.</summary>
public sealed record NumberError(string Template, params object[] Args)
{
    public const string NotANumber = "«{0}» non è un numero: scrivi per esempio {1}.";
    public const string TwoReadings = "«{0}» si può leggere in due modi, {1} oppure {2}: scrivi {3} oppure {4}.";
    public const string Negative = "«{0}»: il valore non può essere negativo.";
    public const string TooLarge = "«{0}» è fuori dall'intervallo ammesso.";

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Args);

    /// <summary>The message to be read later in the reader's language (an import's error list).</summary>
    public LocalText Text => new(Template, Args);

    /// <summary>The message in the reader's language (the Italian template is the resource key).</summary>
    public string In(Microsoft.Extensions.Localization.IStringLocalizer l) => l[Template, Args].Value;
}

/// <summary>The one reader of numbers typed by people (form fields, CSV cells): the reader's culture decides
/// which mark groups thousands and which splits decimals; a value that fits only the other culture's rule, or
/// that could be read two ways, is refused with both readings rather than guessed (ADR 0032). The JSON API takes
/// JSON numbers only.</summary>
public static partial class NumberReader
{
    /// <summary>The largest magnitude accepted (well inside decimal and both databases' numeric columns).</summary>
    public const decimal Limit = 100_000_000_000_000m;

    public static NumberStyle ForCulture(CultureInfo culture) =>
        culture.NumberFormat.NumberDecimalSeparator == "," ? NumberStyle.Italian : NumberStyle.English;

    public static NumberStyle Current => ForCulture(CultureInfo.CurrentCulture);

    /// <summary>"it" or "en": the page's rule, for the echo script (<c>/js/numbers.js</c>) and the file format choice.</summary>
    public static string CurrentCode => Current == NumberStyle.English ? "en" : "it";

    /// <summary>The shape a field accepts, for its help text: "26.000 · 1.234,5 · 0,75".</summary>
    public static string Examples(NumberStyle style) => style == NumberStyle.English
        ? "26,000 · 1,234.5 · 0.75"
        : style == NumberStyle.Italian ? "26.000 · 1.234,5 · 0,75" : "26000 · 1.234,5 · 0,75";

    /// <summary>Reads <paramref name="text"/>; blank is a valid "no value". Spaces (also non-breaking and thin ones,
    /// which spreadsheets use to group digits) and a euro sign are ignored.</summary>
    public static bool TryRead(string? text, NumberStyle style, out decimal? value, out NumberError? error, bool allowNegative = true)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var shown = text.Trim();
        var s = Compact(shown);
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '\u2212'))
        {
            negative = s[0] != '+';
            s = s[1..];
        }
        if (s.Length == 0 || !Shape().IsMatch(s))
        {
            error = new NumberError(NumberError.NotANumber, shown, Examples(style));
            return false;
        }

        var it = Read(s, group: '.', mark: ',');
        var en = Read(s, group: ',', mark: '.');
        string? invariant;
        decimal a, b;
        switch (style)
        {
            case NumberStyle.Italian when it is not null:
                invariant = it;
                break;
            case NumberStyle.English when en is not null:
                invariant = en;
                break;
            case NumberStyle.Undeclared when it is null || en is null || it == en:
                invariant = it ?? en;
                break;
            default:
                invariant = null;
                break;
        }
        if (invariant is null)
        {
            // Fits the other culture's rule only, or both with different values: say both readings.
            (a, b) = style == NumberStyle.Undeclared
                ? (Parse(it!), Parse(en!))
                : (Parse((style == NumberStyle.Italian ? en : it) ?? "0"), Parse(Digits(s)));
            if ((style != NumberStyle.Undeclared && (style == NumberStyle.Italian ? en : it) is null) || a == b)
            {
                error = new NumberError(NumberError.NotANumber, shown, Examples(style));
                return false;
            }
            var shape = style == NumberStyle.English ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("it");
            error = new NumberError(NumberError.TwoReadings, shown, Words(a, shape), Words(b, shape), Plain(a, shape), Plain(b, shape));
            return false;
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v >= Limit)
        {
            error = new NumberError(NumberError.TooLarge, shown);
            return false;
        }
        if (negative && v != 0 && !allowNegative)
        {
            error = new NumberError(NumberError.Negative, shown);
            return false;
        }
        value = negative ? -v : v;
        return true;
    }

    /// <summary>The text in the invariant shape ("1234.5") when it follows the rule of <paramref name="group"/>
    /// and <paramref name="mark"/>: groups of three after a first group of one to three digits, at most one
    /// decimal mark after them; null otherwise.</summary>
    private static string? Read(string s, char group, char mark)
    {
        var parts = s.Split(mark);
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && (parts[1].Length == 0 || parts[1].Contains(group)))) return null;
        var whole = parts[0];
        if (whole.Contains(group))
        {
            var groups = whole.Split(group);
            if (groups[0].Length is < 1 or > 3 || groups[0][0] == '0' || groups.Skip(1).Any(g => g.Length != 3)) return null;
            whole = string.Concat(groups);
        }
        return parts.Length == 2 ? whole + "." + parts[1] : whole;
    }

    private static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    private static decimal Parse(string invariant) =>
        decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : 0;

    /// <summary>A reading as the reader's culture writes it with its groups: "1.250" / "1,25".</summary>
    private static string Words(decimal v, CultureInfo c) => v.ToString("#,##0.##########", c);

    /// <summary>A reading as it can be typed with no doubt: no groups ("1250", "1,25").</summary>
    private static string Plain(decimal v, CultureInfo c) => v.ToString("0.##########", c);

    private static string Compact(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (ch is ' ' or '\u00a0' or '\u202f' or '\u2009' or '€' or '\'') continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Digits with dots and commas between them, nothing else.</summary>
    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)*$")]
    private static partial Regex Shape();

}
