using System.Globalization;
using System.Text;

namespace Metropoli.Platform.Api;

/// <summary>Open-data CSV: UTF-8 with a BOM (so spreadsheets read the accents), a header row, ISO dates, codes as text, and cells that a
/// spreadsheet would run as formulas neutralised with a leading apostrophe (CSV injection).</summary>
public static class Csv
{
    public static string Cell(object? value)
    {
        var s = value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (s.Length > 0 && value is string && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            s = "'" + s;
        }
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static string Line(params object?[] cells) => string.Join(',', cells.Select(Cell));

    public static IResult File<T>(string fileName, IEnumerable<string> header, IEnumerable<T> rows, Func<T, object?[]> cells)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header)).Append("\r\n");
        foreach (var r in rows)
        {
            sb.Append(Line(cells(r))).Append("\r\n");
        }
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())], "text/csv; charset=utf-8", fileName);
    }
}
