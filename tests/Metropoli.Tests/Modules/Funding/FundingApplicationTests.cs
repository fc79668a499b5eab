using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Modules.Funding;

/// <summary>Applications: a Comune's draft seen only by that Comune and the funding office, the lifecycle with its
/// guards (call open, Comuni eligible, reasons) and the reasoned history.</summary>
public sealed class FundingApplicationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private async Task<long> CallAsync(object[] rules, int? partnersMin = null)
    {
        var office = await fx.As(Demo.PlanOffice);
        var today = DateTime.UtcNow;
        return (await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(new
        {
            title = $"Bando per domande {Guid.NewGuid():N}", issuer = "Città metropolitana di Milano", programme = "own", budget = 500000m,
            opensOn = today.AddDays(-2).ToString("yyyy-MM-dd"), closesOn = today.AddDays(30).ToString("yyyy-MM-dd"), status = "open", partnersMin, rules,
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> Move(HttpClient client, long id, string to, string? reason = null)
    {
        var etag = (await client.GetAsync($"/api/v1/funding-applications/{id}")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/funding-applications/{id}/transitions") { Content = Http.JsonBody(new { to, reason }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_its_comune_and_the_office_and_moves_through_the_lifecycle_with_reasons()
    {
        var call = await CallAsync([new { kind = "recipients", parameter = "Comuni" }]);
        var rho = await fx.As(Demo.RhoOfficer);
        var office = await fx.As(Demo.PlanOffice);
        var title = $"Domanda di Rho {Guid.NewGuid():N}";
        var id = (await (await rho.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = call, leadIstat = Demo.Rho, title, requestedAmount = 120000m, partners = new[] { "015005" } })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await rho.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = call, leadIstat = Demo.Milano, title, requestedAmount = 1m }))).ShouldBeProblem(403);

        await (await fx.App.Anonymous().GetAsync($"/api/v1/funding-applications/{id}")).ShouldBeProblem(404);
        await (await (await fx.As(Demo.ZoneCoordinator)).GetAsync($"/api/v1/funding-applications/{id}")).ShouldBeProblem(404);
        Assert.DoesNotContain(title, await fx.App.Anonymous().GetStringAsync($"/api/v1/funding-applications?call={call}"), StringComparison.Ordinal);
        var draft = await office.GetJson($"/api/v1/funding-applications/{id}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());

        await (await Move(rho, id, "admitted")).ShouldBeProblem(403); // a decision of the office
        await (await Move(rho, id, "submitted")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("submitted", (await fx.App.Anonymous().GetJson($"/api/v1/funding-applications/{id}")).GetProperty("status").GetString());
        await (await Move(office, id, "funded")).ShouldBeProblem(409); // not admitted yet
        await (await Move(office, id, "admitted")).ShouldBe(HttpStatusCode.NoContent);
        await (await Move(office, id, "not-funded")).ShouldBeProblem(422); // a refusal needs its reason
        await (await Move(office, id, "not-funded", "Risorse esaurite.")).ShouldBe(HttpStatusCode.NoContent);
        var done = await rho.GetJson($"/api/v1/funding-applications/{id}");
        var history = done.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("toStatus").GetString(), h.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("submitted", null), ("admitted", null), ("not-funded", "Risorse esaurite.")], history);
        Assert.Equal(0, done.GetProperty("nextStatuses").GetArrayLength());
    }

    [Fact]
    public async Task Submission_needs_eligible_comuni_and_enough_partners_and_input_is_checked()
    {
        var small = await CallAsync([new { kind = "recipients", parameter = "Comuni" }, new { kind = "small-comune", parameter = "" }]);
        var office = await fx.As(Demo.PlanOffice);
        var id = (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = small, leadIstat = Demo.Rho, title = "Rho non è piccolo", requestedAmount = 1000m })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var refused = await (await Move(office, id, "submitted")).ShouldBeProblem(409);
        Assert.Contains("Rho non è ammissibile", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var withPartners = await CallAsync([], partnersMin: 2);
        var lone = (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = withPartners, leadIstat = Demo.Rho, title = "Senza partner", requestedAmount = 1000m })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await Move(office, lone, "submitted")).ShouldBeProblem(409);
        await (await Move(office, lone, "withdrawn")).ShouldBeProblem(422);
        await (await Move(office, lone, "withdrawn", "Non ci sono partner.")).ShouldBe(HttpStatusCode.NoContent);

        var problem = await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = withPartners, leadIstat = Demo.Rho, title = "", requestedAmount = 9999999m, partners = new[] { Demo.Rho } })))
            .ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) && errors.TryGetProperty("requestedAmount", out _) && errors.TryGetProperty("partners", out _), errors.ToString());
    }

    [Fact]
    public async Task The_desk_of_a_municipality_officer_shows_the_open_calls_for_the_comune()
    {
        var rho = await fx.App.SignedIn(Demo.RhoOfficer);
        var desk = await rho.Html("/scrivania");
        Assert.Contains("Bandi aperti per il tuo Comune", desk, StringComparison.Ordinal);
        Assert.Contains($"/comuni/{Demo.Rho}", desk, StringComparison.Ordinal);
    }
}
