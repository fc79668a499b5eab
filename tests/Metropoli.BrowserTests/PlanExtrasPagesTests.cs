using System.Text.Json;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The plan-extras pages pass the page checks (language, skiplink, axe with 0 violations, no script
/// error): the plan dashboard section of the Comune and zone pages, the thresholds page, the objective page
/// and the delete confirmation of an indicator, which is followed through to the end.</summary>
[Collection(FlowCollection.Name)]
public sealed class PlanExtrasPagesTests(BrowserFixture fx)
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

    private async Task<long> DemoPlanAsync(IBrowserContext context) =>
        (await Json(context, fx.Url("/api/v1/plans?limit=200"))).GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("name").GetString()!.Contains("in vigore (dati dimostrativi)", StringComparison.Ordinal)).GetProperty("id").GetInt64();

    [Fact]
    public async Task Comune_zone_and_objective_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await page.GotoAsync("/comuni/015182");
        Assert.Contains("Il Piano strategico nel Comune", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("main svg[role=img]").CountAsync() > 0);
        await Check(page, watch);
        // The section's link opens the dashboard filtered on the Comune.
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href*='cruscotto?municipality=015182']").First);
        Assert.Contains("municipality=015182", page.Url, StringComparison.Ordinal);
        await Check(page, watch);
        await page.GotoAsync("/zone/nord-ovest");
        await Check(page, watch);

        var plan = await DemoPlanAsync(context);
        await page.GotoAsync($"/piano/{plan}");
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href^='/piano/obiettivi/']").First);
        Assert.Contains("/piano/obiettivi/", page.Url, StringComparison.Ordinal);
        await Check(page, watch);
        var objective = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(objective + "?sort=-progress");
        await Check(page, watch);

        await page.GotoAsync($"/lingua?cultura=en&ritorno={objective}");
        await Check(page, watch, "en");
        await page.GotoAsync("/comuni/015182");
        await Check(page, watch, "en");
    }

    [Fact]
    public async Task Thresholds_page_passes_the_page_checks_also_with_its_errors()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        var plan = await DemoPlanAsync(context);
        await page.GotoAsync($"/piano/{plan}");
        await page.ClickAndWaitForPageAsync(page.Locator($"main a[href='/piano/{plan}/soglie']").First);
        await Check(page, watch);
        await page.FillAsync("#Input_OnTrack", "40");
        await page.FillAsync("#Input_AtRisk", "70");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Contains("non può superare", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(page, watch);
    }

    [Fact]
    public async Task The_plan_office_deletes_an_indicator_after_the_confirmation_step()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        var plan = await DemoPlanAsync(context);
        var action = (await Json(context, fx.Url($"/api/v1/plan-actions?plan={plan}&limit=1"))).GetProperty("items")[0].GetProperty("id").GetInt64();

        // An indicator of its own, made with the form, so that the demo's indicators stay for the other tests.
        var code = "DEL-" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync($"/piano/indicatori/nuovo?azione={action}");
        await page.FillAsync("#Input_Code", code);
        await page.FillAsync("#Input_Name", "Indicatore da eliminare");
        await page.FillAsync("#Input_Unit", "numero");
        await page.FillAsync("#Input_TargetYears_0", "2026");
        await page.FillAsync("#Input_TargetValues_0", "10");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Matches(@"/piano/indicatori/\d+$", new Uri(page.Url).AbsolutePath);
        var indicator = new Uri(page.Url).AbsolutePath;

        await page.ClickAndWaitForPageAsync(page.Locator($"main a[href='{indicator}/elimina']").First);
        await Check(page, watch);
        // Without the confirmation: the error, and nothing deleted.
        await page.ClickAndWaitForPageAsync(page.Locator("main form button.btn-danger").First);
        Assert.Contains("Spunta la conferma", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(page, watch);
        // Bootstrap Italia draws the checkbox on its label: a person clicks the label.
        await page.Locator("label[for=Confirm]").ClickAsync();
        Assert.True(await page.IsCheckedAsync("#Confirm"));
        await page.ClickAndWaitForPageAsync(page.Locator("main form button.btn-danger").First);
        Assert.EndsWith($"/piano/azioni/{action}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Indicatore eliminato", await page.Locator("main, body").First.InnerTextAsync(), StringComparison.Ordinal);
        var gone = await context.APIRequest.GetAsync(fx.Url("/api/v1" + indicator.Replace("/piano/indicatori", "/indicators", StringComparison.Ordinal)));
        Assert.Equal(404, gone.Status);
    }
}
