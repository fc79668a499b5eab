using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Text;
using Metropoli.Platform.Errors;

namespace Metropoli.Platform.Exports;

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

/// <summary>A PDF printed by headless Chromium from a standalone HTML document (no external resources): the monitoring
/// report of the plan and the consultation report of participation (ADR 0043) print through here. Null with the reason
/// when Chromium is missing or fails; the HTML stays the primary form.</summary>
public static class HtmlPdf
{
    /// <summary>The printer (Chromium) is missing or failed: 503 problem.</summary>
    public static readonly ProblemType Unavailable = new("pdf-unavailable", 503, "PDF non disponibile");

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
