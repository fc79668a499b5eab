using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

public sealed class TightLoginLimitFixture : AppFixture
{
    public const int Limit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:LoginPermitLimit"] = Limit.ToString(),
        ["RateLimits:ApiPermitLimit"] = Limit.ToString(),
        ["RateLimits:WindowSeconds"] = "60",
    };
}

/// <summary>ASVS 6.3.1: guessing is slowed per address on top of the per-account lockout. Every
/// rate-limited form (login, its second step, the public feedback form) answers 429 with Retry-After
/// once over the limit, also for the right password, and the 429s carry the security headers.</summary>
public sealed class LoginRateLimitTests(TightLoginLimitFixture fx) : IClassFixture<TightLoginLimitFixture>
{
    [Theory]
    [InlineData("/accedi")]
    [InlineData("/accedi/codice")]
    [InlineData("/segnalazioni")]
    public async Task Posts_over_the_limit_are_429_with_retry_after_and_the_security_headers(string path)
    {
        // The rows share one per-address window: whichever runs first spends it, the others find it spent.
        var client = fx.App.Anonymous();
        HttpResponseMessage? limited = null;
        for (var i = 0; i <= TightLoginLimitFixture.Limit * 3 && limited is null; i++)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent([new("Input.Email", Demo.Forum), new("Input.Password", MetropoliApp.DemoPassword)]));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        Assert.NotNull(limited);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        var home = await Exchange.ReadAsync("anonymous", await client.GetAsync("/"));
        SecurityAssert.NoProblems(SecurityAssert.HeaderDifferences(home, [await Exchange.ReadAsync("anonymous", limited)]), "429 answers without the headers");
        // Even the right password, with a valid token, is refused while the window lasts.
        var browser = fx.App.Anonymous();
        var blocked = await browser.SubmitAsync("/accedi", [("Input.Email", Demo.Forum), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
    }

    [Fact]
    public async Task The_api_429_carries_the_security_headers_and_is_problem_json()
    {
        var client = fx.App.WithToken(await fx.App.TokenFor(Demo.Forum));
        HttpResponseMessage response;
        var n = 0;
        do
        {
            response = await client.GetAsync("/api/v1/zones");
        } while (response.StatusCode != HttpStatusCode.TooManyRequests && ++n < 10);
        await response.ShouldBeProblem(429);
        Assert.NotNull(response.Headers.RetryAfter);
        var home = await Exchange.ReadAsync("anonymous", await fx.App.Anonymous().GetAsync("/"));
        SecurityAssert.NoProblems(SecurityAssert.HeaderDifferences(home, [await Exchange.ReadAsync("api", response)]), "429 answers without the headers");
    }
}
