using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Accounts;

/// <summary>Issue 18, points 8 and 17 (ADR 0030): the 2FA page, server-side sessions, turning 2FA off, recovery codes.</summary>
// Both: sessions are rows in the database, deleted at sign-out; the security stamp is compared across requests.
[Trait("Database", "Both")]
public sealed class AccountSecurityTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private Task<string> StampAsync(string userId) =>
        fx.App.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp!).SingleAsync());

    private async Task<HttpClient> SignInAsync(string email, string password = MetropoliApp.DemoPassword)
    {
        var client = fx.App.Anonymous();
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private Task<string> KeyAsync(string userId) => fx.App.WithScope(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId))!))!;
    });

    /// <summary>A user with 2FA on, as Identity's own calls set it up; answers the recovery codes.</summary>
    private Task<List<string>> EnableTwoFactorAsync(string userId) => fx.App.WithScope(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))!.ToList();
    });

    [Fact]
    public async Task Opening_the_two_factor_page_keeps_the_security_stamp_and_shows_a_qr_code_and_the_key()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = await SignInAsync(user.Email!);
        var stamp = await StampAsync(user.Id);

        var html = await browser.Html("/account/due-fattori");
        await browser.Html("/account/due-fattori");

        Assert.Equal(stamp, await StampAsync(user.Id));
        Assert.Contains("<img src=\"data:image/png;base64,", html);
        var key = await KeyAsync(user.Id);
        Assert.Contains(string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(), html);
        // Same key on the second visit: the page does not make a new one each time.
        Assert.Equal(key, await KeyAsync(user.Id));
    }

    [Fact]
    public async Task Enabling_two_factor_rotates_the_stamp_and_keeps_this_browser_signed_in()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = await SignInAsync(user.Email!);
        await browser.Html("/account/due-fattori");
        var stamp = await StampAsync(user.Id);

        var response = await browser.SubmitAsync("/account/due-fattori", [("Code", Totp.Code(await KeyAsync(user.Id)))], "Enable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(stamp, await StampAsync(user.Id));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_no_longer_signs_in()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = fx.App.Anonymous();
        var login = await browser.SubmitAsync("/accedi", [("Input.Email", user.Email!), ("Input.Password", MetropoliApp.DemoPassword)]);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("metropoli.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = fx.App.Anonymous();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/esci", [])).StatusCode);

        var replay = await copy.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/accedi", replay.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        var user = await fx.App.CreateUserAsync();
        var browser = await SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        var admin = await fx.App.SignedIn(Demo.Admin);
        var form = await admin.Html($"/admin/utenti/{user.Id}");
        var stamp = Regex.Match(form, "name=\"Stamp\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"Stamp\"");
        var value = stamp.Groups[1].Success ? stamp.Groups[1].Value : stamp.Groups[2].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/utenti/{user.Id}", [("Stamp", value), ("Confirm", "true")], "ToggleDisabled")).StatusCode);
        Assert.True(await fx.App.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync()));

        // Not "within a minute", when the stamp is next checked: the session is gone.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_or_a_code()
    {
        var user = await fx.App.CreateUserAsync();
        await EnableTwoFactorAsync(user.Id);
        var browser = fx.App.Anonymous();
        var step = await browser.SubmitAsync("/accedi", [("Input.Email", user.Email!), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.StartsWith("/accedi/codice", step.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/accedi/codice", [("Code", Totp.Code(await KeyAsync(user.Id)))])).StatusCode);

        var bare = await browser.SubmitAsync("/account/due-fattori", [("ConfirmDisable", "true")], "Disable");
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains("indica la tua password o un codice", System.Net.WebUtility.HtmlDecode(await bare.Content.ReadAsStringAsync()));
        var wrong = await browser.SubmitAsync("/account/due-fattori", [("DisablePassword", "non-e-la-password")], "Disable");
        Assert.Contains("Password o codice non corretti.", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.True(await fx.App.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var right = await browser.SubmitAsync("/account/due-fattori", [("DisablePassword", MetropoliApp.DemoPassword)], "Disable");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await fx.App.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var user = await fx.App.CreateUserAsync();
        var codes = await EnableTwoFactorAsync(user.Id);

        async Task<HttpResponseMessage> WithRecoveryCode(string code)
        {
            var browser = fx.App.Anonymous();
            var step = await browser.SubmitAsync("/accedi", [("Input.Email", user.Email!), ("Input.Password", MetropoliApp.DemoPassword)]);
            Assert.StartsWith("/accedi/codice", step.Headers.Location!.OriginalString);
            Assert.Contains("/accedi/codice-di-recupero", await browser.Html("/accedi/codice"));
            return await browser.SubmitAsync("/accedi/codice-di-recupero", [("RecoveryCode", code)]);
        }

        var first = await WithRecoveryCode(codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await WithRecoveryCode(codes[0]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Codice di recupero non valido o già usato.", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }
}
