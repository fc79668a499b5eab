using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The agreements' pages pass the page checks (language, skiplink, axe with 0 violations, no
/// script error) for the public and for the plan office; an agreement is registered through the forms,
/// gets its parties and an obligation, moves one step, and an illegal step shows its errors by the fields.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class AgreementPagesTests(BrowserFixture fx)
{
    [GeneratedRegex(@"/intese/(\d+)$")]
    private static partial Regex AgreementPath();

    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language = "it")
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Public_agreement_pages_pass_the_page_checks_in_Italian_and_English()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        foreach (var language in new[] { "it", "en" })
        {
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/intese");
            await page.GotoAsync("/intese");
            await Check(page, watch, language);
            Assert.DoesNotContain("Nord Ovest (dati dimostrativi)", await page.ContentAsync(), StringComparison.Ordinal);
            await page.ClickAndWaitForPageAsync(page.Locator("main a", new() { HasText = "Patto per il Lavoro" }).First);
            Assert.Matches(AgreementPath(), new Uri(page.Url).AbsolutePath);
            await Check(page, watch, language);
            foreach (var path in new[] { "/intese/cruscotto", "/intese?type=pact&sort=-expiryDate", "/intese?status=bogus", "/comuni/015247", "/zone/sud-ovest" })
            {
                await page.GotoAsync(path);
                await Check(page, watch, language);
            }
        }
    }

    [Fact]
    public async Task The_plan_office_registers_an_agreement_through_the_forms_and_walks_it_one_step()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "piano@metropoli.example");
        await page.GotoAsync("/intese");
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/intese/nuova']"));
        await Check(page, watch);

        // Empty title: the error is shown next to the field, and the page still passes.
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#title-error").InnerTextAsync() is { Length: > 0 });
        await Check(page, watch);

        var title = $"Intesa dal browser {Guid.NewGuid():N}";
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Type").SelectOptionAsync("convention");
        await page.Locator("label[for='theme-qualita-aria']").ClickAsync();
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        var agreement = new Uri(page.Url).AbsolutePath;
        Assert.Matches(AgreementPath(), agreement);
        Assert.Contains(title, await page.ContentAsync(), StringComparison.Ordinal);
        await Check(page, watch);

        foreach (var name in new[] { "Comune di Rho", "Città metropolitana di Milano" })
        {
            await page.Locator("summary", new() { HasText = "Aggiungi una parte" }).ClickAsync();
            await page.Locator("#Party_OrganisationId").SelectOptionAsync(new SelectOptionValue { Label = name });
            await page.ClickAndWaitForPageAsync(page.Locator("main form button", new() { HasText = "Aggiungi la parte" }));
        }
        await page.Locator("summary", new() { HasText = "Aggiungi un obbligo" }).ClickAsync();
        await page.Locator("#Obligation_Title").FillAsync("Delibera di adesione");
        await page.Locator("#Obligation_DueDate").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        await page.ClickAndWaitForPageAsync(page.Locator("main form button", new() { HasText = "Aggiungi l'obbligo" }));
        Assert.Contains("Delibera di adesione", await page.ContentAsync(), StringComparison.Ordinal);
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href^='/intese/obblighi/']").First);
        await Check(page, watch);

        await page.GotoAsync(agreement + "/stato");
        await Check(page, watch);
        await page.Locator("#Input_Reason").FillAsync("Avvio dell'istruttoria (prova del browser)");
        await page.Locator("label[for='Confirm']").ClickAsync();
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal(agreement, new Uri(page.Url).AbsolutePath);
        Assert.Contains("Avvio dell'istruttoria (prova del browser)", await page.ContentAsync(), StringComparison.Ordinal);

        // Approval without the act: refused, with the errors next to the act's fields.
        await page.GotoAsync(agreement + "/stato");
        await page.Locator("label[for='status-approved']").ClickAsync();
        await page.Locator("#Input_Reason").FillAsync("Approvazione");
        await page.Locator("label[for='Confirm']").ClickAsync();
        await page.ClickAndWaitForPageAsync(page.Locator("main form button[type=submit]"));
        Assert.True(await page.Locator("#act-body-error").InnerTextAsync() is { Length: > 0 });
        await Check(page, watch);

        foreach (var path in new[] { agreement + "/modifica", "/intese/importa", "/intese/cruscotto" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"{path}: {response?.Status}");
            await Check(page, watch);
        }
    }

    [Fact]
    public async Task The_administrator_edits_the_themes()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageChecks.ConsoleWatch(page);
        await Session.LogInAsync(page, "admin@metropoli.example");
        await page.GotoAsync("/intese/temi");
        await Check(page, watch);
        await page.ClickAndWaitForPageAsync(page.Locator("main a[href='/intese/temi?modifica=biodiversita']"));
        await Check(page, watch);
    }
}
