using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Light pages (issue 19 item 7, ADR 0036): what a browser downloads for the home page on a first visit and on
/// a repeat visit, counted by Chromium itself (bytes received, headers included, as DevTools' "transferred"); the
/// callout's font; what the light Bootstrap Italia bundle still does. Lighthouse: <see cref="LighthouseTests"/>.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class LightPagesTests(BrowserFixture fx, ITestOutputHelper output)
{
    public const long FirstVisitBudget = 250 * 1024;
    public const long RepeatVisitBudget = 30 * 1024;

    private sealed class Transfers
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, string> _urls = [];
        private readonly List<(string Url, long Bytes)> _finished = [];

        public Transfers(ICDPSession cdp)
        {
            cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                if (e is { } x)
                {
                    lock (_gate) _urls[x.GetProperty("requestId").GetString()!] = x.GetProperty("request").GetProperty("url").GetString()!;
                }
            };
            cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is { } x)
                {
                    lock (_gate)
                    {
                        var id = x.GetProperty("requestId").GetString()!;
                        _finished.Add((_urls.GetValueOrDefault(id, id), (long)x.GetProperty("encodedDataLength").GetDouble()));
                    }
                }
            };
        }

        public IReadOnlyList<(string Url, long Bytes)> TakeAll()
        {
            lock (_gate)
            {
                var all = _finished.ToList();
                _finished.Clear();
                return all;
            }
        }
    }

    private async Task<IReadOnlyList<(string Url, long Bytes)>> Load(IPage page, Transfers transfers, Func<Task> navigate)
    {
        await navigate();
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        // Network idle has passed; give the last loadingFinished events a moment to arrive.
        await page.WaitForTimeoutAsync(300);
        return transfers.TakeAll();
    }

    private string Describe(string what, IReadOnlyList<(string Url, long Bytes)> list)
    {
        var lines = list.OrderByDescending(x => x.Bytes).Select(x => $"    {x.Bytes,9:N0}  {Regex.Replace(x.Url, @"\?v=[^#]*", "?v=…")}");
        var text = $"{what}: {list.Sum(x => x.Bytes):N0} bytes in {list.Count(x => x.Bytes > 0)} transfer(s){Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        output.WriteLine(text);
        return text;
    }

    [Fact]
    public async Task The_home_page_weighs_at_most_250_KB_on_a_first_visit_and_30_KB_on_a_repeat_visit()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var uncompressed = new List<string>();
        page.Response += (_, r) =>
        {
            var type = r.Headers.GetValueOrDefault("content-type") ?? "";
            var textual = type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("javascript") || type.Contains("svg") || type.Contains("json");
            if (r.Status == 200 && textual && r.Headers.GetValueOrDefault("content-encoding") is not ("br" or "gzip"))
            {
                uncompressed.Add($"{r.Url} ({type})");
            }
        };
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var transfers = new Transfers(cdp);

        var first = await Load(page, transfers, () => page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle }));
        var firstText = Describe("first visit", first);
        Assert.Empty(uncompressed);
        // Every font the page uses is downloaded once: the preload links and fonts.css name the same addresses.
        var fonts = first.Where(x => x.Url.Contains(".woff2", StringComparison.Ordinal)).Select(x => x.Url).ToList();
        Assert.Equal(fonts.Distinct().Count(), fonts.Count);
        Assert.True(first.Sum(x => x.Bytes) <= FirstVisitBudget, firstText);

        var repeat = await Load(page, transfers, () => page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle }));
        var repeatText = Describe("repeat visit", repeat);
        Assert.True(repeat.Sum(x => x.Bytes) <= RepeatVisitBudget, repeatText);
        // Only the page itself travels again: every asset comes from the browser's cache.
        Assert.True(repeat.Count(x => x.Bytes > 0) == 1, repeatText);

        var reload = await Load(page, transfers, () => page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle }));
        var reloadText = Describe("reload", reload);
        Assert.True(reload.Sum(x => x.Bytes) <= RepeatVisitBudget, reloadText);
    }

    /// <summary>Bootstrap Italia sets callout text in Lora; Metropoli's is Titillium Web (ADR 0036). A callout is
    /// added to a real page, under the real stylesheets, and its paragraph's font is read back.</summary>
    [Fact]
    public async Task Callout_text_is_set_in_Titillium_Web()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""() => document.querySelector('main').insertAdjacentHTML('beforeend', '<div class="callout" id="prova"><div class="callout-title">Nota</div><p>Testo del riquadro</p></div>')""");
        var family = await page.Locator("#prova p").EvaluateAsync<string>("p => getComputedStyle(p).fontFamily");
        Assert.StartsWith("\"Titillium Web\"", family, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.ready.then(() => document.fonts.check('400 18px \"Titillium Web\"'))"));
    }

    /// <summary>The Bootstrap Italia bundle is the light one, and what it carries still works: the header's menu opens
    /// and closes on a phone, and focus given with the mouse is marked as such (Bootstrap Italia then shows no focus
    /// ring, which it keeps for the keyboard).</summary>
    [Fact]
    public async Task The_light_bundle_opens_the_menu_on_a_phone_and_tells_mouse_focus_from_keyboard_focus()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await page.SetViewportSizeAsync(400, 800);
        await page.GotoAsync("/");
        Assert.Equal(1, await page.Locator("script[src*='bootstrap-italia.light.min.js']").CountAsync());
        Assert.Equal(0, await page.Locator("script[src*='bootstrap-italia.bundle']").CountAsync());
        var links = page.Locator("#main-nav .navbar-nav");
        Assert.False(await links.IsVisibleAsync());
        var toggler = page.Locator("button.custom-navbar-toggler");
        // The menu ignores a click while it slides in: wait for the end of its transition (Bootstrap Italia's "shown" event).
        await page.EvaluateAsync("() => { window.menuShown = new Promise(r => document.getElementById('main-nav').addEventListener('shown.bs.navbarcollapsible', () => r(true), { once: true })); }");
        await toggler.ClickAsync();
        await Assertions.Expect(links).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.menuShown"));
        Assert.Equal("true", await toggler.GetAttributeAsync("aria-expanded"));
        await page.Locator("#main-nav .close-menu").ClickAsync();
        await Assertions.Expect(links).Not.ToBeVisibleAsync();
        // Bootstrap Italia's TrackFocus marks every element focused with the mouse (data-focus-mouse): nothing else sets it.
        Assert.True(await page.Locator("[data-focus-mouse]").CountAsync() > 0, "no element marked data-focus-mouse: TrackFocus did not run");
        Assert.Empty(watch.DrainErrors());
        Assert.Empty(watch.DrainCsp());
    }
}
