using Metropoli.BrowserTests.Infrastructure;
using Metropoli.Web.Platform.Auth;

namespace Metropoli.BrowserTests;

/// <summary>Each demo role signs in through the form, visits every page it can reach (same checks as
/// the anonymous crawl), and signs out through the header's POST form.</summary>
[Collection(RoleCrawlCollection.Name)]
public sealed class RoleCrawlTests(BrowserFixture fx, ITestOutputHelper output)
{
    public static IEnumerable<object[]> Accounts => Session.DemoAccounts;

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Signed_in_pages_pass_the_page_checks(string email)
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await Session.LogInAsync(page, email);

        var result = await new Crawler(page, fx.Server.BaseUrl, "it") { AlsoSkip = ["/accedi"] }.CrawlAsync("/");
        output.WriteLine(result.Report());

        foreach (var p in result.Pages)
        {
            var finalPath = new Uri(p.FinalUrl).AbsolutePath;
            if (finalPath == "/accedi")
            {
                p.Problems.Add("redirected to the login page: the session was lost or the link needs another login");
            }
            else if (finalPath == "/accesso-negato")
            {
                p.Problems.Add("a link this role is shown leads to 'access denied'");
            }
        }
        var mustReach = new List<string> { "/", "/comuni", "/zone", "/account" };
        if (Session.Account(email).Role == Roles.Administrator)
        {
            mustReach.AddRange(["/admin/utenti", "/admin/registro"]);
        }
        AnonymousCrawlTests.AssertCrawl(result, mustReach, "Server log:" + Environment.NewLine + fx.Server.LogTail(30));

        await Session.LogOutAsync(page, email);
    }
}
