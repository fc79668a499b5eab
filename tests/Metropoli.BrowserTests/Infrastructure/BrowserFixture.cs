namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>One app server and one Debian Chromium per test collection. Each test opens its own
/// browser context (cookies, storage), so tests in a collection do not share a session.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright's own browser builds cannot be downloaded here.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("METROPOLI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AppServer? _server;
    private Metropoli.TestSupport.LoopbackOidcProvider? _oidc;

    /// <summary>The SPID/CIE identity proxy the app signs in through (a real OpenID Connect provider on loopback, ADR 0049).</summary>
    public Metropoli.TestSupport.LoopbackOidcProvider Oidc => _oidc ?? throw new InvalidOperationException("Fixture not initialised");

    public AppServer Server => _server ?? throw new InvalidOperationException("Fixture not initialised");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not initialised");

    private CrawlSet? _crawls;

    /// <summary>The crawls of this fixture's app, each run once.</summary>
    public CrawlSet Crawls => LazyInitializer.EnsureInitialized(ref _crawls, () => new CrawlSet(this));

    public string Url(string pathAndQuery) => new Uri(Server.BaseUrl, pathAndQuery).ToString();

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium not found at {ChromiumPath}: apt-get install -y chromium (or set METROPOLI_CHROMIUM).");
        }
        _oidc = await Metropoli.TestSupport.LoopbackOidcProvider.StartAsync();
        var serverTask = AppServer.StartAsync(_oidc.AppSettings());
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage",
                ],
            });
        }
        finally
        {
            // Start both at once, but never leak a started server when the browser fails.
            _server = await serverTask;
        }
    }

    /// <summary>A fresh browser context. The app's CSP stays in force (no BypassCSP): axe-core comes in
    /// through the DevTools protocol when <see cref="Axe.RunAsync"/> needs it, outside the page's CSP, so the
    /// tests also see the CSP violations a real user's browser would report.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "it-IT",
            TimezoneId = "Europe/Rome",
            ViewportSize = new() { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_oidc is not null)
        {
            await _oidc.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CrawlCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "crawl";
}

[CollectionDefinition(Name)]
public sealed class FlowCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "flows";
}
