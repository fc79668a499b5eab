using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The funding pages pass the page checks (language, skiplink, axe with 0 violations, no script error) in
/// Italian and English, reached by their links: the overview, the calls, a call with its radar, the projects, a
/// project, "bandi per te" on a small Comune's page; and the plan office's form of a new call.</summary>
[Collection(FlowCollection.Name)]
public sealed class FundingPagesTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Funding_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/finanziamenti");
            await page.GotoAsync("/finanziamenti");
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/finanziamenti/bandi']").First);
            await Check(page, watch, language);
            await page.GotoAsync("/finanziamenti/bandi?q=piccoli%20Comuni&programme=own");
            await page.ClickAndWaitForPageAsync(page.Locator("main tbody a").First);
            Assert.Contains("/finanziamenti/bandi/", page.Url, StringComparison.Ordinal);
            await Check(page, watch, language);
            await page.GotoAsync("/finanziamenti/progetti?zone=nord-ovest");
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main tbody a[href^='/finanziamenti/progetti/']").First);
            await Check(page, watch, language);
            await page.GotoAsync("/comuni/015005");
            await Check(page, watch, language);
        }
    }

    [Fact]
    public async Task The_plan_office_opens_the_form_of_a_new_call_and_sees_the_errors_by_the_fields()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        await page.GotoAsync("/finanziamenti/bandi");
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/finanziamenti/bandi/nuovo']"));
        await Check(page, watch);
        await page.FillAsync("#Input_Title", "");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#title-error").InnerTextAsync() is { Length: > 0 });
        await Check(page, watch);
    }
}
