using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Issue 21: the Casa dei Comuni pass the page checks (language, skiplink, axe with 0 violations, no script error)
/// for the public in both languages — catalogue, a service, the procedures, the section on the Comune page — and for the
/// administrator on the demo request, whose status form shows its errors by the fields.</summary>
[Collection(FlowCollection.Name)]
public sealed class ServicesPagesTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task The_catalogue_a_service_and_the_procedures_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/casa-dei-comuni");
            await page.GotoAsync("/casa-dei-comuni");
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/casa-dei-comuni/servizi/sua-cuc']"));
            await Check(page, watch, language);
            Assert.Contains("Sintel", await page.ContentAsync(), StringComparison.Ordinal);
            foreach (var path in new[] { "/casa-dei-comuni/procedure", "/comuni/015146" })
            {
                await page.GotoAsync(path);
                await Check(page, watch, language);
            }
        }
    }

    [Fact]
    public async Task The_administrator_opens_the_demo_request_and_a_move_without_reason_shows_its_error()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "admin@metropoli.example");
        await page.GotoAsync("/casa-dei-comuni/richieste");
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Parere sul regolamento dei dehors" }).First);
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").First);
        Assert.Contains("Spiega il passaggio", await page.ContentAsync(), StringComparison.Ordinal);
        await Check(page, watch);
    }
}
