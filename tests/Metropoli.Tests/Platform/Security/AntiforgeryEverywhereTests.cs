using Xunit.Abstractions;
using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>ASVS 3.5.1: every POST form of every crawled page carries the antiforgery field, and every
/// POST page handler of the endpoint list refuses (400) a signed-in request without a valid token,
/// storing nothing.</summary>
[Collection(SiteSurfaceCollection.Name)]
public sealed class AntiforgeryEverywhereTests(SiteSurfaceFixture fx, ITestOutputHelper output)
{
    /// <summary>Pages that opt out with [IgnoreAntiforgeryToken], and why; any other opt-out fails.</summary>
    private static readonly Dictionary<string, string> OptedOut = new()
    {
        ["/errore/{code:int}"] = "the error page: the exception handler re-executes a failed POST here; it only renders a message",
    };

    [Fact]
    public async Task Every_post_form_in_every_crawled_page_has_the_antiforgery_field()
    {
        var surface = await fx.Surface;
        var post = surface.Forms.Where(f => f.Method == "post").ToList();
        output.WriteLine($"{surface.Forms.Count} forms in {surface.Forms.Select(f => f.PageUrl).Distinct().Count()} pages, {post.Count} POST " +
            $"({post.Select(f => SiteCrawler.Template(f.Action)).Distinct().Count()} distinct actions), {post.Count(f => f.HasFileInput)} with a file input");
        Assert.True(post.Count >= 20, "the crawl found too few POST forms to prove anything");
        var missing = post.Where(f => !f.HasAntiforgeryField).Select(f => $"{f.PageUrl}: <form action=\"{f.Action}\">").Distinct().ToList();
        SecurityAssert.NoProblems(missing, "POST forms without __RequestVerificationToken");
        // A form that posts a file must say so, or the browser sends only the file name.
        var files = post.Where(f => f.HasFileInput && f.Enctype != "multipart/form-data").Select(f => $"{f.PageUrl}: {f.Action}").ToList();
        SecurityAssert.NoProblems(files, "file forms without enctype=multipart/form-data");
    }

    [Fact]
    public async Task Every_post_page_handler_refuses_a_signed_in_post_without_a_valid_token_and_stores_nothing()
    {
        var surface = await fx.Surface;
        var handlers = (await EndpointList.PageHandlersAsync(fx.App)).Where(h => h.HttpMethod == "POST").ToList();
        var visited = surface.Exchanges.Where(x => x.Status < 400).Select(x => x.Path).Distinct().ToList();
        var browser = await fx.App.SignedIn(Demo.Admin);
        // The browser holds the session and antiforgery cookies; only the token in the form is missing or wrong.
        await browser.GetAsync("/account");
        var before = await SecurityAssert.DatabaseFingerprintAsync(fx.App);

        var problems = handlers.Where(h => h.IgnoresAntiforgery && !OptedOut.ContainsKey(h.Route))
            .Select(h => $"{h}: [IgnoreAntiforgeryToken] without a reason in OptedOut").ToList();
        foreach (var h in handlers.Where(h => !h.IgnoresAntiforgery))
        {
            var path = visited.FirstOrDefault(p => EndpointList.Matches(h.Route, p)) ?? EndpointList.Placeholders(h.Route); // the token check runs before any lookup
            var url = h.Name is null ? path : path + "?handler=" + h.Name;
            foreach (var (label, token) in new[] { ("no token", (string?)null), ("forged token", "CfDJ8" + new string('A', 150)) })
            {
                var response = await browser.PostAsync(url, Body(h, token));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                    problems.Add($"{h} at {url} with {label}: {(int)response.StatusCode}");
            }
        }
        // The opted-out handlers are still posted: they too must store nothing.
        foreach (var h in handlers.Where(h => h.IgnoresAntiforgery))
        {
            await browser.PostAsync(EndpointList.Placeholders(h.Route), Body(h, null));
        }
        output.WriteLine($"{handlers.Count} POST page handlers on {handlers.Select(h => h.Route).Distinct().Count()} pages, " +
            $"{handlers.Count(h => h.TakesFile)} on pages that take a file; each posted without and with a forged token");
        Assert.True(handlers.Count >= 30, "too few POST handlers found: the enumeration is broken");
        SecurityAssert.NoProblems(problems, "POST handlers that did not refuse a request without a valid antiforgery token");
        SecurityAssert.SameFingerprint(before, await SecurityAssert.DatabaseFingerprintAsync(fx.App), "The refused POSTs");
        // Logout was among them: the session must have survived its refused POST.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    private static HttpContent Body(PageHandler h, string? token)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Title", "CSRF"), new("Confirm", "true"), new("Version", "1") };
        if (token is not null) fields.Add(new("__RequestVerificationToken", token));
        if (!h.TakesFile) return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
        multipart.Add(new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "Upload", "dati.csv");
        return multipart;
    }
}
