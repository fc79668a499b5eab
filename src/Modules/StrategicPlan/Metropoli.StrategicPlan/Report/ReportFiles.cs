using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Metropoli.Platform.Api;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Exports;

namespace Metropoli.StrategicPlan.Report;

/// <summary>The report as files: a CSV per table, one XLSX workbook with a sheet per table (numbers as
/// numbers), and a PDF printed by headless Chromium from the same standalone HTML the browser shows.</summary>
public static class ReportFiles
{
    /// <summary>The printer (Chromium) is missing or failed: the HTML, CSV and XLSX report still work.</summary>
    public static ProblemType PdfUnavailable => HtmlPdf.Unavailable;

    /// <summary>A table as CSV with the BOM: the machine form (<c>,</c>, invariant numbers) or, with
    /// <paramref name="italian"/>, the form Italian Excel opens (<c>;</c>, decimal commas, dd/MM/yyyy).</summary>
    public static byte[] Csv(ReportTable table, bool italian = false) =>
        italian
            ? Downloads.ItalianCsv(table.Headers, table.Rows.Select(r => r.ToArray()))
            : Downloads.MachineCsv(table.Headers, table.Rows.Select(r => r.ToArray()));

    /// <summary>One sheet per table, named after the table's full title (shortened at a word when over 31 characters),
    /// header frozen, columns sized to their content.</summary>
    public static byte[] Xlsx(IReadOnlyList<ReportTable> tables) =>
        Platform.Exports.Xlsx.Workbook(tables.Select(t => new XlsxSheet(t.Title, t.Headers, t.Rows)));

    /// <summary>The PDF of the standalone HTML (platform <see cref="HtmlPdf"/>, shared with the participation report).</summary>
    public static Task<(byte[]? Pdf, string? Error)> PdfAsync(string html, ReportOptions options, CancellationToken ct) => HtmlPdf.PdfAsync(html, options, ct);
}
