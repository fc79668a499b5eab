using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Security;

/// <summary>The app as deployed (outside Development Security:HostCookies is on), served over HTTPS.</summary>
public sealed class HostCookiesFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:HostCookies"] = "true",
    };
}

/// <summary>ASVS 3.3.1-3.3.4: every cookie the app sets along a session (antiforgery, login, the 2FA
/// step, TempData, language, logout) is HttpOnly, SameSite Lax or Strict, Secure, and named __Host-
/// (Path=/, no Domain).</summary>
public sealed class CookieFlagsTests(HostCookiesFixture fx, ITestOutputHelper output) : IClassFixture<HostCookiesFixture>
{
    private const string NewPassword = "Nuova-Password-2027";

    [Fact]
    public async Task Every_cookie_of_a_session_over_https_is_httponly_samesite_secure_and_host_prefixed()
    {
        var cookies = new List<(string Step, string SetCookie)>();
        void Collect(string step, HttpResponseMessage r)
        {
            if (r.Headers.TryGetValues("Set-Cookie", out var values)) cookies.AddRange(values.Select(v => (step, v)));
        }

        var browser = fx.App.Anonymous(https: true);
        Collect("login page", await browser.GetAsync("/accedi"));
        var login = await browser.SubmitAsync("/accedi", [("Input.Email", Demo.Sector), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Collect("login", login);
        var changed = await browser.SubmitAsync("/account/password",
            [("Input.Current", MetropoliApp.DemoPassword), ("Input.New", NewPassword), ("Input.Confirm", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Collect("password change (TempData)", changed);
        Collect("language", await browser.GetAsync("/lingua?cultura=en&ritorno=/account"));
        Collect("logout", await browser.SubmitAsync("/esci", []));

        // An account with an authenticator: the password step sets the two-factor cookie.
        await fx.App.WithScope(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(Demo.Forum))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        var second = fx.App.Anonymous(https: true);
        var step = await second.SubmitAsync("/accedi", [("Input.Email", Demo.Forum), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal("/accedi/codice", step.Headers.Location?.OriginalString.Split('?')[0]);
        Collect("two-factor step", step);

        foreach (var (s, c) in cookies) output.WriteLine($"{s}: {c}");
        var names = cookies.Select(c => Name(c.SetCookie)).Distinct().ToList();
        // The flow is only a proof if it made the app set each kind of cookie.
        foreach (var kind in new[] { "auth", "af", "2fa", "tempdata", "culture" })
        {
            Assert.Contains(names, n => n == "__Host-metropoli." + kind);
        }

        var problems = new List<string>();
        foreach (var (s, c) in cookies)
        {
            var attributes = c.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            var name = Name(c);
            if (!attributes.Contains("httponly")) problems.Add($"{s}: {name} is not HttpOnly");
            if (!attributes.Contains("secure")) problems.Add($"{s}: {name} is not Secure over HTTPS");
            if (!attributes.Any(a => a is "samesite=lax" or "samesite=strict")) problems.Add($"{s}: {name} has no SameSite=Lax/Strict");
            if (!name.StartsWith("__Host-", StringComparison.Ordinal)) problems.Add($"{s}: {name} has no __Host- prefix");
            if (!attributes.Contains("path=/") || attributes.Any(a => a.StartsWith("domain=")))
                problems.Add($"{s}: {name} breaks the __Host- rules (Path=/, no Domain)");
        }
        SecurityAssert.NoProblems(problems, "cookie flags missing");
    }

    private static string Name(string setCookie) => setCookie.Split('=')[0].Trim();
}

/// <summary>The deployed cookie settings on a plain-HTTP request (a proxy that does not forward the scheme, or
/// the benchmark on loopback): signed-in pages render, they do not fail on the antiforgery Secure policy.</summary>
public sealed class HostCookiesOverHttpTests(HostCookiesFixture fx) : IClassFixture<HostCookiesFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account")]
    public async Task A_signed_in_page_over_plain_http_renders(string url)
    {
        var client = await fx.App.As(Demo.Sector);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
