using Xunit.Abstractions;
using System.Net.Http.Headers;
using System.Text;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>ASVS 3.4 / 14.3: the same security headers on every answer the crawl, the endpoint list and
/// the OpenAPI document reach (pages, API, exports, static files, redirects) and on every kind of error;
/// signed-in pages and API answers are never cached. SecurityHeadersTests checks the values on a few
/// addresses; this class checks that the set is the same everywhere.</summary>
[Collection(SiteSurfaceCollection.Name)]
public sealed class HeadersEverywhereTests(SiteSurfaceFixture fx, ITestOutputHelper output)
{
    /// <summary>Page routes the crawl cannot reach by following links, and why.</summary>
    private static readonly Dictionary<string, string> Unreachable = new()
    {
        ["/accedi/codice"] = "second login step: only after a password login of an account with 2FA",
        ["/errore/{code:int}"] = "the error page, reached by re-execution (checked below with every error status)",
        ["/accedi/identita-digitale"] = "SPID/CIE sign-in: 404 unless DigitalIdentity is configured (DigitalIdentityTests and the browser flow walk it)",
    };

    private async Task<Exchange> Reference() =>
        (await fx.Surface).Exchanges.First(x => x.Who == "anonymous" && x.Url == "/" && x.Status == 200);

    [Fact]
    public async Task Every_crawled_page_api_answer_export_and_static_file_carries_the_same_security_headers()
    {
        var surface = await fx.Surface;
        var x = surface.Exchanges;
        output.WriteLine($"{x.Count} answers: {x.Count(e => e.IsHtml)} HTML, {x.Count(e => e.Path.StartsWith("/api"))} API, " +
            $"{x.Count(e => e.Path.StartsWith("/lib") || e.Path.StartsWith("/css") || e.Path.StartsWith("/js"))} static, " +
            $"{x.Count(e => e.Status is >= 300 and < 400)} redirects, {x.Count(e => e.Status >= 400)} errors; by " +
            string.Join(", ", x.GroupBy(e => e.Who).Select(g => $"{g.Key} {g.Count()}")));
        // The crawl is only a proof if it reached the kinds of answer that matter.
        Assert.True(x.Count(e => e.IsHtml && e.Who != "anonymous") >= 50, "the signed-in crawl reached too few pages");
        Assert.Contains(x, e => e.Path == SecurityHeadersTests.StaticFile || e.Path.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(x, e => e.Path.EndsWith(".csv", StringComparison.Ordinal) && e.Status == 200);
        Assert.Contains(x, e => e.Path.StartsWith("/api/v1/") && e.Status == 200);

        var reference = await Reference();
        Assert.Contains("frame-ancestors 'none'", reference.Header("Content-Security-Policy"));
        SecurityAssert.NoProblems(SecurityAssert.HeaderDifferences(reference, x), "answers without the security headers of the home page");
    }

    [Fact]
    public async Task The_crawl_and_the_openapi_document_reach_every_get_page_and_operation()
    {
        var surface = await fx.Surface;
        output.WriteLine($"{surface.PageRoutes.Count} GET page routes, {surface.Operations.Count(o => o.Method == "GET")} API GET operations");
        var missed = surface.UncoveredPageRoutes.Where(r => !Unreachable.ContainsKey(r)).ToList();
        Assert.True(missed.Count == 0, "No crawled link leads to these pages: link them or list them in Unreachable with the reason:\n  " + string.Join("\n  ", missed));
        // API GETs whose identifier no collection lists are asked with a placeholder (404): reported, not failed.
        output.WriteLine($"{surface.UncoveredApiGets.Count} API GETs without a real identifier: {string.Join(", ", surface.UncoveredApiGets)}");
        Assert.All(Unreachable.Keys, r => Assert.Contains(r, surface.PageRoutes)); // stale exceptions fail too
    }

    [Fact]
    public async Task Every_error_status_carries_the_same_security_headers()
    {
        var app = fx.App;
        var admin = await fx.As(Demo.Admin);
        var forum = await fx.As(Demo.Forum);
        var forumBrowser = await app.SignedIn(Demo.Forum);
        var anonymous = app.Anonymous();
        var plan = (await admin.GetJson("/api/v1/plans")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var answers = new List<(int Expected, HttpResponseMessage Response)>
        {
            (404, await anonymous.GetAsync("/api/v1/non-esiste")),
            (404, await anonymous.GetAsync("/pagina-che-non-esiste")),
            (404, await anonymous.GetAsync("/lib/non-esiste.css")),
            (400, await anonymous.GetAsync("/api/v1/zones?q=%00")),
            (400, await admin.PostAsync("/api/v1/access-tokens", Http.RawJson("{\"name\":"))),
            (400, await anonymous.PostAsync("/accedi", new FormUrlEncodedContent([new("Input.Email", "a@b.it")]))),
            (401, await anonymous.GetAsync("/api/v1/me")),
            (403, await forum.GetAsync("/api/v1/users")),
            (302, await forumBrowser.GetAsync("/admin/utenti")),
            (403, await forumBrowser.GetAsync("/accesso-negato")),
            (405, await anonymous.DeleteAsync("/api/v1/zones")),
            (405, await anonymous.PatchAsync("/api/v1/me", new StringContent(""))),
            (413, await admin.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(3 * 1024 * 1024))),
            (415, await admin.PostAsync("/api/v1/access-tokens", new StringContent("name=x", Encoding.UTF8, "text/plain"))),
        };
        var reference = await Reference();
        var problems = new List<string>();
        foreach (var (expected, response) in answers)
        {
            var x = await Exchange.ReadAsync("error", response);
            if (x.Status != expected) problems.Add($"{x}: expected {expected}");
            problems.AddRange(SecurityAssert.HeaderDifferences(reference, [x]));
        }
        SecurityAssert.NoProblems(problems, "error answers without the expected status or headers");
    }

    [Fact]
    public async Task Signed_in_pages_and_every_api_answer_are_not_stored_by_caches()
    {
        var surface = await fx.Surface;
        var cacheable = surface.Exchanges
            .Where(x => (x.IsHtml && x.Who != "anonymous") || (x.Path.StartsWith("/api/v1/") && x.Who == Demo.Admin))
            .Where(x => x.Header("Cache-Control")?.Contains("no-store") != true)
            .Select(x => $"{x}: Cache-Control {x.Header("Cache-Control") ?? "(missing)"}")
            .ToList();
        Assert.True(surface.Exchanges.Count(x => x.IsHtml && x.Who != "anonymous") > 0);
        SecurityAssert.NoProblems(cacheable, "signed-in answers that a cache may store");
    }

    private static ByteArrayContent Csv(int bytes)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("indicator_code,period,value,note\n" + new string('x', bytes)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
