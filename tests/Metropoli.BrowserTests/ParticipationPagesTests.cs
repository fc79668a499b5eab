using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The participation pages pass the page checks (language, skiplink, axe with 0 violations, no script error)
/// in Italian and English: the home of participation, the Forum, a zone assembly, a meeting and the demo consultation
/// with its proposals, each reached by its link.</summary>
[Collection(FlowCollection.Name)]
public sealed class ParticipationPagesTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language)
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Participation_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/partecipazione");
            await page.GotoAsync("/partecipazione");
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Forum metropolitano" }).First);
            Assert.StartsWith("/partecipazione/organismi/", new Uri(page.Url).AbsolutePath);
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href^='/partecipazione/riunioni/']").First);
            await Check(page, watch, language);
            await page.GotoAsync("/partecipazione");
            await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Sud Est" }).First);
            await Check(page, watch, language);
            await page.GotoAsync("/partecipazione");
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href^='/partecipazione/consultazioni/']").First);
            Assert.Contains("<strong>condividere i dati</strong>", await page.ContentAsync(), StringComparison.Ordinal);
            await Check(page, watch, language);
        }
    }
}
