using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Security;

/// <summary>ASVS 5.2.1-5.2.2: every operation of the OpenAPI document that takes a file (multipart or a
/// CSV body) and every crawled page form with a file input refuses an oversized file and a file whose
/// content is not its type (a Windows executable named .csv, an HTML page named .png), with a clear error
/// and nothing stored: no row, no file.</summary>
// On SQLite only: refusing a file is the HTTP layer's work, before any query; "nothing stored" is checked the same on either provider.
[Trait("Database", "Sqlite")]
[Collection(SiteSurfaceCollection.Name)]
public sealed partial class UploadLimitsTests(SiteSurfaceFixture fx, ITestOutputHelper output)
{
    /// <summary>Larger than every upload limit of the app (10 MB for evidence and documents, 2 MB for imports).</summary>
    private const int Oversized = 10 * 1024 * 1024 + 4096;

    public sealed record BadFile(string Label, string Name, byte[] Content, string MediaType, bool TooLarge);

    public static readonly BadFile[] Files =
    [
        new("oversized", "grande.csv", Encoding.UTF8.GetBytes("a,b\n" + new string('1', Oversized)), "text/csv", true),
        new("executable named .csv", "dati.csv", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode"u8], "text/csv", false),
        new("HTML named .png", "foto.png", Encoding.UTF8.GetBytes("<html><body><script>alert(1)</script></body></html>"), "image/png", false),
    ];

    /// <summary>Plausible values for the other fields, so that the file is what gets judged.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["value"] = "1", ["period"] = "2024", ["note"] = "prova", ["kind"] = "annex", ["title"] = "Documento di prova",
        ["Input.Value"] = "1", ["Input.Period"] = "2024", ["Input.Note"] = "prova", ["DocumentKind"] = "annex", ["DocumentTitle"] = "Documento di prova",
    };

    [GeneratedRegex("dimensione massima|troppo grande", RegexOptions.IgnoreCase)]
    private static partial Regex SizeMessage();

    [Fact]
    public async Task Every_api_operation_that_takes_a_file_refuses_oversized_and_mistyped_files_and_stores_nothing()
    {
        var surface = await fx.Surface;
        var operations = surface.Operations.Where(o => o.Multipart || o.ContentTypes.Contains("text/csv")).ToList();
        Assert.True(operations.Count >= 3, "too few file operations found in the OpenAPI document: " + string.Join(", ", operations));
        var admin = await fx.As(Demo.Admin);
        var filler = new ApiUrlFiller(admin);
        var problems = new List<string>();
        var before = await SecurityAssert.DatabaseFingerprintAsync(fx.App);
        var files = fx.StoredFiles;
        var plan = (await admin.GetJson("/api/v1/plans")).GetProperty("items")[0].GetProperty("id").GetInt64();
        foreach (var op in operations)
        {
            // An import names its plan in the query; the other operations ignore the parameter.
            if (await filler.FillAsync(op.Template) is not { } filled)
            {
                output.WriteLine($"not reached (no collection gives a real identifier): {op}");
                continue;
            }
            var url = filled + "?plan=" + plan;
            foreach (var file in Files)
            {
                var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = op.Multipart ? Multipart(file, ["file", "evidence"], Fields) : Raw(file) };
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                var response = await admin.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var refused = file.TooLarge ? status is 413 or 422 && SizeMessage().IsMatch(body) : status is 400 or 415 or 422;
                if (!refused || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    problems.Add($"{op} with {file.Label}: {status} {Trim(body)}");
            }
        }
        output.WriteLine($"{operations.Count} API operations × {Files.Length} files: {string.Join(", ", operations)}");
        SecurityAssert.NoProblems(problems, "file uploads not refused with a clear problem");
        SecurityAssert.SameFingerprint(before, await SecurityAssert.DatabaseFingerprintAsync(fx.App), "The refused uploads");
        Assert.Equal(files, fx.StoredFiles);
    }

    [Fact]
    public Task Every_crawled_page_form_with_a_file_refuses_mistyped_files_with_a_form_error_and_stores_nothing() =>
        PageFormsRefuse(Files.Where(f => !f.TooLarge).ToArray());

    [Fact]
    public Task Every_crawled_page_form_with_a_file_refuses_an_oversized_file_with_a_form_error_and_stores_nothing() =>
        PageFormsRefuse(Files.Where(f => f.TooLarge).ToArray());

