using System.Text.Json;
using System.Text.RegularExpressions;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The main flows with the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys, typing; no
/// click of any kind): signing in through the skiplink and the form, a sector officer filing a measurement
/// for an indicator of their sector, and registering an agreement. Every element the focus lands on must
/// show a visible focus indicator; each flow must end in the saved state, read back from the API.</summary>
[Collection(FlowCollection.Name)]
public sealed partial class KeyboardWalkTests(BrowserFixture fx, ITestOutputHelper output)
{
    private const string Sector = "settore@metropoli.example";

    private async Task<(IBrowserContext Context, KeyboardUser Keyboard)> OpenAsync()
    {
        var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        return (context, await KeyboardUser.OnAsync(page));
    }

    private static async Task<JsonElement> Json(IBrowserContext context, string url)
    {
        var response = await context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status} {await response.TextAsync()}");
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    private void AssertFocusVisible(KeyboardUser kb)
    {
        output.WriteLine($"{kb.Keys} keys pressed, focus on {kb.Focused} elements, {kb.FocusProblems.Count} without a visible indicator");
        Assert.True(kb.FocusProblems.Count == 0, string.Join(Environment.NewLine, kb.FocusProblems));
    }

    /// <summary>The login page from its first Tab: the skiplink (visible once focused) moves the focus into
    /// main; then e-mail, password and the button, in that order, and Enter.</summary>
    private async Task LogInAsync(KeyboardUser kb, string email)
    {
        var page = kb.Page;
        await page.GotoAsync("/accedi");
        var first = await kb.PressAsync("Tab");
        Assert.True(first is not null && await kb.FocusIsAsync("a[href='#main-container']"),
            $"The first Tab did not reach the skiplink: {first?.Description ?? "nothing focused"}");
        Assert.True(first!.OnScreen, "The focused skiplink is not on screen");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("#main-container", await page.EvaluateAsync<string>("() => location.hash"));
        await kb.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main-container').contains(document.activeElement)"),
            "After the skiplink, Tab does not land in the main content");

        await kb.TabToAsync("#Input_Email");
        await kb.TypeAsync(email);
        await kb.PressAsync("Tab");
        Assert.True(await kb.FocusIsAsync("#Input_Password"), "Tab from the e-mail does not reach the password");
        await kb.TypeAsync(AppServer.DemoPassword);
        await kb.PressAsync("Tab");
        Assert.True(await kb.FocusIsAsync("main form button[type=submit]"), "Tab from the password does not reach the login button");
        await kb.PressAndWaitForPageAsync("Enter");

