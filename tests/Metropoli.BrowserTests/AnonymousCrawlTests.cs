using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Every page an anonymous visitor can reach, in Italian and in English: status, language,
/// skiplink first, 0 axe violations (WCAG 2.0, 2.1 and 2.2 A/AA), no CSP violation.</summary>
[Collection(CrawlCollection.Name)]
public sealed class AnonymousCrawlTests(BrowserFixture fx, ITestOutputHelper output)
{
    private static readonly string[] PublicPages =
        ["/", "/comuni", "/zone", "/accedi", "/dichiarazione-accessibilita", "/privacy", "/note-legali"];

    [Theory]
    [InlineData("it")]
    [InlineData("en")]
    public async Task Anonymous_pages_pass_the_page_checks(string language)
    {
        var result = await fx.Crawls.GetAsync(CrawlSet.Anonymous, language);

        output.WriteLine(result.Report());
        AssertCrawl(result, PublicPages);
    }

    /// <summary>A CSP violation means the browser blocked something the page meant to use (a style, a
    /// font, a script): the page a user sees differs from the one designed.</summary>
    [Fact]
    public async Task Pages_raise_no_Content_Security_Policy_violations()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        var found = new List<string>();
        foreach (var path in new[] { "/", "/comuni", "/comuni/015182", "/zone", "/zone/nord-ovest", "/accedi", "/dichiarazione-accessibilita" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange(watch.DrainCsp().Select(v => $"{path}: {v}"));
            found.AddRange(watch.DrainErrors().Select(v => $"{path}: {v}"));
        }
        Assert.True(found.Count == 0, $"{found.Count} CSP violation(s) or script error(s):{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    internal static void AssertCrawl(CrawlResult result, IEnumerable<string> mustReach, string? diagnostics = null)
    {
        var unreached = mustReach.Where(p => !result.Reached(p)).ToList();
        var failed = result.Failed.ToList();
        Assert.True(failed.Count == 0 && unreached.Count == 0,
            (unreached.Count > 0 ? $"Not reached by following links: {string.Join(", ", unreached)}{Environment.NewLine}" : "")
            + result.Report() + (diagnostics is null ? "" : Environment.NewLine + diagnostics));
    }
}
