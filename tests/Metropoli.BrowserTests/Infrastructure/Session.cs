using Metropoli.Platform.Data;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>Signing in and out through the real forms, as a person would.</summary>
public static class Session
{
    public static IEnumerable<object[]> DemoAccounts => Startup.DemoAccounts.Select(a => new object[] { a.Email });

    public static Startup.DemoAccount Account(string email) => Startup.DemoAccounts.Single(a => a.Email == email);

    public static ILocator LoginForm(IPage page) => page.Locator("main form:has(input[type=password])").First;

    /// <summary>Opens /accedi, fills the form and submits it; returns when the resulting page has loaded.</summary>
    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/accedi");
        var form = LoginForm(page);
        var emailInput = form.Locator(
            "input[type=email], input[name$='Email' i], input[autocomplete=username], input[autocomplete=email]")
            .Or(form.GetByLabel("E-mail")).First;
        await emailInput.FillAsync(email);
        await form.Locator("input[type=password]").First.FillAsync(password);
        var submit = form.Locator("button[type=submit], input[type=submit], button:not([type])").First;
        await page.ClickAndWaitForPageAsync(submit);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task<string> HeaderTextAsync(IPage page) =>
        string.Join(" ", await page.Locator("header").AllTextContentsAsync());

    /// <summary>Signs in and checks that it worked: not on the login page, and the user's name in the header.</summary>
    public static async Task LogInAsync(IPage page, string email, string password = AppServer.DemoPassword)
    {
        await SubmitLoginAsync(page, email, password);
        var account = Account(email);
        var path = new Uri(page.Url).AbsolutePath;
        var header = await HeaderTextAsync(page);
        Assert.True(path != "/accedi" && header.Contains(account.DisplayName, StringComparison.Ordinal),
            $"Login as {email} did not succeed: now at {page.Url}, header does not show '{account.DisplayName}'.{Environment.NewLine}" +
            $"Page text: {Shorten(await page.Locator("main").First.InnerTextAsync())}");
    }

    /// <summary>Signs out with the header's logout button (a POST form) and checks the session is gone.</summary>
    public static async Task LogOutAsync(IPage page, string email)
    {
        var button = page.Locator("form[action$='/esci'] button, form[action$='/esci'] input[type=submit]").First;
        Assert.True(await button.CountAsync() > 0, $"No logout form (POST /esci) on {page.Url}");
        await page.ClickAndWaitForPageAsync(button);
        var header = await HeaderTextAsync(page);
        Assert.DoesNotContain(Account(email).DisplayName, header);
        var response = await page.GotoAsync("/account");
        Assert.Equal("/accedi", new Uri(page.Url).AbsolutePath);
        Assert.True(response is { Status: < 400 }, $"GET /account after logout answered {response?.Status}");
    }

    public static string Shorten(string text, int max = 600)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
