using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Issue 24's done-when for SPID/CIE (ADR 0049): in the browser, the "Entra con SPID" button leads to the identity
/// proxy (a real OpenID Connect provider on loopback), a SPID-shaped identity with the demo officer's codice fiscale lands
/// on the desk as that officer, an unknown codice fiscale gets the refusal page; password sign-in still works for staff.
/// The sign-in page with its buttons and the refusal page pass the page checks in Italian and English.</summary>
[Collection(FlowCollection.Name)]
public sealed class DigitalIdentityFlowTests(BrowserFixture fx)
{
    private static async Task Check(IPage page, PageChecks.ConsoleWatch watch, string language)
    {
        var problems = await PageChecks.RunAsync(page, language, watch);
        Assert.True(problems.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static async Task ThroughProviderAsync(IPage page, string button, string fiscalCode)
    {
        await page.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = button }));
        Assert.Contains("/authorize", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Codice fiscale").FillAsync(fiscalCode);
        await page.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Autorizza" }));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Fact]
    public async Task A_SPID_identity_lands_on_its_account_and_an_unknown_one_is_refused_in_both_languages()
    {
        foreach (var language in new[] { "it", "en" })
        {
            await using var context = await fx.NewContextAsync();
            var page = await context.NewPageAsync();
            var watch = new PageChecks.ConsoleWatch(page);
            if (language == "en") await page.GotoAsync("/lingua?cultura=en&ritorno=/accedi");
            await page.GotoAsync("/accedi");
            await Check(page, watch, language);
            var spid = language == "it" ? "Entra con SPID" : "Sign in with SPID";
            var cie = language == "it" ? "Entra con CIE" : "Sign in with CIE";

            await ThroughProviderAsync(page, spid, "BNCMRC75C12H264W");
            Assert.EndsWith("/scrivania", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("Marco Referente di Rho", await Session.HeaderTextAsync(page), StringComparison.Ordinal);
            Assert.Equal("spid", fx.Oidc.LastAuthorization["idp_hint"]);
            await Session.LogOutAsync(page, "comune.rho@metropoli.example");

            await page.GotoAsync("/accedi");
            await ThroughProviderAsync(page, cie, "RSSMRA80A01F205X");
            Assert.Contains("/accedi/identita-digitale", page.Url, StringComparison.Ordinal);
            var alert = await page.Locator("main .alert-danger").TextContentAsync();
            Assert.Contains(language == "it" ? "Nessun account di Metropoli attivo" : "No active Metropoli account", alert, StringComparison.Ordinal);
            await Check(page, watch, language);
        }

        // Staff keep their password.
        await using var staff = await fx.NewContextAsync();
        var office = await staff.NewPageAsync();
        await Session.LogInAsync(office, "piano@metropoli.example");
    }
}
