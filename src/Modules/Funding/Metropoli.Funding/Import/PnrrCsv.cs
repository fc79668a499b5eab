using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Metropoli.Funding.Import;

/// <summary>One record of a portal file: its physical line (the header is line 1) and its fields by column name,
/// the names trimmed (the portal writes "CUP " and "Titolo progetto ").</summary>
public sealed record PnrrRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string this[string column] => Fields.TryGetValue(column, out var v) ? v.Trim() : "";
}

/// <summary>Reads the Italia Domani open-data files as the portal publishes them: UTF-8 with BOM, <c>;</c> separator,
/// quoted fields that may span lines, Italian numbers ("114.000.000", "1.234,56"), <c>N/D</c> and <c>N/A</c> for
/// missing values, dates as d/M/yyyy.</summary>
public static class PnrrCsv
{
    public static (string[] Header, List<PnrrRow> Rows, List<(int Line, string Message)> Errors) Read(string text)
    {
        var errors = new List<(int, string)>();
        var rows = new List<PnrrRow>();
        var bad = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, Delimiter = ";", IgnoreBlankLines = false, DetectColumnCountChanges = false,
            BadDataFound = _ => bad = true, MissingFieldFound = null,
        };
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        using var csv = new CsvReader(reader, config);
        string[]? header = null;
        var previousLast = 0;
        while (csv.Read())
        {
            var line = previousLast + 1;
            previousLast = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            var malformed = bad;
            bad = false;
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (header is null)
            {
                header = record.Select(h => h.Trim()).ToArray();
                continue;
            }
            if (malformed) { errors.Add((line, "Virgolette non corrette nella riga.")); continue; }
            if (record.Length != header.Length) { errors.Add((line, $"La riga ha {record.Length} campi invece di {header.Length}, come l'intestazione.")); continue; }
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) fields.TryAdd(header[i], record[i]);
            rows.Add(new PnrrRow(line, fields));
        }
        return (header ?? [], rows, errors);
    }

    /// <summary>Whether the text is a missing value of the portal.</summary>
    public static bool IsMissing(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim() is "N/D" or "N/A" or "n/d" or "n/a" or "-";

    /// <summary>An Italian amount: "." groups thousands, "," is the decimal mark; missing → null. False when unreadable.</summary>
    public static bool TryAmount(string? text, out decimal? amount)
    {
        amount = null;
        if (IsMissing(text)) return true;
        var t = text!.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= 0)
        {
            amount = v;
            return true;
        }
        return false;
    }

    /// <summary>A count ("2788"); missing → null.</summary>
    public static bool TryCount(string? text, out int? count)
    {
        count = null;
        if (!TryAmount(text, out var v)) return false;
        if (v is { } d) { if (d != decimal.Truncate(d) || d > int.MaxValue) return false; count = (int)d; }
        return true;
    }

    /// <summary>A date as the portal writes it (20/6/2022, 10/02/2023); missing → null.</summary>
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (IsMissing(text)) return true;
        if (DateOnly.TryParseExact(text!.Trim(), ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }
}
