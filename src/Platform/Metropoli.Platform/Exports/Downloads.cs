using System.Globalization;
using System.Text;
using Metropoli.Platform.Api;
using Metropoli.Platform.Time;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Platform.Exports;

/// <summary>One column of a list download: the machine code (open-data CSV header), the Italian header (Italian
/// CSV and XLSX), the value of a row (the machine CSV keeps codes) and, where a code has a name, what the Italian files
/// show instead (<paramref name="Shown"/>: a status's label, a sector's name).</summary>
public sealed record ExportColumn<T>(string Code, string Label, Func<T, object?> Value, Func<T, ExportNames, object?>? Shown = null)
{
    public object? ShownValue(T row, ExportNames names) => Shown is null ? Value(row) : Shown(row, names);
}

/// <summary>Names the Italian files print instead of codes (one per request).</summary>
public sealed class ExportNames(Sectors.SectorNames sectors)
{
    /// <summary>The sector's Italian name (the Italian files are Italian whatever the reader's language).</summary>
    public string Sector(string? code) => sectors.ItalianName(code);
}

/// <summary>The three forms of a list download (ADR 0034): the machine CSV at the bare URL (<c>,</c>, invariant
/// numbers, ISO dates, English codes), <c>?formato=it</c> for Italian Excel (<c>;</c>, decimal commas, dd/MM/yyyy,
/// Italian headers) and <c>?formato=xlsx</c>. Every CSV starts with the UTF-8 BOM; every file has a descriptive name.</summary>
public static class Downloads
{
    public const string FormatParameter = "formato";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    /// <summary>Answers the list in the format the request asks for (see the class summary).</summary>
    public static IResult File<T>(HttpContext context, string baseName, string sheetTitle, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        var today = CivilClock.Today(context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System);
        var name = FileName(baseName) + "-" + Formats(today);
        var list = rows.ToList();
        var names = new ExportNames(context.RequestServices.GetRequiredService<Sectors.SectorNames>());
        var format = context.Request.Query[FormatParameter].ToString().Trim().ToLowerInvariant();
        return format switch
        {
            "xlsx" => Results.File(Xlsx.Workbook([new XlsxSheet(sheetTitle, [.. columns.Select(c => c.Label)],
                list.Select(r => (IReadOnlyList<object?>)[.. columns.Select(c => c.ShownValue(r, names))]))]), XlsxType, name + ".xlsx"),
            "it" => Results.File(ItalianCsv([.. columns.Select(c => c.Label)], list.Select(r => columns.Select(c => c.ShownValue(r, names)).ToArray())), CsvType, name + "-it.csv"),
            _ => Results.File(MachineCsv([.. columns.Select(c => c.Code)], list.Select(r => columns.Select(c => c.Value(r)).ToArray())), CsvType, name + ".csv"),
        };
    }

    /// <summary>A download from a page handler (Razor Pages returns <see cref="Microsoft.AspNetCore.Mvc.IActionResult"/>).</summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult AsAction(this IResult result) => new ResultAction(result);

    private sealed class ResultAction(IResult result) : Microsoft.AspNetCore.Mvc.IActionResult
    {
        public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }

    private static string Formats(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The open-data CSV: BOM, <c>,</c>, invariant numbers, ISO dates, formula cells neutralised.</summary>
    public static byte[] MachineCsv(IEnumerable<string> header, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(h => Csv.Cell(h)))).Append("\r\n");
        foreach (var r in rows) sb.Append(Csv.Line(r)).Append("\r\n");
        return WithBom(sb.ToString());
    }

    /// <summary>The CSV Italian Excel opens by double click: BOM, <c>;</c>, decimal commas, dd/MM/yyyy dates.</summary>
    public static byte[] ItalianCsv(IEnumerable<string> header, IEnumerable<object?[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(';', header.Select(h => ItalianCell(h)))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(';', r.Select(ItalianCell))).Append("\r\n");
        return WithBom(sb.ToString());
    }

    public static string ItalianCell(object? value)
    {
        var s = value switch
        {
            null => "",
            DateTime d => CivilClock.ToCivil(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d).ToString("dd/MM/yyyy HH:mm", Italian),
            DateTimeOffset d => CivilClock.ToCivil(d.UtcDateTime).ToString("dd/MM/yyyy HH:mm", Italian),
            DateOnly d => d.ToString("dd/MM/yyyy", Italian),
            bool b => b ? "sì" : "no",
            IFormattable f => f.ToString(null, Italian),
            _ => value.ToString() ?? "",
        };
        if (s.Length > 0 && value is string && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static byte[] WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>A descriptive ASCII file name (without extension) from its parts: lower case, accents dropped,
    /// anything else a hyphen: ("azioni piano", "Piano strategico 2022–2024", "2026-12-07") → "azioni-piano-piano-strategico-2022-2024-2026-12-07".</summary>
    public static string FileName(params string?[] parts)
    {
        var sb = new StringBuilder();
        foreach (var ch in string.Join('-', parts.Where(p => !string.IsNullOrWhiteSpace(p))).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var name = sb.ToString().Trim('-');
        if (name.Length > 100) name = name[..100].TrimEnd('-');
        return name.Length == 0 ? "download" : name;
    }

    /// <summary><c>attachment; filename="ascii"; filename*=UTF-8''…</c> for a file name.</summary>
    public static string ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }

    /// <summary>HEAD on any GET endpoint (downloads included): answered as the GET, same status and headers, no body.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }
            context.Request.Method = HttpMethods.Get;
            var body = context.Response.Body;
            context.Response.Body = Stream.Null;
            try
            {
                await next();
            }
            finally
            {
                context.Response.Body = body;
                context.Request.Method = HttpMethods.Head;
            }
        });
}