    private async Task PageFormsRefuse(BadFile[] badFiles)
    {
        var surface = await fx.Surface;
        var fileForms = surface.Forms.Where(f => f.Method == "post" && f.HasFileInput)
            .GroupBy(f => SiteCrawler.Template(f.Action)).Select(g => g.First()).ToList();
        // Every page whose model binds a file must have been found with its form.
        var filePages = (await EndpointList.PageHandlersAsync(fx.App)).Where(h => h.TakesFile).Select(h => h.Route).Distinct().ToList();
        var unreached = filePages.Where(r => !fileForms.Any(f => EndpointList.Matches(r, f.Action.Split('?')[0]))).ToList();
        Assert.True(unreached.Count == 0, "pages that take a file but whose form the crawl did not find:\n  " + string.Join("\n  ", unreached));

        var browser = await fx.App.SignedIn(Demo.Admin);
        var problems = new List<string>();
        var before = await SecurityAssert.DatabaseFingerprintAsync(fx.App);
        var lastAudit = await fx.App.WithDb(db => db.AuditEntries.MaxAsync(a => (long?)a.Id));
        var files = fx.StoredFiles;
        foreach (var crawled in fileForms)
        {
            foreach (var file in badFiles)
            {
                // A fresh copy of the form, with this browser's antiforgery token.
                var html = await (await browser.GetAsync(crawled.PageUrl)).Content.ReadAsStringAsync();
                var form = SiteCrawler.FormsIn(html, crawled.PageUrl).First(f => f.Action == crawled.Action && f.HasFileInput);
                var values = form.Inputs().Where(i => i.Type is not ("file" or "submit" or "checkbox" or "radio"))
                    .Select(i => (i.Name, Fields.TryGetValue(i.Name, out var v) && i.Value.Length == 0 ? v : i.Value))
                    .GroupBy(i => i.Name).ToDictionary(g => g.Key, g => g.First().Item2);
                var response = await browser.PostAsync(form.Action, Multipart(file, [form.FileField!], values));
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                var status = (int)response.StatusCode;
                // A form error on the page, or (over the form's multipart limit, before any handler runs) a 413.
                var shown = ((status is 200 or 400 or 415 or 422 && (body.Contains("alert-danger") || body.Contains("field-error"))) || status == 413)
                    && (!file.TooLarge || SizeMessage().IsMatch(body));
                if (!shown) problems.Add($"{form.Action} with {file.Label}: {status} {Trim(Regex.Replace(body, "<[^>]+>", " "))}");
            }
        }
        output.WriteLine($"{fileForms.Count} page forms × {badFiles.Length} files: {string.Join(", ", fileForms.Select(f => f.Action))}");
        SecurityAssert.NoProblems(problems, "file forms not refused with a clear error");
        // No record and no stored file may appear. The audit trail grows only by the reads of the trail itself that
        // the test's own GETs of each form's page record (pages that show a record's history log who read it).
        SecurityAssert.SameFingerprint(Without(before, "platform_audit_entries"), Without(await SecurityAssert.DatabaseFingerprintAsync(fx.App), "platform_audit_entries"), "The refused uploads");
        var written = await fx.App.WithDb(db => db.AuditEntries.Where(a => a.Id > (lastAudit ?? 0) && !(a.EntityType == "AuditTrail" && a.Action == "read"))
            .Select(a => a.EntityType + " " + a.Action + " " + a.EntityId).ToListAsync());
        Assert.True(written.Count == 0, "the refused uploads wrote audit entries: " + string.Join(", ", written));
        Assert.Equal(files, fx.StoredFiles);
    }

    private static Dictionary<string, long> Without(Dictionary<string, long> fingerprint, string table) =>
        fingerprint.Where(t => !t.Key.Contains(table, StringComparison.Ordinal)).ToDictionary();

    private static MultipartFormDataContent Multipart(BadFile file, IEnumerable<string> fileFields, IReadOnlyDictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var field in fileFields)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.MediaType);
            content.Add(part, field, file.Name);
        }
        return content;
    }

    private static ByteArrayContent Raw(BadFile file)
    {
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static string Trim(string s)
    {
        s = Regex.Replace(s, @"\s+", " ");
        return s.Length > 300 ? s[..300] + "…" : s;
    }
}
