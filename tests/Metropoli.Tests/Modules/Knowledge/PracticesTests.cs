using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Modules.Knowledge;

/// <summary>Issue 23, best practices through HTTP: a Comune's draft is seen by nobody else, the editors publish or return
/// it with a reason, another Comune reuses it once, the texts reach the page only as sanitised Markdown.</summary>
[Trait("Database", "Both")]
public sealed class PracticesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    internal static async Task<long> DraftAsync(HttpClient author, string title, string problem = "Il **problema**") =>
        (await (await author.PostAsync("/api/v1/practices", Http.JsonBody(new
        {
            title, problem, solution = "La soluzione", results = "I risultati", theme = "digitale", zoneCode = "nord-ovest",
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static HttpRequestMessage Move(long id, string to, string? reason, string version)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/practices/{id}/transitions") { Content = Http.JsonBody(new { to, reason }) };
        m.Headers.TryAddWithoutValidation("If-Match", version);
        return m;
    }

    [Fact]
    public async Task A_draft_is_private_the_editors_return_then_publish_and_another_Comune_reuses_it_once()
    {
        var rho = await fx.As(Demo.RhoOfficer);
        var office = await fx.As(Demo.PlanOffice);
        var id = await DraftAsync(rho, "Pratica di prova " + Guid.NewGuid().ToString("N")[..6], "Testo <script>alert(1)</script> [x](javascript:alert(2)) **forte**");
        // The draft: Rho only. The editors, the public, another Comune: 404, and no search finds it.
        await (await office.GetAsync($"/api/v1/practices/{id}")).ShouldBeProblem(404);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/practices/{id}")).ShouldBeProblem(404);
        var legnano = await fx.App.CreateUserAsync(Metropoli.Platform.Auth.Roles.MunicipalityOfficer, municipality: "015118");
        var other = await fx.As(legnano.Email!);
        await (await other.GetAsync($"/api/v1/practices/{id}")).ShouldBeProblem(404);
        Assert.DoesNotContain($"/buone-pratiche/{id}", await fx.App.Anonymous().GetStringAsync("/cerca?q=Pratica%20di%20prova"));

        await (await office.SendAsync(Move(id, "published", null, "\"1\""))).ShouldBeProblem(404); // not submitted: the editors do not see it
        await (await rho.SendAsync(Move(id, "submitted", null, "\"1\""))).ShouldBe(HttpStatusCode.NoContent);
        await (await rho.SendAsync(Move(id, "published", null, "\"2\""))).ShouldBeProblem(403);
        await (await office.SendAsync(Move(id, "returned", null, "\"2\""))).ShouldBeProblem(422); // a reason is required
        await (await office.SendAsync(Move(id, "returned", "Mancano i costi", "\"2\""))).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("Mancano i costi", (await rho.GetJson($"/api/v1/practices/{id}")).GetProperty("returnReason").GetString());
        await (await rho.SendAsync(Move(id, "submitted", null, "\"3\""))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.SendAsync(Move(id, "published", null, "\"3\""))).ShouldBeProblem(409); // stale version
        await (await office.SendAsync(Move(id, "published", null, "\"4\""))).ShouldBe(HttpStatusCode.NoContent);

        // Published: public, rendered safely; reused once by Legnano, never by Rho itself.
        var page = await fx.App.Anonymous().GetStringAsync($"/buone-pratiche/{id}");
        Assert.Contains("<strong>forte</strong>", page);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("javascript:alert(2)", page);
        await (await rho.PostAsync($"/api/v1/practices/{id}/reuses", null)).ShouldBeProblem(403);
        await (await other.PostAsync($"/api/v1/practices/{id}/reuses", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await other.PostAsync($"/api/v1/practices/{id}/reuses", null)).ShouldBeProblem(409);
        var reuses = (await fx.App.Anonymous().GetJson($"/api/v1/practices/{id}")).GetProperty("reuses");
        Assert.Equal("Legnano", reuses.EnumerateArray().Single().GetProperty("comune").GetString());
        Assert.Contains($"/buone-pratiche/{id}", await fx.App.Anonymous().GetStringAsync("/cerca?q=Pratica%20di%20prova"));
    }

    [Fact]
    public async Task The_demo_practice_is_listed_with_its_reuse_and_the_forms_answer_bad_input_with_messages()
    {
        var list = await fx.App.Anonymous().GetStringAsync("/buone-pratiche");
        Assert.Contains("Sportello digitale condiviso", list);
        await (await fx.App.Anonymous().GetAsync("/api/v1/practices?theme=nessuno")).ShouldBeProblem(400);
        await (await (await fx.As(Demo.Sector)).PostAsync("/api/v1/practices", Http.JsonBody(new { title = "x" }))).ShouldBeProblem(403);
        var invalid = await (await (await fx.As(Demo.RhoOfficer)).PostAsync("/api/v1/practices", Http.JsonBody(new { title = "x", theme = "digitale", actionIds = new[] { 999999999L } }))).ShouldBeProblem(422);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("actionIds", out _));
        var officer = await fx.App.SignedIn(Demo.RhoOfficer);
        var token = await officer.AntiforgeryTokenAsync("/buone-pratiche/nuova");
        var again = await officer.PostAsync("/buone-pratiche/nuova", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Title", "Solo il titolo")]));
        Assert.Contains("Descrivi il problema.", await again.Content.ReadAsStringAsync());
    }
}
