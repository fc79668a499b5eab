using System.Text.Json;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Issue 19 items 4 and 5 in a real browser: chart text stays legible (≥ 12 px rendered) on a 390 px
/// screen, the data tables open from a disclosure by keyboard without JavaScript, the pages pass axe at both
/// widths, and the maps link each Comune and zoom with their buttons.</summary>
[Collection(FlowCollection.Name)]
public sealed class ChartsAndMapsTests(BrowserFixture fx)
{
    private const string TextSizes = """
        () => Array.from(document.querySelectorAll('svg.dashboard-chart text, svg.trend-chart text')).map(t => {
          const m = t.getScreenCTM();
          const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          return { text: t.textContent, size };
        })
        """;

    /// <summary>The dashboard of the plan in force (the redirect the home page's card uses): other browser tests create
    /// plans of their own, so "the first plan of the list" may have no actions.</summary>
    private Task<string> DashboardAsync(IBrowserContext context) => Task.FromResult("/piano/cruscotto");

    /// <summary>An action of the plan in force, from the plan's action list.</summary>
    private async Task<string> ActionAsync(IPage page)
    {
        await page.GotoAsync("/piano/cruscotto");
        var plan = System.Text.RegularExpressions.Regex.Match(page.Url, @"/piano/(\d+)/cruscotto").Groups[1].Value;
        await page.GotoAsync($"/piano/{plan}/azioni");
        return await page.Locator("main a[href^='/piano/azioni/']").First.GetAttributeAsync("href") ?? "";
    }

    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("METROPOLI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    [Theory]
    [InlineData("dashboard")]
    [InlineData("/comuni/015146")]
    [InlineData("/piano/indicatori/1")]
    public async Task Chart_text_is_at_least_12_px_on_a_390_px_screen(string where)
    {
        await using var context = await fx.NewContextAsync(width: 390);
        var page = await context.NewPageAsync();
        var url = where == "dashboard" ? await DashboardAsync(context) : where;
        await page.GotoAsync(url);
        await Screenshot(page, "charts-390-" + where.Trim('/').Replace('/', '-'));
        var sizes = await page.EvaluateAsync<JsonElement>(TextSizes);
        Assert.True(sizes.GetArrayLength() > 0, $"No chart text on {url}");
        var small = sizes.EnumerateArray().Where(s => s.GetProperty("size").GetDouble() < 12)
            .Select(s => $"«{s.GetProperty("text").GetString()}» {s.GetProperty("size").GetDouble():0.0} px").ToList();
        Assert.True(small.Count == 0, $"{url}: chart text below 12 px at 390 px: {string.Join(", ", small.Take(10))}");
        // Nothing wider than the screen: the page does not scroll sideways because of a chart.
        Assert.True(await page.EvaluateAsync<bool>("() => Array.from(document.querySelectorAll('svg.dashboard-chart, svg.trend-chart')).every(s => s.getBoundingClientRect().right <= window.innerWidth + 1)"));
    }

    [Fact]
    public async Task The_data_table_opens_from_its_disclosure_by_keyboard_without_JavaScript()
    {
        await using var context = await fx.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await DashboardAsync(context));
        var table = page.Locator("details.chart-data table:has(caption:text('Numero di indicatori per stato'))");
        Assert.False(await table.IsVisibleAsync());
        var summary = page.Locator("details.chart-data:has(caption:text('Numero di indicatori per stato')) > summary");
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await table.IsVisibleAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Dashboard_indicator_Comune_and_map_pages_pass_axe_with_their_tables_open(int width)
    {
        await using var context = await fx.NewContextAsync(width: width);
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        var urls = new List<string> { await DashboardAsync(context), "/piano/indicatori/1", "/comuni/015182", "/territorio/mappa" };
        // The summary boxes: the first action of the dashboard's late list or table, the first agreement of the register.
        urls.Add(await ActionAsync(page));
        await page.GotoAsync("/intese");
        urls.Add(await page.Locator("main table a[href^='/intese/']").First.GetAttributeAsync("href") ?? "");
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await page.EvaluateAsync("() => document.querySelectorAll('details.chart-data').forEach(d => d.open = true)");
            if (width == 1280) await Screenshot(page, "page-1280-" + url.Trim('/').Replace('/', '-'));
            var problems = await PageChecks.RunAsync(page, "it", watch);
            Assert.True(problems.Count == 0, $"{url} at {width} px:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    [Fact]
    public async Task The_map_zooms_with_its_buttons_and_each_Comune_leads_to_its_page()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/territorio/mappa");
        var map = page.Locator("svg.territory-map");
        var whole = await map.GetAttributeAsync("viewBox");
        var zoomIn = page.GetByRole(AriaRole.Button, new() { Name = "Ingrandisci" });
        await zoomIn.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var zoomed = await map.GetAttributeAsync("viewBox");
        Assert.NotEqual(whole, zoomed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sposta a destra" }).ClickAsync();
        Assert.NotEqual(zoomed, await map.GetAttributeAsync("viewBox"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vista intera" }).ClickAsync();
        Assert.Equal(whole, await map.GetAttributeAsync("viewBox"));

        Assert.Equal(133, await page.Locator("svg.territory-map a[href^='/comuni/']").CountAsync());
        // Focus and Enter in one step (the locator's own press), waiting for the navigation it starts.
        var arrived = page.WaitForURLAsync("**/comuni/015182");
        await page.Locator("svg.territory-map a[href='/comuni/015182']").PressAsync("Enter");
        await arrived;
        Assert.Equal(1, await page.Locator("svg.territory-map a[href='/comuni/015182'] path[stroke-width='3']").CountAsync());
    }
}
