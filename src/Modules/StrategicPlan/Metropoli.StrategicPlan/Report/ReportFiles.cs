using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Metropoli.Platform.Api;
using Metropoli.Platform.Errors;

namespace Metropoli.StrategicPlan.Report;

/// <summary>Settings of the report files (section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>The Chromium used to print the PDF; when empty, the usual Debian/Ubuntu paths are tried.</summary>
    public string? ChromiumPath { get; set; }
    [Range(1, 3_600)]
    public int PdfTimeoutSeconds { get; set; } = 60;

    public string? FindChromium() =>
        new[] { ChromiumPath, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p) && File.Exists(p));
}

/// <summary>The report as files: a CSV per table, one XLSX workbook with a sheet per table (numbers as
/// numbers), and a PDF printed by headless Chromium from the same standalone HTML the browser shows.</summary>
public static class ReportFiles
{
    /// <summary>The printer (Chromium) is missing or failed: the HTML, CSV and XLSX report still work.</summary>
    public static readonly ProblemType PdfUnavailable = new("pdf-unavailable", 503, "PDF non disponibile");

    public static byte[] Csv(ReportTable table)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', table.Headers.Select(h => Platform.Api.Csv.Cell(h)))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.Append(Platform.Api.Csv.Line([.. row])).Append("\r\n");
        }
        // The BOM lets spreadsheet programs open accented text as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(table.Headers.Cast<object?>().ToList(), header: true));
                foreach (var row in table.Rows)
                {
                    data.AppendChild(Row(row, header: false));
                }
                part.Worksheet = new Worksheet(data);
                var name = table.Title.Length > 31 ? table.Title[..31] : table.Title;
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string SheetName(string name) =>
        new(name.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch).ToArray());

    private static Row Row(IReadOnlyList<object?> cells, bool header)
    {
        var row = new Row();
        foreach (var value in cells)
        {
            var cell = value switch
            {
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                DateOnly d => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) },
                null => new Cell(),
                // Inline strings are never evaluated as formulas, so "=cmd|…" stays text.
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }) },
            };
            if (header)
            {
                cell.StyleIndex = 1;
            }
            row.AppendChild(cell);
        }
        return row;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

    // One Chromium at a time: parallel requests each starting a browser on a small server all ran past the
    // time limit (hostile-input run, 8 in flight). A closed campaign's report does not change, so the same HTML
    // gives the same PDF: kept by content hash, a few at most.
    private static readonly SemaphoreSlim PdfGate = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> PdfByContent = new();
    private const int PdfCacheEntries = 16;

    /// <summary>Prints the standalone HTML with headless Chromium (no network: the document has no external
    /// resources). Null with the reason when Chromium is missing or fails. The same HTML is printed once.</summary>
    public static async Task<(byte[]? Pdf, string? Error)> PdfAsync(string html, ReportOptions options, CancellationToken ct)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        if (PdfByContent.TryGetValue(key, out var cached))
        {
            return (cached, null);
        }
        await PdfGate.WaitAsync(ct);
        try
        {
            if (PdfByContent.TryGetValue(key, out cached))
            {
                return (cached, null);
            }
            var printed = await PrintPdfAsync(html, options, ct);
            if (printed.Pdf is not null)
            {
                if (PdfByContent.Count >= PdfCacheEntries)
                {
                    PdfByContent.Clear();
                }
                PdfByContent[key] = printed.Pdf;
            }
            return printed;
        }
        finally
        {
            PdfGate.Release();
        }
    }

    private static async Task<(byte[]? Pdf, string? Error)> PrintPdfAsync(string html, ReportOptions options, CancellationToken ct)
    {
        var chromium = options.FindChromium();
        if (chromium is null)
        {
            return (null, "Per generare il PDF serve Chromium sul server (Reports:ChromiumPath). Il rapporto HTML si può stampare in PDF dal browser.");
        }
        var folder = Directory.CreateTempSubdirectory("metropoli-report-");
        try
        {
            var source = Path.Combine(folder.FullName, "rapporto.html");
            var target = Path.Combine(folder.FullName, "rapporto.pdf");
            await File.WriteAllTextAsync(source, html, Encoding.UTF8, ct);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-extensions", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(folder.FullName, "profile"),
                         "--print-to-pdf=" + target, new Uri(source).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.PdfTimeoutSeconds));
            var drainOut = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var drainErr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (null, "La generazione del PDF ha superato il tempo massimo.");
            }
            await Task.WhenAll(drainOut, drainErr);
            return File.Exists(target) && new FileInfo(target).Length > 0
                ? (await File.ReadAllBytesAsync(target, ct), null)
                : (null, "Chromium non ha prodotto il PDF.");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }
}
