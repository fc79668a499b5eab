using System.Text.Json;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The indicator and measurement pages, as each role reaches them from the action page, pass the
/// page checks (language, skiplink, axe, no script error), also with their errors shown. The crawls stop
/// at 60 pages before reaching them, so they are visited here on purpose.</summary>
[Collection(FlowCollection.Name)]
public sealed class IndicatorPagesTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static async Task<JsonElement> Json(IBrowserContext context, string url)
    {
        var response = await context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private async Task<long> IndicatorAsync(IBrowserContext context, string code) =>
        (await Json(context, fx.Url("/api/v1/indicators?limit=200"))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == code).GetProperty("id").GetInt64();

    [Fact]
    public async Task Public_indicator_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        var trees = await IndicatorAsync(context, "IND-D2.1.1-A");
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync($"/lingua?cultura=en&ritorno=/piano/indicatori/{trees}");
            else await page.GotoAsync($"/piano/indicatori/{trees}");
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main dd a").First);
            Assert.Contains("/piano/azioni/", page.Url, StringComparison.Ordinal);
            await Check(page, watch, language);
        }
    }

    [Fact]
    public async Task Plan_office_and_sector_pages_pass_the_page_checks_also_with_errors()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        var pm10 = await IndicatorAsync(context, "IND-D3.1.2-A");
        foreach (var path in new[] { $"/piano/indicatori/{pm10}", "/piano/misurazioni/da-validare", "/piano/misurazioni/importa", $"/piano/indicatori/{pm10}/modifica" })
        {
            await page.GotoAsync(path);
            await Check(page, watch);
        }
        // The queue with the confirmation error, the import and edit forms with theirs.
        await page.GotoAsync("/piano/misurazioni/da-validare");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button.btn-success").First);
        await Check(page, watch);
        await page.GotoAsync("/piano/misurazioni/importa");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        await Check(page, watch);
        await page.GotoAsync($"/piano/indicatori/{pm10}/modifica");
        await page.FillAsync("#Input_Name", "");
        await page.FillAsync("#Input_TargetValues_0", "abc");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Contains("non è un numero", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(page, watch);

        var action = (await Json(context, fx.Url($"/api/v1/indicators/{pm10}"))).GetProperty("actionId").GetInt64();
        await page.GotoAsync($"/piano/indicatori/nuovo?azione={action}");
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        await Check(page, watch);

        var rejected = (await Json(context, fx.Url($"/api/v1/indicators/{pm10}/measurements"))).GetProperty("items").EnumerateArray()
            .First(m => m.GetProperty("status").GetString() == "rejected").GetProperty("id").GetInt64();
        await page.GotoAsync($"/piano/misurazioni/{rejected}/correggi");
        await Check(page, watch);
        await page.GotoAsync($"/piano/indicatori/{pm10}/misurazioni/nuova");
        await page.FillAsync("#Input_Period", "2024-Q1");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        await Check(page, watch);
    }
}
