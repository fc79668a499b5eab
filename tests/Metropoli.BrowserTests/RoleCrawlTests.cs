using Metropoli.BrowserTests.Infrastructure;
using Metropoli.Platform.Auth;

namespace Metropoli.BrowserTests;

/// <summary>Each demo role signs in through the form, switches language with the header's switch
/// for English, visits every page it can reach (same checks as the anonymous crawl, plus filter and
/// empty-form states), and signs out through the header's POST form.</summary>
[Collection(CrawlCollection.Name)]
public sealed class RoleCrawlTests(BrowserFixture fx, ITestOutputHelper output)
{
    public static IEnumerable<object[]> AccountsAndLanguages =>
        Session.DemoAccounts.SelectMany(a => CrawlSet.Languages.Where(l => CrawlSet.VisitorsIn(l).Contains((string)a[0])).Select(l => new[] { a[0], l }));

    [Theory]
    [MemberData(nameof(AccountsAndLanguages))]
    public async Task Signed_in_pages_pass_the_page_checks(string email, string language)
    {
        var result = await fx.Crawls.GetAsync(email, language);
        output.WriteLine(result.Report());

        var mustReach = new List<string> { "/", "/comuni", "/zone", "/account" };
        if (Session.Account(email).Role == Roles.Administrator)
        {
            mustReach.AddRange(["/admin/utenti", "/admin/registro"]);
        }
        // The crawl stops at MaxPages: reaching it means routes may have been left out.
        Assert.True(result.Pages.Count < CrawlSet.MaxPages, $"The crawl stopped at {CrawlSet.MaxPages} pages: raise CrawlSet.MaxPages.");
        AnonymousCrawlTests.AssertCrawl(result, mustReach, "Server log:" + Environment.NewLine + fx.Server.LogTail(30));
    }
}
