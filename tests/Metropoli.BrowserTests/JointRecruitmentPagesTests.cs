using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Issue 21, the joint recruitment walk through the pages (axe 0 violations on each): the staffing needs two Comuni
/// of the Smart Land SOM sent (demo data) are joined by the office into one joint competition, its list of pseudonymous
/// codes is approved, and a third Comune with a convention in force draws the next candidate, logged in order; the list
/// page in English too.</summary>
[Collection(FlowCollection.Name)]
public sealed class JointRecruitmentPagesTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Two_needs_become_one_competition_whose_list_is_approved_and_a_third_comune_draws_the_next_candidate()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "admin@metropoli.example");

        await page.GotoAsync("/casa-dei-comuni/concorsi/fabbisogni");
        await Check(page, watch);
        await page.GetByLabel("Scegli il fabbisogno di Binasco").CheckAsync();
        await page.GetByLabel("Scegli il fabbisogno di Zibido San Giacomo").CheckAsync();
        await page.Locator("#Competition_Title").FillAsync("Concorso unico per Agenti di polizia locale (prova)");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = "Crea il concorso unico" }));
        Assert.Matches("/casa-dei-comuni/concorsi/\\d+$", page.Url);
        await Check(page, watch);
        Assert.Contains("Binasco", await page.ContentAsync(), StringComparison.Ordinal);

        var today = DateTime.UtcNow;
        await page.Locator("#List_ActNumber").FillAsync("77/2026");
        await page.Locator("#List_ApprovedOn").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.Locator("#List_ValidUntil").FillAsync(today.AddYears(2).ToString("yyyy-MM-dd"));
        await page.Locator("#List_Candidates").FillAsync("PL-0001\nPL-0002\nPL-0003\nPL-0004");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = "Registra la graduatoria" }));
        Assert.Matches("/casa-dei-comuni/graduatorie/\\d+$", page.Url);
        await Check(page, watch);
        var list = page.Url;

        // Rosate (a party of the Smart Land SOM convention, no posts in this competition) draws the next candidate.
        await page.Locator("#Input_Municipality").FillAsync("015188");
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = "Attingi il prossimo candidato" }));
        var html = await page.ContentAsync();
        Assert.Contains("PL-0001", html, StringComparison.Ordinal);
        Assert.Contains("Rosate", html, StringComparison.Ordinal);
        Assert.Contains("Utilizzo della graduatoria", html, StringComparison.Ordinal);
        await Check(page, watch);

        await page.GotoAsync("/lingua?cultura=en&ritorno=" + Uri.EscapeDataString(new Uri(list).AbsolutePath));
        Assert.Contains("Draw log", await page.ContentAsync(), StringComparison.Ordinal);
        await Check(page, watch, "en");
    }
}
