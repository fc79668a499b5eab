using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Metropoli.Platform.Auth;
using Metropoli.TestSupport;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Accounts;

/// <summary>Issue 24, point 1 (ADR 0049): SPID/CIE sign-in through an OpenID Connect identity proxy — here a real provider
/// on loopback that signs its ID tokens — linking the person to their account by codice fiscale.</summary>
[Trait("Database", "Both")]
public sealed partial class DigitalIdentityTests
{
    private const string RhoFiscalCode = "BNCMRC75C12H264W"; // the demo officer of Rho (invented, valid in form)

    [GeneratedRegex("""<input type="hidden" name="([a-z_]+)" value="([^"]*)">""")]
    private static partial Regex Hidden();

    /// <summary>The browser's round trip: the button, the provider's page, the provider's answer to the callback, the
    /// app's last step. Answers the app's last response.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient app, LoopbackOidcProvider oidc, string provider,
        string fiscalCode, string decision = "allow")
    {
        var start = await app.GetAsync($"/accedi/identita-digitale?provider={provider}&returnUrl=%2Fscrivania");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(oidc.Issuer.ToString(), authorize.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(authorize);
        var fields = Hidden().Matches(form).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(new("fiscal_number", fiscalCode)).Append(new("given_name", "Marco")).Append(new("family_name", "Bianchi"))
            .Append(new("decision", decision));
        var answer = await browser.PostAsync(new Uri(oidc.Issuer, "/authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var callback = answer.Headers.Location!;

        var handled = await app.GetAsync(callback.PathAndQuery);
        if (handled.StatusCode != HttpStatusCode.Redirect)
        {
            return handled;
        }
        var next = handled.Headers.Location!.ToString();
        return next.StartsWith("/accedi/identita-digitale", StringComparison.Ordinal) ? await app.GetAsync(next) : handled;
    }

    [Fact]
    public async Task A_SPID_identity_opens_the_account_with_its_fiscal_code_and_an_unknown_one_is_refused()
    {
        await using var oidc = await LoopbackOidcProvider.StartAsync();
        await using var database = await TestDatabase.FromTemplateAsync("spid");
        await using var app = new MetropoliApp(database, oidc.AppSettings(Roles.MunicipalityOfficer)).Start();

        var login = await app.Anonymous().Html("/accedi");
        Assert.Contains("Entra con SPID", login);
        Assert.Contains("Entra con CIE", login);

        // The officer of Rho: the provider is asked with PKCE (S256) and the button's hint; the desk opens as them.
        var officer = app.Anonymous();
        var landed = await SignInThroughProviderAsync(officer, oidc, "spid", RhoFiscalCode);
        Assert.True(landed.StatusCode == HttpStatusCode.Redirect, $"{(int)landed.StatusCode}: {Regex.Match(await landed.Content.ReadAsStringAsync(), "alert-danger[^>]*>([^<]*)").Groups[1].Value}");
        Assert.Equal("/scrivania", landed.Headers.Location!.ToString());
        Assert.Equal("S256", oidc.LastAuthorization["code_challenge_method"]);
        Assert.Equal("spid", oidc.LastAuthorization["idp_hint"]);
        Assert.Contains("Marco Referente di Rho", await officer.Html("/scrivania"));

        // An identity whose codice fiscale no account holds: refused with the way forward, and still anonymous.
        var stranger = app.Anonymous();
        var refused = await SignInThroughProviderAsync(stranger, oidc, "cie", "RSSMRA80A01F205X");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Nessun account di Metropoli attivo", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("cie", oidc.LastAuthorization["idp_hint"]);
        var desk = await stranger.GetAsync("/scrivania");
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/accedi", desk.Headers.Location!.ToString(), StringComparison.Ordinal);

        // A malformed codice fiscale from the proxy, and a sign-in cancelled at the provider: a page, never a 500.
        var malformed = await SignInThroughProviderAsync(app.Anonymous(), oidc, "spid", "NONVALIDO");
        Assert.Equal(HttpStatusCode.Forbidden, malformed.StatusCode);
        var cancelled = await SignInThroughProviderAsync(app.Anonymous(), oidc, "spid", RhoFiscalCode, decision: "deny");
        Assert.Equal(HttpStatusCode.Forbidden, cancelled.StatusCode);
        Assert.Contains("annullato", WebUtility.HtmlDecode(await cancelled.Content.ReadAsStringAsync()));

        // A disabled account is refused too.
        await app.WithDb(async db =>
        {
            var giulia = db.Users.Single(u => u.Email == Demo.ZoneCoordinator);
            giulia.IsDisabled = true;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInThroughProviderAsync(app.Anonymous(), oidc, "spid", "VRDGLI82M50A940T")).StatusCode);

        // Unknown provider names answer 404; the callback without a sign-in in progress is a page, not a 500.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/accedi/identita-digitale?provider=facebook")).StatusCode);
        var stray = await app.Anonymous().GetAsync("/accedi/identita-digitale/ritorno-oidc?code=abc&state=xyz");
        Assert.True((int)stray.StatusCode is 302 or 403, $"stray callback: {(int)stray.StatusCode}");

        // Password sign-in is off for municipality officers (the setting), still on for staff.
        var withPassword = await app.Anonymous().SubmitAsync("/accedi", [("Input.Email", Demo.RhoOfficer), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.OK, withPassword.StatusCode);
        Assert.Contains("entra con SPID o CIE", WebUtility.HtmlDecode(await withPassword.Content.ReadAsStringAsync()));
        var wrongPassword = await app.Anonymous().SubmitAsync("/accedi", [("Input.Email", Demo.RhoOfficer), ("Input.Password", "sbagliata-del-tutto")]);
        Assert.DoesNotContain("entra con SPID o CIE", WebUtility.HtmlDecode(await wrongPassword.Content.ReadAsStringAsync()));
        await app.SignedIn(Demo.PlanOffice);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_SPID_button_and_the_route_is_404()
    {
        await using var database = await TestDatabase.FromTemplateAsync("nospid");
        await using var app = new MetropoliApp(database).Start();
        Assert.DoesNotContain("Entra con SPID", await app.Anonymous().Html("/accedi"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/accedi/identita-digitale?provider=spid")).StatusCode);
    }

    [Theory]
    [InlineData("TINIT-BNCMRC75C12H264W", "BNCMRC75C12H264W")]
    [InlineData("tinit-bncmrc75c12h264w", "BNCMRC75C12H264W")]
    [InlineData("BNCMRC75C12H264W", "BNCMRC75C12H264W")]
    [InlineData("TINIT-BNCMRC75C12H264X", null)] // wrong check letter
    [InlineData("", null)]
    public void The_fiscal_code_is_read_from_the_SPID_attribute_without_its_prefix(string claim, string? expected)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(LoopbackOidcProvider.FiscalNumberClaim, claim)]));
        Assert.Equal(expected, DigitalIdentity.FiscalCode(principal, new DigitalIdentityOptions()));
    }
}
