using System.Net;
using System.Net.Http.Headers;
using Metropoli.Platform.Auth;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

public sealed class BypassRateLimitFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ApiPermitLimit"] = "4",
        ["RateLimits:WindowSeconds"] = "600",
    };
}

/// <summary>Issue 18, point 14: the API's rate limit was keyed on the raw Authorization header, so any change of
/// it (the scheme's case, spaces, a random Basic header, a random invalid token) started a fresh count. The count
/// is now the authenticated user's, whatever token or session they use, else the client's address.</summary>
public sealed class RateLimitBypassTests(BypassRateLimitFixture fx) : IClassFixture<BypassRateLimitFixture>
{
    private static HttpRequestMessage Get(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/zones");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    [Fact]
    public async Task One_user_has_one_count_whatever_the_token_its_spelling_or_a_session()
    {
        var user = await fx.App.CreateUserAsync(Roles.ForumMember);
        var first = await fx.App.TokenFor(user.Email!);
        var second = await fx.App.TokenFor(user.Email!);
        var client = fx.App.Anonymous();
        string[] spellings = ["Bearer " + first, "bearer " + first, "BEARER    " + first + "   ", "Bearer " + second];
        foreach (var authorization in spellings)
        {
            await (await client.SendAsync(Get(authorization))).ShouldBe(HttpStatusCode.OK);
        }
        await (await client.SendAsync(Get("bEaReR  " + second))).ShouldBeProblem(429);
        var session = await fx.App.SignedIn(user.Email!);
        await (await session.GetAsync("/api/v1/zones")).ShouldBeProblem(429);

        // Another user still has their own count.
        var other = await fx.App.CreateUserAsync(Roles.ForumMember);
        await (await fx.App.WithToken(await fx.App.TokenFor(other.Email!)).GetAsync("/api/v1/zones")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invalid_or_foreign_authorization_headers_share_the_address_count()
    {
        var client = fx.App.Anonymous();
        string[] headers =
        [
            "Basic " + Convert.ToBase64String(Guid.NewGuid().ToByteArray()), "Bearer mtp_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            "bearer   mtp_" + Guid.NewGuid().ToString("N"), "Digest username=\"" + Guid.NewGuid() + "\"", "Bearer " + new string('x', 300),
            "Negotiate " + Guid.NewGuid(),
        ];
        var statuses = new List<int>();
        foreach (var header in headers)
        {
            statuses.Add((int)(await client.SendAsync(Get(header))).StatusCode);
        }
        statuses.Add((int)(await client.GetAsync("/api/v1/zones")).StatusCode);
        Assert.True(statuses.Count(s => s == 429) >= statuses.Count - 4, "the limit of 4 was bypassed: " + string.Join(", ", statuses));
        await (await client.SendAsync(Get("Basic " + Convert.ToBase64String(Guid.NewGuid().ToByteArray())))).ShouldBeProblem(429);
    }
}

public sealed class ProxiedRateLimitFixture : AppFixture
{
    protected override bool UseKestrel => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ApiPermitLimit"] = "3",
        ["RateLimits:WindowSeconds"] = "600",
        ["Security:ForwardedHeaders"] = "true",
    };
}

/// <summary>Behind a proxy (loopback here, the default known proxy), the client address is the one the proxy
/// forwards: two clients of the proxy have two counts, and a client cannot reset its count by adding its own
/// X-Forwarded-For (the proxy appends the address it saw; only the last hop counts).</summary>
public sealed class ProxiedRateLimitTests(ProxiedRateLimitFixture fx) : IClassFixture<ProxiedRateLimitFixture>
{
    private static HttpRequestMessage Get(string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/zones");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "mtp_" + Guid.NewGuid().ToString("N"));
        return request;
    }

    [Fact]
    public async Task The_forwarded_client_address_is_the_key_and_a_spoofed_first_hop_does_not_reset_it()
    {
        var client = fx.App.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(429, (int)(await client.SendAsync(Get($"198.51.100.{i + 1}, 203.0.113.7"))).StatusCode);
        }
        await (await client.SendAsync(Get("198.51.100.99, 203.0.113.7"))).ShouldBeProblem(429);
        Assert.NotEqual(429, (int)(await client.SendAsync(Get("203.0.113.8"))).StatusCode);
    }
}
