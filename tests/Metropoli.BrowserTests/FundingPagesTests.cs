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

/// <summary>Issue 20's walk in the browser: the officer of Rho drafts an application with an eligible partner Comune and
/// submits it; the plan office admits and funds it with a CUP; it becomes a project; the officer records an expenditure
/// with its document; the office validates it; the public Comune page shows it. Axe 0 violations on every page.</summary>
[Collection(FlowCollection.Name)]
public sealed class FundingWalkTests(BrowserFixture fx)
{
    private const string Rho = "015182";

    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch)
    {
        var problems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task An_application_becomes_a_project_whose_validated_expenditure_the_comune_page_shows()
    {
        await using var officerContext = await fx.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        var officerWatch = new PageChecks.ConsoleWatch(officer);
        await Session.LogInAsync(officer, "comune.rho@metropoli.example");
        await officer.GotoAsync("/finanziamenti/bandi?q=Rigenerazione%20urbana%20nei%20Comuni%20medi");
        await officer.ClickAndWaitForPageAsync(officer.Locator("main tbody a").First);
        var callUrl = officer.Url;
        // An eligible partner from the call's radar.
        await officer.GotoAsync(callUrl + "?esito=ammessi");
        var partner = (await officer.Locator("main tbody a[href^='/comuni/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href').split('/').pop())"))
            .First(i => i != Rho);
        await officer.GotoAsync(callUrl);
        await officer.ClickAndWaitForPageAsync(officer.Locator("main a[href^='/finanziamenti/domande/nuova']"));
        await Check(officer, officerWatch);
        var title = $"Rigenerazione del quartiere stazione {Guid.NewGuid():N}"[..50];
        await officer.FillAsync("#Input_Title", title);
        await officer.FillAsync("#Input_RequestedAmount", "150000");
        await officer.SelectOptionAsync("#Input_Partners", partner);
        await officer.FillAsync("#Input_SupportRequested", "Supporto della centrale di committenza");
        await officer.ClickAndWaitForPageAsync(officer.Locator("main form button[type=submit]"));
        Assert.Contains("/finanziamenti/domande/", officer.Url, StringComparison.Ordinal);
        var applicationUrl = officer.Url;
        await Check(officer, officerWatch);
        await officer.SelectOptionAsync("#To", "submitted");
        await officer.ClickAndWaitForPageAsync(officer.Locator("main form:has(#To) button[type=submit]"));
        Assert.Contains("Presentata", await officer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await using var officeContext = await fx.NewContextAsync();
        var office = await officeContext.NewPageAsync();
        var officeWatch = new PageChecks.ConsoleWatch(office);
        await Session.LogInAsync(office, "piano@metropoli.example");
        await office.GotoAsync(applicationUrl);
        await office.SelectOptionAsync("#To", "admitted");
        await office.ClickAndWaitForPageAsync(office.Locator("main form:has(#To) button[type=submit]"));
        await office.SelectOptionAsync("#To", "funded");
        var cup = "B" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        await office.FillAsync("#Cup", cup);
        await office.ClickAndWaitForPageAsync(office.Locator("main form:has(#To) button[type=submit]"));
        await Check(office, officeWatch);
        await office.ClickAndWaitForPageAsync(office.Locator($"main a[href='/finanziamenti/progetti/{cup}']"));
        await Check(office, officeWatch);

        await officer.GotoAsync($"/finanziamenti/progetti/{cup}");
        await officer.FillAsync("#Expenditure_Amount", "30000");
        await officer.FillAsync("#Expenditure_PaidOn", DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"));
        await officer.FillAsync("#Expenditure_PaymentRequest", "RdP-2026-01");
        await officer.FillAsync("#Expenditure_Description", "Progettazione esecutiva");
        await officer.SetInputFilesAsync("#Upload", new FilePayload { Name = "fattura.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray() });
        await officer.ClickAndWaitForPageAsync(officer.Locator("main form:has(#Upload) button[type=submit]"));
        await Check(officer, officerWatch);

        await office.GotoAsync($"/finanziamenti/progetti/{cup}");
        await office.ClickAndWaitForPageAsync(office.Locator("main form button[value=validated]").First);
        await Check(office, officeWatch);

        await using var publicContext = await fx.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        var visitorWatch = new PageChecks.ConsoleWatch(visitor);
        await visitor.GotoAsync($"/comuni/{Rho}");
        Assert.Contains(cup, await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check(visitor, visitorWatch);
        await visitor.GotoAsync("/finanziamenti/spesa");
        await Check(visitor, visitorWatch);
    }
}
