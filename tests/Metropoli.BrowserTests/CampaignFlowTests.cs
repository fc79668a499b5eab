using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The monitoring campaign as its users walk it: the sector officer finds the task under "Le mie
/// attività" and reports, the plan office accepts and closes the campaign after a confirmation, and
/// everyone reads the report. Every page passes the page checks (axe included); the standalone printable
/// report passes axe.</summary>
[Collection(FlowCollection.Name)]
public sealed class CampaignFlowTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch)
    {
        var problems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task A_sector_reports_the_plan_office_accepts_and_closes_and_the_report_is_published()
    {
        // The sector officer: the open demo campaign's task, an error shown next to the field, then the report sent.
        await using (var sectorContext = await fx.NewContextAsync())
        {
            var page = await sectorContext.NewPageAsync();
            var watch = new PageChecks.ConsoleWatch(page);
            await Session.LogInAsync(page, "settore@metropoli.example");
            await page.FollowHeaderLinkAsync("/notifiche");
            Assert.Contains("Nuova campagna di monitoraggio", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Check(page, watch);
            await page.FollowHeaderLinkAsync("/piano/attivita");
            await Check(page, watch);
            await page.ClickAndWaitForPageAsync(page.Locator("main table a[href^='/piano/campagne/attivita/']").First);
            await Check(page, watch);
            await page.Locator("#Input_Narrative").FillAsync("");
            await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = "Invia l'aggiornamento" }));
            Assert.True(await page.Locator("#narrative-error").InnerTextAsync() is { Length: > 0 });
            await Check(page, watch);
            await page.Locator("#Input_Narrative").FillAsync("Aggiornamento inviato dalla prova del browser.");
            await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]", new() { HasText = "Invia l'aggiornamento" }));
            Assert.Contains("Aggiornamento inviato all'ufficio di piano.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Check(page, watch);
        }

        // The plan office: the task to review, accepted; the campaign closed after the confirmation step.
        await using var context = await fx.NewContextAsync();
        var office = await context.NewPageAsync();
        var officeWatch = new PageChecks.ConsoleWatch(office);
        await Session.LogInAsync(office, "piano@metropoli.example");
        await office.FollowHeaderLinkAsync("/piano/attivita");
        await office.ClickAndWaitForPageAsync(office.Locator("main table a[href^='/piano/campagne/attivita/']").First);
        Assert.Contains("Aggiornamento inviato dalla prova del browser.", await office.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(office, officeWatch);
        await office.ClickAndWaitForPageAsync(office.Locator("main form button", new() { HasText = "Accetta" }));
        Assert.Contains("Aggiornamento accettato.", await office.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await office.ClickAndWaitForPageAsync(office.Locator("main dl a[href^='/piano/campagne/']").First);
        await Check(office, officeWatch);
        var campaign = new Uri(office.Url).AbsolutePath;
        await office.ClickAndWaitForPageAsync(office.Locator("main a", new() { HasText = "Chiudi la campagna" }));
        await Check(office, officeWatch);
        await office.ClickAndWaitForPageAsync(office.Locator("main form button", new() { HasText = "Sì, chiudi la campagna" }));
        Assert.Equal(campaign + "/rapporto", new Uri(office.Url).AbsolutePath);
        var report = await office.Locator("main").InnerTextAsync();
        Assert.Contains("Aggiornamento inviato dalla prova del browser.", report, StringComparison.Ordinal);
        await Check(office, officeWatch);

        // Anyone: the campaigns list with the timeline, the report, and the printable report.
        await using var anonymousContext = await fx.NewContextAsync();
        var visitor = await anonymousContext.NewPageAsync();
        var visitorWatch = new PageChecks.ConsoleWatch(visitor);
        await visitor.GotoAsync(campaign + "/rapporto");
        await Check(visitor, visitorWatch);
        await visitor.ClickAndWaitForPageAsync(visitor.Locator("main a", new() { HasText = "Campagne di monitoraggio" }).First);
        await Check(visitor, visitorWatch);
        await visitor.GotoAsync(campaign + "/rapporto/stampa");
        var violations = await Axe.RunAsync(visitor);
        Assert.True(violations.Count == 0, Axe.Describe(violations));
        Assert.Equal("it", await visitor.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task The_administrator_sees_the_outbox()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "admin@metropoli.example");
        await page.FollowHeaderLinkAsync("/admin/posta");
        Assert.Contains("Nessun server SMTP configurato", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(page, watch);
    }
}
