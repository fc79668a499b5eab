using System.Security.Claims;
using Metropoli.Platform.Identifiers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Metropoli.Platform.Auth;

/// <summary>Sign-in with SPID or CIE through an identity proxy that speaks SPID/CIE to the national identity providers
/// and plain OpenID Connect to Metropoli (an IAM proxy or the regional identity gateway: ADR 0049). Off unless
/// <c>DigitalIdentity:Enabled</c>. The person is linked to their account by codice fiscale; accounts are never created here.</summary>
public sealed class DigitalIdentityOptions
{
    public const string Section = "DigitalIdentity";

    public bool Enabled { get; set; }

    /// <summary>The proxy's issuer URL (its <c>/.well-known/openid-configuration</c> is read from there).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Only for a proxy on loopback in tests and trials: production proxies are HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claims that may carry the codice fiscale, first found wins: the SPID/CIE OIDC attribute name, then the
    /// names IAM proxies commonly map <c>fiscalNumber</c> to.</summary>
    public string[] FiscalCodeClaims { get; set; } = ["https://attributes.eid.gov.it/fiscal_number", "fiscal_number", "fiscalNumber"];

    /// <summary>The authorization-request parameter that tells the proxy which button was pressed ("spid" or "cie");
    /// empty: none is sent and the proxy asks.</summary>
    public string ProviderHintParameter { get; set; } = "idp_hint";

    /// <summary>Roles whose members must sign in with SPID or CIE: their password no longer opens a session.</summary>
    public string[] PasswordDisabledRoles { get; set; } = [];
}

public static class DigitalIdentity
{
    public const string Scheme = "digital-identity";
    public const string CallbackPath = "/accedi/identita-digitale/ritorno-oidc";
    public static readonly string[] Providers = ["spid", "cie"];

    public static void AddDigitalIdentity(this WebApplicationBuilder builder, AuthenticationBuilder authentication, Security.CookieNaming cookies)
    {
        var options = builder.Configuration.GetSection(DigitalIdentityOptions.Section).Get<DigitalIdentityOptions>() ?? new();
        builder.Services.Configure<DigitalIdentityOptions>(builder.Configuration.GetSection(DigitalIdentityOptions.Section));
        if (!options.Enabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(options.Authority) || string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new InvalidOperationException("DigitalIdentity:Enabled needs DigitalIdentity:Authority and DigitalIdentity:ClientId (the identity proxy's issuer and this client's id).");
        }
        authentication.AddOpenIdConnect(Scheme, "SPID / CIE", o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.MapInboundClaims = false; // the SPID attribute names stay as the proxy sends them
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            // The proxy's answer comes back as a top-level GET (response_mode=query): Lax cookies travel with it, so the
            // correlation and nonce cookies need not be SameSite=None, and follow the app's Secure policy like its others.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = cookies.Policy;
                cookie.HttpOnly = true;
            }
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Events.OnRedirectToIdentityProvider = ctx =>
            {
                if (options.ProviderHintParameter is { Length: > 0 } name
                    && ctx.Properties.Items.TryGetValue("provider", out var provider) && provider is not null)
                {
                    ctx.ProtocolMessage.SetParameter(name, provider);
                }
                return Task.CompletedTask;
            };
            // A cancelled sign-in, an error from the proxy or a replayed answer: a page that says so, never a 500.
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Metropoli.Security")
                    .LogWarning("SPID/CIE sign-in failed at the proxy: {Reason}", ctx.Failure?.Message);
                ctx.Response.Redirect("/accedi/identita-digitale?esito=errore");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The codice fiscale carried by the identity, without the <c>TINIT-</c> prefix SPID puts before it,
    /// or null when no claim carries a valid one.</summary>
    public static string? FiscalCode(ClaimsPrincipal principal, DigitalIdentityOptions options)
    {
        foreach (var type in options.FiscalCodeClaims)
        {
            if (principal.FindFirst(type)?.Value is { Length: > 0 } raw)
            {
                var value = raw.Trim();
                if (value.StartsWith("TINIT-", StringComparison.OrdinalIgnoreCase))
                {
                    value = value[6..];
                }
                var check = IdentifierCheck.ValidateCodiceFiscalePersona(value);
                return check.Ok ? check.Normalized : null;
            }
        }
        return null;
    }

    public static bool PasswordDisabled(DigitalIdentityOptions options, IEnumerable<string> roles) =>
        options.Enabled && roles.Any(r => options.PasswordDisabledRoles.Contains(r, StringComparer.Ordinal));
}
