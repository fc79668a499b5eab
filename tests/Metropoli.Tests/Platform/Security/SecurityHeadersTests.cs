using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Security headers on every kind of answer: API, error, static file.</summary>
public sealed class SecurityHeadersTests(AppFixture fx) : IClassFixture<AppFixture>
{
    public const string StaticFile = "/lib/bootstrap-italia/css/bootstrap-italia.min.css";

    [Theory]
    [InlineData("/api/v1/zones", 200)]
    [InlineData("/api/v1/non-esiste", 404)]
    [InlineData("/pagina-che-non-esiste", 404)]
    [InlineData("/api/v1/me", 401)]
    [InlineData(StaticFile, 200)]
    [InlineData("/openapi/v1.json", 200)]
    public async Task Every_answer_carries_the_security_headers(string path, int status)
    {
        var response = await fx.App.Anonymous().GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        var csp = response.Header("Content-Security-Policy");
        Assert.NotNull(csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", response.Header("Referrer-Policy"));
        Assert.Equal("DENY", response.Header("X-Frame-Options"));
        Assert.Null(response.Header("Server"));
    }

    [Fact]
    public async Task The_csp_nonce_is_new_on_every_response()
    {
        var a = (await fx.App.Anonymous().GetAsync("/api/v1/zones")).Header("Content-Security-Policy");
        var b = (await fx.App.Anonymous().GetAsync("/api/v1/zones")).Header("Content-Security-Policy");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Api_answers_are_not_cached_but_static_files_may_be()
    {
        var api = await (await fx.As(Demo.Admin)).GetAsync("/api/v1/me");
        Assert.Contains("no-store", api.Headers.CacheControl?.ToString());
        var file = await fx.App.Anonymous().GetAsync(StaticFile);
        Assert.DoesNotContain("no-store", file.Headers.CacheControl?.ToString() ?? "");
    }
}
