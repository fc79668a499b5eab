using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Api;

/// <summary>Kestrel enforces the body limit (TestServer does not), so this app listens on a real port.</summary>
public sealed class SmallBodyLimitFixture : AppFixture
{
    protected override bool UseKestrel => true;
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:MaxRequestBodyBytes"] = "2048",
    };
}

public sealed class BodyLimitTests(SmallBodyLimitFixture fx) : IClassFixture<SmallBodyLimitFixture>
{
    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var admin = await fx.As(Demo.Admin);
        var response = await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = new string('x', 10_000), expiresInDays = 5 }));
        await response.ShouldBeProblem(413);
    }

    [Fact]
    public async Task A_streamed_body_over_the_limit_is_a_413_problem()
    {
        var admin = await fx.As(Demo.Admin);
        // No Content-Length: the limit trips while the JSON reader is half way through.
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + new string('y', 50_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access-tokens") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await (await admin.SendAsync(request)).ShouldBeProblem(413);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        var admin = await fx.As(Demo.Admin);
        var response = await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "piccolo", expiresInDays = 5 }));
        // Read and bound, so the handler answers: a token may not create tokens (issue 18, point 13), whatever the size.
        var problem = await response.ShouldBeProblem(403);
        Assert.Equal(Metropoli.Platform.Auth.AccessTokens.SessionOnly, problem.GetProperty("detail").GetString());
    }
}
