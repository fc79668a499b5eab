using System.Net;
using System.Text.Json;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Concurrency;

public sealed class IdempotencyKeyFixture : AppFixture;

/// <summary>Issue 18, point 12: a retry of a creating write with the same <c>Idempotency-Key</c> gets the first answer
/// and creates nothing more (IETF draft "The Idempotency-Key HTTP Header Field"; docs/adr/0031).</summary>
// The keys are rows under a unique index, raced by parallel retries: on PostgreSQL too.
[Trait("Database", "Both")]
public sealed class IdempotencyKeyTests(IdempotencyKeyFixture fx) : IClassFixture<IdempotencyKeyFixture>
{
    private const string Types = "https://metropoli.example/problems/";

    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private static object Area(string code) => new { code, title = "Area con chiave", kind = "area" };

    private Task<int> Areas(long plan) => fx.App.WithDb(db => db.Set<PlanArea>().CountAsync(a => a.PlanId == plan));

    [Fact]
    public async Task A_retry_with_the_same_key_gets_the_first_answer_and_creates_nothing()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await PlanBuilders.CreatePlanAsync(office);
        var key = $"\"{Guid.NewGuid()}\"";

        using var first = await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K1"), key));
        var created = await first.ShouldBe(HttpStatusCode.Created);
        using var retry = await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K1"), key));
        var replayed = await retry.ShouldBe(HttpStatusCode.Created);

        Assert.Equal(created.GetProperty("id").GetInt64(), replayed.GetProperty("id").GetInt64());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag?.Tag, retry.Headers.ETag?.Tag);
        Assert.Equal("true", retry.Header("Idempotency-Replayed"));
        Assert.Null(first.Header("Idempotency-Replayed"));
        Assert.Equal(1, await Areas(plan));

        // Without a key, the same body is a new request (here a duplicate code).
        await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K1"), null))).ShouldBeProblem(422);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_the_key_is_per_user_and_operation()
    {
        var office = await fx.As(Demo.PlanOffice);
        var admin = await fx.As(Demo.Admin);
        var plan = await PlanBuilders.CreatePlanAsync(office);
        var key = Guid.NewGuid().ToString();

        await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K2"), key))).ShouldBe(HttpStatusCode.Created);
        var reused = await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K3"), key))).ShouldBeProblem(422);
        Assert.Equal(Types + "idempotency-key-reused", reused.GetProperty("type").GetString());

        // Another user's key of the same value, another operation with the key: each runs.
        var other = await PlanBuilders.CreatePlanAsync(office);
        await (await office.SendAsync(Post($"/api/v1/plans/{other}/areas", Area("K2"), key))).ShouldBe(HttpStatusCode.Created);
        await (await admin.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K4"), key))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, await Areas(plan));
    }

    [Fact]
    public async Task Eight_parallel_retries_with_one_key_create_one_record()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await PlanBuilders.CreatePlanAsync(office);
        var key = Guid.NewGuid().ToString();

        var answers = await Parallel8.RunAsync(_ => office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K5"), key)));

        // Each is the first answer replayed, or "still in flight, retry": never a second record, never a 500.
        var summary = string.Join("; ", answers.Select(a => $"{a.Status} {a.ProblemType}"));
        Assert.True(answers.All(a => a.Status == 201 || (a.Status == 409 && a.ProblemType == Types + "idempotency-in-flight")), summary);
        var ids = answers.Where(a => a.Status == 201).Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetInt64()).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(1, await Areas(plan));
    }

    [Fact]
    public async Task A_refusal_is_also_the_first_answer_and_a_malformed_key_is_400()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await PlanBuilders.CreatePlanAsync(office);
        var key = Guid.NewGuid().ToString();
        var first = await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", new { code = "", title = "" }, key))).ShouldBeProblem(422);
        var again = await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", new { code = "", title = "" }, key))).ShouldBeProblem(422);
        Assert.Equal(first.GetRawText(), again.GetRawText());

        var malformed = await (await office.SendAsync(Post($"/api/v1/plans/{plan}/areas", Area("K6"), new string('x', 300)))).ShouldBeProblem(400);
        Assert.Contains("Idempotency-Key", malformed.GetProperty("detail").GetString());
        Assert.Equal(0, await Areas(plan));
    }

    [Fact]
    public async Task The_api_document_offers_the_header_on_creating_writes()
    {
        var document = await fx.App.Anonymous().GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var open = paths.GetProperty("/api/v1/plans/{id}/campaigns").GetProperty("post");
        var header = Assert.Single(open.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        // Every POST that needs an account takes it.
        foreach (var path in paths.EnumerateObject())
        {
            if (!path.Value.TryGetProperty("post", out var post)) continue;
            if (post.TryGetProperty("security", out var security) && security.GetArrayLength() == 0) continue; // anonymous
            Assert.True(post.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key"), path.Name);
        }
    }
}
