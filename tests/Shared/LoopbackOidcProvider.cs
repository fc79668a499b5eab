using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Metropoli.TestSupport;

/// <summary>A small but real OpenID Connect provider on loopback, standing in for the SPID/CIE identity proxy (ADR 0049):
/// discovery document, signing keys, an authorization page where the "citizen" types their codice fiscale, and a token
/// endpoint that checks the code, the redirect URI, the client and the PKCE verifier before it signs an ID token (RS256)
/// with the SPID attribute names. Nothing in the app under test is mocked: its OpenID Connect handler talks to this over HTTP.</summary>
public sealed class LoopbackOidcProvider : IAsyncDisposable
{
    public const string ClientId = "metropoli-test";
    public const string ClientSecret = "segreto-di-prova-0123456789";
    public const string FiscalNumberClaim = "https://attributes.eid.gov.it/fiscal_number";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    /// <summary>The query of the last authorization request (to check PKCE and the provider hint).</summary>
    public IReadOnlyDictionary<string, string> LastAuthorization { get; private set; } = new Dictionary<string, string>();

    public Uri Issuer { get; private set; } = null!;

    private sealed record Grant(string ClientId, string RedirectUri, string? Nonce, string Challenge, string FiscalNumber, string GivenName, string FamilyName);

    private LoopbackOidcProvider(WebApplication app)
    {
        _app = app;
        _key = new RsaSecurityKey(_rsa) { KeyId = "loopback-1" };
    }

    public static async Task<LoopbackOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new LoopbackOidcProvider(app);
        provider.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address.TrimEnd('/'));
        return provider;
    }

    private string IssuerText => Issuer.ToString().TrimEnd('/');

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerText,
            ["authorization_endpoint"] = IssuerText + "/authorize",
            ["token_endpoint"] = IssuerText + "/token",
            ["jwks_uri"] = IssuerText + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = new[] { "openid", "profile" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
            LastAuthorization = q;
            if (q.GetValueOrDefault("client_id") != ClientId || q.GetValueOrDefault("response_type") != "code"
                || q.GetValueOrDefault("code_challenge_method") != "S256" || string.IsNullOrEmpty(q.GetValueOrDefault("code_challenge")))
            {
                return Results.BadRequest("invalid_request: client_id, response_type=code and PKCE S256 are required");
            }
            var hidden = string.Concat(new[] { "redirect_uri", "state", "nonce", "code_challenge", "client_id" }
                .Select(k => $"<input type=\"hidden\" name=\"{k}\" value=\"{WebUtility.HtmlEncode(q.GetValueOrDefault(k) ?? "")}\">"));
            var html = $"""
                <!doctype html><html lang="it"><head><meta charset="utf-8"><title>Identity provider di prova</title></head>
                <body><main><h1>Identity provider di prova ({WebUtility.HtmlEncode(q.GetValueOrDefault("idp_hint") ?? "spid")})</h1>
                <form method="post" action="/authorize">{hidden}
                <label for="fiscal_number">Codice fiscale</label> <input id="fiscal_number" name="fiscal_number">
                <label for="given_name">Nome</label> <input id="given_name" name="given_name" value="Mario">
                <label for="family_name">Cognome</label> <input id="family_name" name="family_name" value="Rossi">
                <button type="submit" name="decision" value="allow">Autorizza</button>
                <button type="submit" name="decision" value="deny">Annulla</button>
                </form></main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });
        _app.MapPost("/authorize", async (HttpRequest request) =>
        {
            var f = await request.ReadFormAsync();
            var redirect = f["redirect_uri"].ToString();
            var state = Uri.EscapeDataString(f["state"].ToString());
            if (f["decision"] == "deny")
            {
                return Results.Redirect($"{redirect}?error=access_denied&state={state}");
            }
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(f["client_id"]!, redirect, f["nonce"], f["code_challenge"]!, f["fiscal_number"].ToString().Trim(),
                f["given_name"].ToString(), f["family_name"].ToString());
            return Results.Redirect($"{redirect}?code={code}&state={state}");
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var f = await request.ReadFormAsync();
            var (clientId, secret) = ClientCredentials(request, f);
            if (clientId != ClientId || secret != ClientSecret)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }
            if (f["grant_type"] != "authorization_code" || !_codes.TryRemove(f["code"].ToString(), out var grant)
                || grant.ClientId != clientId || grant.RedirectUri != f["redirect_uri"])
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }
            var verifier = f["code_verifier"].ToString();
            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
            if (verifier.Length < 43 || challenge != grant.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
            }
            var now = DateTime.UtcNow;
            var claims = new Dictionary<string, object>
            {
                ["sub"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(grant.FiscalNumber)))[..32],
                [FiscalNumberClaim] = "TINIT-" + grant.FiscalNumber,
                ["given_name"] = grant.GivenName,
                ["family_name"] = grant.FamilyName,
            };
            if (!string.IsNullOrEmpty(grant.Nonce))
            {
                claims["nonce"] = grant.Nonce;
            }
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = IssuerText,
                Audience = ClientId,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                Claims = claims,
                SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["id_token"] = idToken,
            });
        });
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }
        return (form["client_id"], form["client_secret"]);
    }

    /// <summary>The app's settings that point its SPID/CIE sign-in at this provider.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings(params string[] passwordDisabledRoles)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DigitalIdentity:Enabled"] = "true",
            ["DigitalIdentity:Authority"] = IssuerText,
            ["DigitalIdentity:ClientId"] = ClientId,
            ["DigitalIdentity:ClientSecret"] = ClientSecret,
            ["DigitalIdentity:RequireHttpsMetadata"] = "false",
        };
        for (var i = 0; i < passwordDisabledRoles.Length; i++)
        {
            settings[$"DigitalIdentity:PasswordDisabledRoles:{i}"] = passwordDisabledRoles[i];
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
