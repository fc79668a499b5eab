using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>User text cannot inject script. The app renders no Markdown; what it writes without Razor's
/// encoding (<c>Html.Raw</c>) is its own server-built HTML and SVG — the dashboards' charts, the monitoring
/// report — which carry user text (theme names, area titles). Payloads are saved through the real forms
/// into those fields, into plain text fields shown by Razor (agreement title and subject), and into the
/// URL fields rendered as links (a Comune's website); then every page showing them is opened in Chromium:
/// no payload ran (its window flag stays undefined, no dialog opened, no CSP violation was reported —
/// the CSP would block an inline script, so a report of one means markup got through), none of its
/// markup is in the DOM (no script, event handler, iframe or javascript: link of it), and it is shown
/// as text.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class ScriptInjectionTests(BrowserFixture fx, ITestOutputHelper output)
{
    /// <summary>Each sets <c>window.__xss</c> (or opens a dialog) if it ever runs.</summary>
    public static readonly string[] Payloads =
    [
        "<script>__xss=1;alert(1)</script>",
        "<img src=x onerror=__xss=2;alert(2)>",
        "<svg onload=__xss=3;alert(3)></svg>",
        "\"><iframe srcdoc=\"<script>parent.__xss=4</script>\"></iframe>",
        "</text></title></desc><script>__xss=5</script>",
        "<a href=\"javascript:__xss=6\">x</a>",
    ];

    /// <summary>All payloads in one text, as long as the field takes.</summary>
    private static string Text(string prefix, int max) => Truncate(prefix + " " + string.Concat(Payloads), max);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>What the DOM would hold if a payload got through, found by marks only a payload carries.</summary>
    private const string DangerousMarkup =
        """
        () => {
          const bad = [];
          for (const s of document.querySelectorAll('script')) if (s.textContent.includes('__xss')) bad.push('<script> ' + s.textContent.slice(0, 60));
          for (const el of document.querySelectorAll('*')) for (const a of el.attributes) {
            if (/^on/i.test(a.name) && a.value.includes('__xss')) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
            const link = /^(href|xlink:href|action|formaction)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value);
            const source = /^(src|srcdoc|data)$/i.test(a.name) && /javascript:|__xss/i.test(a.value);
            if (link || source) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 60)}">`);
          }
          for (const f of document.querySelectorAll('iframe')) bad.push('<iframe> ' + (f.getAttribute('srcdoc') || f.src).slice(0, 60));
          return bad;
        }
        """;

    private sealed class Watch
    {
        public readonly List<string> Dialogs = [];
        public readonly PageChecks.ConsoleWatch Console;

        public Watch(IPage page)
        {
            Console = new PageChecks.ConsoleWatch(page);
            page.Dialog += async (_, d) =>
            {
                lock (Dialogs)
                {
                    Dialogs.Add($"{d.Type}: {d.Message}");
                }
                await d.DismissAsync();
            };
        }
    }

    private int _pagesChecked;

    /// <summary>Opens the page and asserts nothing ran, no payload markup is in the DOM, and the payload
    /// (its first <paramref name="shown"/>) is on the page as text.</summary>
    private async Task AssertInertAsync(IPage page, Watch watch, string path, string shown)
    {
        watch.Console.DrainCsp();
        watch.Console.DrainErrors();
        var response = await page.GotoAsync(path);
        Assert.True(response is { Status: 200 }, $"GET {path}: {response?.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var flag = await page.EvaluateAsync<string>("() => typeof window.__xss === 'undefined' ? '' : String(window.__xss)");
        var markup = await page.EvaluateAsync<string[]>(DangerousMarkup);
        var asText = await page.EvaluateAsync<bool>("s => document.documentElement.textContent.includes(s)", shown);
        var csp = watch.Console.DrainCsp();
        var problems = new List<string>();
        if (flag != "") problems.Add($"payload {flag} ran (window.__xss = {flag})");
        lock (watch.Dialogs)
        {
            problems.AddRange(watch.Dialogs.Select(d => "dialog opened: " + d));
            watch.Dialogs.Clear();
        }
        problems.AddRange(markup.Select(m => "payload markup in the DOM: " + m));
        problems.AddRange(csp.Select(c => "the CSP blocked something (injected markup?): " + c));
        problems.AddRange(watch.Console.DrainErrors());
        if (!asText) problems.Add($"the saved text is not shown on the page (so this page proves nothing): {shown}");
        output.WriteLine($"{(problems.Count == 0 ? "inert" : "FAIL ")} {path}");
        _pagesChecked++;
        Assert.True(problems.Count == 0, $"{path}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private async Task<(IBrowserContext, IPage, Watch)> SignedInAsync(string email)
    {
        var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new Watch(page);
        await Session.LogInAsync(page, email);
        return (context, page, watch);
    }

    [Fact]
    public async Task Payloads_saved_in_text_fields_never_run()
    {
        var (context, page, watch) = await SignedInAsync("admin@metropoli.example");
        await using var _ = context;
        var fields = 0;

        // 1. Theme name (200 chars) → the themes list, the new-agreement form, the agreements dashboard's SVG chart.
        var themeCode = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var themeName = Text("Tema", 200);
        await page.GotoAsync("/intese/temi");
        await page.Locator("#Input_Code").FillAsync(themeCode);
        await page.Locator("#Input_Name").FillAsync(themeName);
        await page.Locator("#Input_SortOrder").FillAsync("900");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Contains("Tema salvato.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        fields++;

        // 2. Agreement title (300) and subject (4000), with the theme → its page, the register, the dashboard.
        var title = Text("Intesa " + themeCode, 300);
        var subject = Text("Oggetto", 4000);
        await page.GotoAsync("/intese/nuova");
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Subject").FillAsync(subject);
        await page.Locator($"label[for='theme-{themeCode}']").ClickAsync();
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        var agreement = new Uri(page.Url).AbsolutePath;
        Assert.Matches(AgreementPath(), agreement);
        fields += 2;

        foreach (var (path, shown) in new[]
        {
            ("/intese/temi", themeName), ("/intese/nuova", themeName), (agreement, title), (agreement, subject),
            ($"/intese?q={themeCode}", title), ("/intese/cruscotto", themeName[..15]),
        })
        {
            await AssertInertAsync(page, watch, path, shown);
        }

        // 3. Area title (300) → the plan page, the plan dashboard's SVG chart (an area's description is shown nowhere).
        // A plan the public sees, so that an anonymous visitor opens the same page.
        await using var anonymous = await fx.NewContextAsync();
        var plan = await FirstPlanAsync(anonymous);
        var areaTitle = Text("Area", 300);
        await page.GotoAsync($"/piano/{plan}/aree/nuova");
        await page.Locator("#Input_Code").FillAsync("XSS" + Random.Shared.Next(100, 999));
        await page.Locator("#Input_Title").FillAsync(areaTitle);
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.DoesNotContain("/aree/nuova", page.Url, StringComparison.Ordinal);
        fields++;
        foreach (var (path, shown) in new[] { ($"/piano/{plan}", areaTitle), ($"/piano/{plan}/cruscotto", areaTitle[..15]) })
        {
            await AssertInertAsync(page, watch, path, shown);
        }

        // Anonymous visitors do not see the proposal, but they see the area of a published plan.
        var visitor = await anonymous.NewPageAsync();
        var visitorWatch = new Watch(visitor);
        await AssertInertAsync(visitor, visitorWatch, $"/piano/{plan}", areaTitle);
        output.WriteLine($"{Payloads.Length} payloads in {fields} fields, {_pagesChecked} page views checked");
    }

    /// <summary>The harness itself: markup planted in a real page (as if the app had not encoded a
    /// payload) is reported, so "no payload markup" means something.</summary>
    [Fact]
    public async Task The_detector_reports_planted_markup()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Empty(await page.EvaluateAsync<string[]>(DangerousMarkup));
        await page.EvaluateAsync("html => document.getElementById('main-container').insertAdjacentHTML('beforeend', html)", string.Concat(Payloads));
        var found = await page.EvaluateAsync<string[]>(DangerousMarkup);
        output.WriteLine(string.Join(Environment.NewLine, found));
        Assert.Contains(found, f => f.StartsWith("<script>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<img onerror", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<svg onload", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<iframe>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<a href=\"javascript:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("javascript:__xss=7")]
    [InlineData(" JavaScript:__xss=8")]
    [InlineData("data:text/html,<script>__xss=9</script>")]
    public async Task A_script_link_is_refused_as_a_website(string website)
    {
        var (context, page, watch) = await SignedInAsync("comune.rho@metropoli.example");
        await using var _ = context;
        await page.GotoAsync("/comuni/015182/contatti");
        await page.Locator("input[name$='Website']").FillAsync(website);
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Equal("/comuni/015182/contatti", new Uri(page.Url).AbsolutePath);
        Assert.True(await page.Locator("#website-error").InnerTextAsync() is { Length: > 0 }, "No error next to the website field");
        // The public page links no script.
        await page.GotoAsync("/comuni/015182");
        Assert.Empty(await page.EvaluateAsync<string[]>(DangerousMarkup));
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i], a[href^='data:' i]").CountAsync());
        Assert.Empty(watch.Dialogs);
    }

    [Fact]
    public async Task A_website_with_markup_is_shown_as_an_inert_link()
    {
        var (context, page, watch) = await SignedInAsync("comune.rho@metropoli.example");
        await using var _ = context;
        var website = "https://www.comune.rho.mi.it/?q=\"><script>__xss=10</script><img src=x onerror=__xss=11>";
        await page.GotoAsync("/comuni/015182/contatti");
        await page.Locator("input[name$='Website']").FillAsync(website);
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        // A valid http(s) URL: accepted, back on the Comune page.
        Assert.Equal("/comuni/015182", new Uri(page.Url).AbsolutePath);
        await AssertInertAsync(page, watch, "/comuni/015182", "<script>__xss=10</script>");
        var href = await page.Locator("main a[href^='https://www.comune.rho.mi.it/']").First.GetAttributeAsync("href");
        output.WriteLine("href: " + href);
        Assert.Equal(website, href);
        // Put the demo value back for the other tests of the collection.
        await page.GotoAsync("/comuni/015182/contatti");
        await page.Locator("input[name$='Website']").FillAsync("https://www.comune.rho.mi.it");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
    }

    private async Task<long> FirstPlanAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync(fx.Url("/api/v1/plans"));
        Assert.True(response.Ok, $"GET /api/v1/plans: {response.Status}");
        var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
        return json.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    [GeneratedRegex(@"^/intese/\d+$")]
    private static partial Regex AgreementPath();
}
