using System.Security.Cryptography;

namespace Metropoli.Platform.Security;

/// <summary>Cookie names and Secure policy (ADR 0018): with host cookies on (the default outside
/// Development) every cookie is named <c>__Host-metropoli.*</c> and always Secure; otherwise the
/// framework's names and Secure when the request is HTTPS.</summary>
public sealed class CookieNaming(bool hostCookies)
{
    public bool HostCookies { get; } = hostCookies;

    public CookieSecurePolicy Policy => HostCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public string Name(string developmentName, string name) => HostCookies ? "__Host-" + name : developmentName;

    public string Culture => Name(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName, "metropoli.culture");

    public bool Secure(HttpRequest request) => HostCookies || request.IsHttps;
}

/// <summary>The nonce of this response's Content-Security-Policy, for the rare script or style tag.</summary>
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}

/// <summary>Sets the security headers on every response, errors and static files included.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IWebHostEnvironment env)
{
    // Bootstrap Italia's bundle adds two <style> elements at start-up (one empty); allowing exactly
    // those by hash keeps 'unsafe-inline' out. Its CSS also embeds an icon font as a data: URL.
    private const string BootstrapItaliaStyleHashes =
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha256-wPXhisdsFu1DtHYH1D9W5isSGqS5vIPn6QJWSNLqfCM='";

    public Task InvokeAsync(HttpContext context, CspNonce nonce)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            var swagger = context.Request.Path.StartsWithSegments("/api/docs");
            // Swagger UI's own stylesheet sets inline styles from script; only its page gets that allowance.
            var style = swagger ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce.Value}' {BootstrapItaliaStyleHashes}";
            h.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce.Value}'; style-src {style}; " +
                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
                "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!env.IsDevelopment() && context.Request.IsHttps)
            {
                h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            if (!context.Response.Headers.ContainsKey("Cache-Control") && !context.Request.Path.StartsWithSegments("/lib")
                && !context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js"))
            {
                h.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
