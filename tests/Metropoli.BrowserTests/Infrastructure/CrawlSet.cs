using Metropoli.Platform.Auth;
using System.Collections.Concurrent;
using Metropoli.Platform.Data;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>The crawls of one app server — anonymous and each demo role, in Italian and in English —
/// each run once however many tests ask for it: one test per crawl asserts its pages, and the
/// coverage test takes their union. The first request starts them all, <see cref="Parallel"/> at a
/// time, each in its own browser context (its own session and language cookie) of the one browser.</summary>
public sealed class CrawlSet(BrowserFixture fx)
{
    public const string Anonymous = "anonymous";

    public static readonly string[] Languages = ["it", "en"];

    /// <summary>Who is crawled: anonymous, then every demo account.</summary>
    public static IEnumerable<string> Visitors => new[] { Anonymous }.Concat(Startup.DemoAccounts.Select(a => a.Email));

    /// <summary>The roles crawled in English too (ADR 0024, addendum): the anonymous visitor, the administrator (who
    /// reaches nearly every page) and the municipality officer (the other side of the Comune's own records). Every
    /// visitor is crawled in Italian; the other roles' English pages are the administrator's shapes with their own
    /// header, and every text has its English (LocalizationTests).</summary>
    private static readonly string[] EnglishRoles = [Roles.Administrator, Roles.MunicipalityOfficer];

    /// <summary>The visitors crawled in <paramref name="language"/>.</summary>
    public static IEnumerable<string> VisitorsIn(string language) => language == "it"
        ? Visitors
        : new[] { Anonymous }.Concat(Startup.DemoAccounts.Where(a => EnglishRoles.Contains(a.Role)).Select(a => a.Email));

    /// <summary>The widths every crawled page must fit (issue 19): the context's own 1280 first (no resize), common
    /// laptop and desktop screens, and a phone.</summary>
    public static readonly int[] ViewportWidths = [1280, 1366, 1920, 390];

    /// <summary>Enough for every route a role can open, with <see cref="Crawler.MaxPerTemplate"/> samples each.</summary>
    public const int MaxPages = 400;

    /// <summary>Crawls at once (METROPOLI_CRAWL_PARALLEL, default 3). A crawl mostly waits on one
    /// renderer (axe) or on the server, so a few keep the machine's two cores busy; more only queue.</summary>
    public static int Parallel =>
        int.TryParse(Environment.GetEnvironmentVariable("METROPOLI_CRAWL_PARALLEL"), out var n) && n > 0 ? n : 3;

    private readonly ConcurrentDictionary<string, Lazy<Task<CrawlResult>>> _crawls = new();

    private readonly SemaphoreSlim _slots = new(Parallel, Parallel);

    private int _started;

    public FormStateRegistry FormStates { get; } = new();

    public AxeParts AxeParts { get; } = new();

    /// <summary>The page shapes measured at <see cref="ViewportWidths"/>, per language, across the crawls.</summary>
    public FormStateRegistry WidthClaims { get; } = new();

    public Task<CrawlResult> GetAsync(string visitor, string language)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Italian first: it claims the form states and has the larger crawls.
            foreach (var l in Languages)
            {
                foreach (var v in VisitorsIn(l))
                {
                    _ = Crawl(v, l);
                }
            }
        }
        return Crawl(visitor, language);
    }

    private Task<CrawlResult> Crawl(string visitor, string language) =>
        _crawls.GetOrAdd($"{visitor} {language}", _ => new Lazy<Task<CrawlResult>>(() => RunAsync(visitor, language))).Value;

    /// <summary>Every crawl, each awaited in turn (those already run are not run again).</summary>
    public async Task<List<(string Visitor, string Language, CrawlResult Result)>> AllAsync()
    {
        var all = new List<(string, string, CrawlResult)>();
        foreach (var visitor in Visitors)
        {
            foreach (var language in Languages.Where(l => VisitorsIn(l).Contains(visitor)))
            {
                all.Add((visitor, language, await GetAsync(visitor, language)));
            }
        }
        return all;
    }

    private async Task<CrawlResult> RunAsync(string visitor, string language)
    {
        await _slots.WaitAsync();
        try
        {
            return await CrawlAsync(visitor, language);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<CrawlResult> CrawlAsync(string visitor, string language)
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var signedIn = visitor != Anonymous;
        if (signedIn)
        {
            await Session.LogInAsync(page, visitor);
        }
        else
        {
            await page.GotoAsync("/");
        }
        if (language == "en")
        {
            await SwitchToEnglishAsync(page);
        }

        var crawler = new Crawler(page, fx.Server.BaseUrl, language)
        {
            AlsoSkip = signedIn ? ["/accedi"] : [],
            MaxPages = MaxPages,
            FormStates = FormStates,
            AxeParts = AxeParts,
            ViewportWidths = ViewportWidths,
            WidthClaims = WidthClaims,
        };
        var result = await crawler.CrawlAsync("/");

        if (signedIn)
        {
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
            await Session.LogOutAsync(page, visitor);
        }
        return result;
    }

    /// <summary>The ITA/ENG switch of the slim header, as a visitor would use it: back on the same page, in English.</summary>
    public static async Task SwitchToEnglishAsync(IPage page)
    {
        var before = new Uri(page.Url).AbsolutePath;
        var english = page.Locator("header a[hreflang=en]").First;
        Assert.True(await english.CountAsync() > 0, $"No link with hreflang=\"en\" (language switch) in the header of {page.Url}");
        await page.ClickAndWaitForPageAsync(english);
        Assert.Equal(before, new Uri(page.Url).AbsolutePath);
        Assert.Equal("en", (await page.EvaluateAsync<string>("() => document.documentElement.lang")).Split('-')[0]);
    }
}
