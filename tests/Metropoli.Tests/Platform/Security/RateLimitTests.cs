using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

public sealed class TightRateLimitFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ApiPermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "60",
    };
}

/// <summary>ModI rate limits: X-RateLimit-* on every API answer, 429 + Retry-After when exceeded.</summary>
public sealed class RateLimitTests(TightRateLimitFixture fx) : IClassFixture<TightRateLimitFixture>
{
    [Fact]
    public async Task The_fourth_request_in_a_window_is_429_problem_with_retry_after_and_ratelimit_headers()
    {
        // A fresh user is a fresh client bucket, whatever other tests in this class did (the count is the user's).
        var client = fx.App.WithToken(await fx.App.TokenFor((await fx.App.CreateUserAsync()).Email!));
        for (var i = 1; i <= 3; i++)
        {
            var ok = await client.GetAsync("/api/v1/zones");
            await ok.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("3", ok.Header("X-RateLimit-Limit"));
            Assert.Equal((3 - i).ToString(), ok.Header("X-RateLimit-Remaining"));
            Assert.InRange(int.Parse(ok.Header("X-RateLimit-Reset")!), 1, 60);
        }

        var limited = await client.GetAsync("/api/v1/zones");
        await limited.ShouldBeProblem(429);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        Assert.Equal("3", limited.Header("X-RateLimit-Limit"));
        Assert.Equal("0", limited.Header("X-RateLimit-Remaining"));
        Assert.InRange(int.Parse(limited.Header("X-RateLimit-Reset")!), 1, 60);
    }

    [Fact]
    public async Task Clients_have_separate_buckets_and_non_api_paths_are_not_limited()
    {
        var first = fx.App.WithToken(await fx.App.TokenFor((await fx.App.CreateUserAsync()).Email!));
        for (var i = 0; i < 4; i++)
        {
            await first.GetAsync("/api/v1/zones");
        }
        await (await first.GetAsync("/api/v1/zones")).ShouldBeProblem(429);

        var second = fx.App.WithToken(await fx.App.TokenFor((await fx.App.CreateUserAsync()).Email!));
        await (await second.GetAsync("/api/v1/zones")).ShouldBe(HttpStatusCode.OK);

        var status = await first.GetAsync("/status");
        await status.ShouldBe(HttpStatusCode.OK);
        Assert.Null(status.Header("X-RateLimit-Limit"));
    }
}
