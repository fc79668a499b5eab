using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;
using Metropoli.StrategicPlan.Demo;

namespace Metropoli.BrowserTests;

/// <summary>The strategic plan's pages, reached by following links as each role would, pass the page
/// checks (language, skiplink, axe, no script error); its forms work without JavaScript and show their
/// errors next to the fields.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class PlanPagesTests(BrowserFixture fx)
{
    [GeneratedRegex(@"/piano/(\d+)$")]
    private static partial Regex PlanPath();

    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>From /piano to the demo plan, its action list and one action, checking each page.</summary>
    private static async Task<(string Plan, string Action)> WalkThePlanAsync(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        await page.GotoAsync("/piano");
        await Check(page, watch, language);
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "in vigore (dati dimostrativi)" }).First);
        var plan = new Uri(page.Url).AbsolutePath;
        Assert.Matches(PlanPath(), plan);
        await Check(page, watch, language);
        await page.GotoAsync(plan + "/azioni?sort=-budget");
        await Check(page, watch, language);
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Forestazione urbana" }).First);
        var action = new Uri(page.Url).AbsolutePath;
        await Check(page, watch, language);
        return (plan, action);
    }

    [Fact]
    public async Task Public_plan_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await WalkThePlanAsync(page, watch);
        Assert.DoesNotContain(PlanDemo.NextName, await page.GotoAsync("/piano") is { } r ? await r.TextAsync() : "", StringComparison.Ordinal);
        foreach (var path in new[] { "/comuni/015182", "/zone/nord-milano", "/piano?status=bogus" })
        {
            await page.GotoAsync(path);
            await Check(page, watch);
        }
        Assert.Contains("Azioni del Piano strategico", await page.GotoAsync("/comuni/015182") is { } c ? await c.TextAsync() : "", StringComparison.Ordinal);

        await page.GotoAsync("/lingua?cultura=en&ritorno=/piano");
        await WalkThePlanAsync(page, watch, "en");
    }

    [Fact]
    public async Task Plan_office_forms_pass_the_page_checks_and_show_errors_next_to_the_fields()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        var (plan, action) = await WalkThePlanAsync(page, watch);

        foreach (var path in new[] { "/piano/nuovo", plan + "/modifica", plan + "/stato", plan + "/importa", plan + "/aree/nuova", action + "/modifica", action + "/avanzamento" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"{path}: {response?.Status}");
            await Check(page, watch);
        }
        await page.GotoAsync(plan);
        foreach (var link in new[] { "a[href^='/piano/aree/'][href$='/modifica']", "a[href$='/obiettivi/nuovo']", "a[href^='/piano/obiettivi/'][href$='/modifica']", "a[href$='/azioni/nuova']" })
        {
            await page.GotoAsync(plan);
            await page.ClickAndWaitForPageAsync(page.Locator(link).First);
            await Check(page, watch);
        }

        // The draft plan is visible to the plan office, with its delete steps on the edit pages.
        await page.GotoAsync("/piano?status=draft");
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "in preparazione" }).First);
        await Check(page, watch);

        // An invalid new plan: the errors come back next to the fields, and the page still passes.
        await page.GotoAsync("/piano/nuovo");
        await page.Locator("#Input_Name").FillAsync("");
        await page.Locator("#Input_EndYear").FillAsync("1999");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#name-error").InnerTextAsync() is { Length: > 0 });
        Assert.True(await page.Locator("#end-year-error").InnerTextAsync() is { Length: > 0 });
        await Check(page, watch);

        // A status change without the act or the confirmation.
        await page.GotoAsync("/piano?status=draft");
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "in preparazione" }).First);
        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/stato");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#confirm-error").InnerTextAsync() is { Length: > 0 });
        await Check(page, watch);
    }

    [Fact]
    public async Task Sector_officer_updates_an_action_of_their_sector_without_javascript()
    {
        await using var context = await fx.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await Session.LogInAsync(page, "settore@metropoli.example");
        await page.GotoAsync("/piano");
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "in vigore (dati dimostrativi)" }).First);
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Contratti di fiume" }).First);
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href$='/avanzamento']"));
        await page.Locator("#Input_Status").SelectOptionAsync("on-track");
        await page.Locator("#Input_Progress").FillAsync("150");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#progress-error").InnerTextAsync() is { Length: > 0 });
        await page.Locator("#Input_Progress").FillAsync("55");
        await page.Locator("#Input_Narrative").FillAsync("Tavoli convocati (prova del browser).");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.Matches(@"/piano/azioni/\d+$", new Uri(page.Url).AbsolutePath);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Tavoli convocati (prova del browser).", text, StringComparison.Ordinal);
        Assert.Contains("55%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_dashboard_passes_the_page_checks_with_no_axe_violations()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await page.GotoAsync("/piano");
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "in vigore (dati dimostrativi)" }).First);
        var plan = new Uri(page.Url).AbsolutePath;
        Assert.Matches(PlanPath(), plan);
        await page.ClickAndWaitForPageAsync(page.Locator($"main a[href='{plan}/cruscotto']").First);
        Assert.EndsWith("/cruscotto", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Check(page, watch);
        await page.GotoAsync(plan + "/cruscotto?zone=nord-ovest&municipality=015182");
        await Check(page, watch);
    }
}
