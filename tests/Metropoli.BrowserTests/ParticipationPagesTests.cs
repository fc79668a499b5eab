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

    /// <summary>The done-when walk of the zone coordinator (issue 22, ADR 0043), in Italian then English: the demo
    /// coordinator of Nord Ovest (the mayor of Bollate, which holds the demo rotation's term) opens the zone desk from the
    /// desk, convenes the zone assembly through its form, writes and publishes the minutes, and finds no convening form
    /// on another zone's assembly and a refusal on another zone's desk. Every page: axe with 0 violations.</summary>
    [Fact]
    public async Task The_Nord_Ovest_coordinator_convenes_the_zone_assembly_publishes_minutes_and_is_refused_on_another_zone()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "zona.nordovest@metropoli.example");
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/scrivania");
            else await page.GotoAsync("/scrivania");
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/partecipazione/zone/nord-ovest']").First);
            await Check(page, watch, language);
            await page.ClickAndWaitForPageAsync(page.Locator("main a[href^='/partecipazione/organismi/']").First);
            Assert.Contains("Nord Ovest", await page.Locator("h1").InnerTextAsync());
            var title = $"Assemblea di zona del browser ({language})";
            await page.Locator("#Meeting_Title").FillAsync(title);
            await page.Locator("#Meeting_StartsAt").FillAsync(DateTime.Now.AddDays(14).ToString("yyyy-MM-dd'T'15:00", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#Meeting_Place").FillAsync("Municipio di Bollate");
            await page.Locator("#Meeting_Agenda").FillAsync("1. Piano strategico: la zona\n2. Varie");
            await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = language == "it" ? "Convoca" : "Convene" }).First);
            Assert.StartsWith("/partecipazione/riunioni/", new Uri(page.Url).AbsolutePath);
            Assert.Contains(title, await page.Locator("h1").InnerTextAsync());
            await Check(page, watch, language);
            await page.Locator("#Minutes").FillAsync($"Verbale dell'assemblea ({language}): presenti i sindaci della zona.");
            await page.Locator("label[for='Approve']").ClickAsync();
            await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]").Last);
            Assert.Contains($"Verbale dell'assemblea ({language})", await page.Locator("main").InnerTextAsync());
            Assert.Equal(0, await page.Locator("#Minutes").CountAsync());
            await Check(page, watch, language);

            // Another zone: its assembly shows no convening form, its desk refuses.
            await page.GotoAsync("/partecipazione");
            await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Sud Est" }).First);
            Assert.Equal(0, await page.Locator("#Meeting_Title").CountAsync());
            await Check(page, watch, language);
            var refused = await page.GotoAsync("/partecipazione/zone/sud-est");
            Assert.True(refused!.Status == 403 || page.Url.Contains("accesso-negato", StringComparison.Ordinal), $"{refused.Status} {page.Url}");
        }
    }
}