        var account = Session.Account(email);
        Assert.NotEqual("/accedi", new Uri(page.Url).AbsolutePath);
        Assert.Contains(account.DisplayName, await Session.HeaderTextAsync(page));
        // Saved state: the session is the account's, as the API sees it with the same cookie.
        var me = await Json(page.Context, fx.Url("/api/v1/me"));
        Assert.Contains(email, me.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_municipality_officer_signs_in_and_reaches_their_Comune_with_the_keyboard()
    {
        var (context, kb) = await OpenAsync();
        await using var _ = context;
        await LogInAsync(kb, "comune.rho@metropoli.example");
        // The Comune's page (typed in the address bar), then its contacts form by Tab and Enter.
        await kb.Page.GotoAsync("/comuni/015182");
        await kb.FollowAsync("main a[href$='/comuni/015182/contatti']");
        Assert.Equal("/comuni/015182/contatti", new Uri(kb.Page.Url).AbsolutePath);
        await kb.TabToAsync("main form input:not([type=hidden])");
        AssertFocusVisible(kb);
    }

    [Fact]
    public async Task A_sector_officer_files_a_measurement_with_the_keyboard()
    {
        var (context, kb) = await OpenAsync();
        await using var _ = context;
        var page = kb.Page;
        await LogInAsync(kb, Sector);

        // An indicator of the officer's sector ("ambiente"): urban forestation, action D2.1.1.
        var indicator = (await Json(context, fx.Url("/api/v1/indicators?limit=200"))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "IND-D2.1.1-A");
        var id = indicator.GetProperty("id").GetInt64();
        await page.GotoAsync($"/piano/indicatori/{id}");
        Assert.Equal(200, await kb.FollowAsync($"main a[href='/piano/indicatori/{id}/misurazioni/nuova']"));

        // A period of the indicator's frequency that no demo value uses: the help text's example, in 2019.
        var example = await page.Locator("#period-help").InnerTextAsync();
        var period = YearRegex().Replace(PeriodRegex().Match(example).Value, "2019");
        Assert.False(string.IsNullOrEmpty(period), $"No period example in '{example}'");
        await kb.TabToAsync("#Input_Period");
        await kb.TypeAsync(period);
        await kb.PressAsync("Tab");
        Assert.True(await kb.FocusIsAsync("#Input_Value"), "Tab from the period does not reach the value");
        await kb.TypeAsync("12,5");
        await kb.PressAsync("Tab");
        Assert.True(await kb.FocusIsAsync("#Input_Note"), "Tab from the value does not reach the note");
        await kb.TypeAsync("Valore inviato con la sola tastiera.");
        await kb.TabToAsync("main form button[type=submit]");
        Assert.Equal(200, await kb.PressAndWaitForPageAsync("Enter"));

        Assert.Equal($"/piano/indicatori/{id}", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Valore inviato", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var saved = (await Json(context, fx.Url($"/api/v1/indicators/{id}/measurements?limit=200"))).GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("period").GetString() == period).ToList();
        Assert.True(saved.Count == 1, $"Expected one measurement for {period}, found {saved.Count}");
        Assert.Equal(12.5m, saved[0].GetProperty("value").GetDecimal());
        Assert.Equal("submitted", saved[0].GetProperty("status").GetString());
        Assert.Equal("Valore inviato con la sola tastiera.", saved[0].GetProperty("note").GetString());
        AssertFocusVisible(kb);
    }

    [Fact]
    public async Task A_sector_officer_registers_an_agreement_with_the_keyboard()
    {
        var (context, kb) = await OpenAsync();
        await using var _ = context;
        var page = kb.Page;
        await LogInAsync(kb, Sector);

        // From the header's menu to the register, then its "new agreement" link.
        await kb.FollowAsync("header a[href='/intese']");
        Assert.Equal(200, await kb.FollowAsync("main a[href='/intese/nuova']"));

        var title = $"Intesa registrata da tastiera {Guid.NewGuid():N}";
        await kb.TabToAsync("#Input_Title");
        await kb.TypeAsync(title);
        // The type list: the arrow key moves to the next option without opening it.
        await kb.TabToAsync("#Input_Type");
        var options = await page.Locator("#Input_Type option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var before = await page.Locator("#Input_Type").InputValueAsync();
        await kb.PressAsync("ArrowDown");
        var type = await page.Locator("#Input_Type").InputValueAsync();
        Assert.Equal(options[Array.IndexOf(options, before) + 1], type);
        // A theme, ticked with Space.
        await kb.TabToAsync("#theme-qualita-aria");
        await kb.PressAsync("Space");
        Assert.True(await page.Locator("#theme-qualita-aria").IsCheckedAsync(), "Space did not tick the theme");
        await kb.TabToAsync("main form button[type=submit]");
        await kb.PressAndWaitForPageAsync("Enter");

        var path = new Uri(page.Url).AbsolutePath;
        var match = AgreementPath().Match(path);
        Assert.True(match.Success, $"Not on the new agreement's page: {page.Url}. Page: {Session.Shorten(await page.Locator("main").InnerTextAsync())}");
        Assert.Contains("Proposta di intesa registrata.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var saved = await Json(context, fx.Url($"/api/v1/agreements/{match.Groups[1].Value}"));
        Assert.Equal(title, saved.GetProperty("title").GetString());
        Assert.Equal(type, saved.GetProperty("type").GetString());
        Assert.Equal("ambiente", saved.GetProperty("ownerSector").GetString());
        Assert.Contains(saved.GetProperty("themes").EnumerateArray(), t => t.GetProperty("code").GetString() == "qualita-aria");
        AssertFocusVisible(kb);
    }

    [GeneratedRegex(@"/intese/(\d+)$")]
    private static partial Regex AgreementPath();

    [GeneratedRegex(@"\b\d{4}(-(Q|S)?\d{1,2})?\b")]
    private static partial Regex PeriodRegex();

    [GeneratedRegex(@"^\d{4}")]
    private static partial Regex YearRegex();
}
