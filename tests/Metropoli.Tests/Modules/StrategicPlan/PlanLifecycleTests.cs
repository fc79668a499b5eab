using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.StrategicPlan.PlanBuilders;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>A plan through its life over the API: created as a draft, adopted and approved with their
/// acts, archived; illegal steps refused with a reason; every step in the audit trail.</summary>
public sealed class PlanLifecycleTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_plan_moves_draft_adopted_approved_archived_and_each_step_is_audited()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var url = $"/api/v1/plans/{tree.PlanId}";
        await (await fx.App.Anonymous().GetAsync(url)).ShouldBeProblem(404);

        await (await Transition(office, tree.PlanId, "adopted", date: "2025-02-01")).ShouldBe(HttpStatusCode.NoContent);
        var adopted = await fx.App.Anonymous().GetJson(url);
        Assert.Equal("adopted", adopted.GetProperty("status").GetString());
        Assert.Equal("2025-02-01", adopted.GetProperty("adoptionAct").GetProperty("date").GetString());
        Assert.Equal("approved", adopted.GetProperty("nextStatus").GetString());

        await (await Transition(office, tree.PlanId, "approved", body: "Conferenza metropolitana", number: "2/2025", date: "2025-03-01")).ShouldBe(HttpStatusCode.NoContent);
        await (await Transition(office, tree.PlanId, "archived", null, null, null)).ShouldBe(HttpStatusCode.NoContent);
        var archived = await fx.App.Anonymous().GetJson(url);
        Assert.Equal("archived", archived.GetProperty("status").GetString());
        Assert.Equal("Conferenza metropolitana", archived.GetProperty("approvalAct").GetProperty("body").GetString());

        var steps = await fx.App.WithDb(db => db.Set<AuditEntry>().Where(e => e.EntityType == "Plan" && e.EntityId == tree.PlanId.ToString() && e.Action == "update")
            .OrderBy(e => e.Sequence).Select(e => e.After!).ToListAsync());
        Assert.Equal(3, steps.Count);
        Assert.Contains("\"adopted\"", steps[0], StringComparison.Ordinal);
        Assert.Contains("\"approved\"", steps[1], StringComparison.Ordinal);
        Assert.Contains("\"archived\"", steps[2], StringComparison.Ordinal);

        // Archived: no more steps, no more edits, anywhere in the tree.
        var refused = await (await Transition(office, tree.PlanId, "approved")).ShouldBeProblem(409);
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("detail").GetString()));
        await (await office.PutJson(url, new { name = "Nuovo nome", startYear = 2031, endYear = 2033 }, await ETagAsync(office, url))).ShouldBeProblem(409);
        await (await office.PostAsync($"{url}/areas", Http.JsonBody(new { code = "A9", title = "Tardiva", kind = "area" }))).ShouldBeProblem(409);
        var actionUrl = $"/api/v1/plan-actions/{tree.ActionId}";
        await (await office.PutJson(actionUrl + "/progress", new { status = "late", progress = 20 }, await ETagAsync(office, actionUrl))).ShouldBeProblem(409);
    }

    [Fact]
    public async Task Skipping_a_step_is_409_with_the_reason_and_a_missing_act_is_422()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var skip = await (await Transition(office, tree.PlanId, "approved")).ShouldBeProblem(409);
        Assert.Contains("adottato", skip.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await (await Transition(office, tree.PlanId, "archived")).ShouldBeProblem(409);
        await (await Transition(office, tree.PlanId, "draft")).ShouldBeProblem(409);
        var missing = await (await Transition(office, tree.PlanId, "adopted", body: null, number: null, date: null)).ShouldBeProblem(422);
        var errors = missing.GetProperty("errors");
        Assert.True(errors.TryGetProperty("actBody", out _) && errors.TryGetProperty("actNumber", out _) && errors.TryGetProperty("actDate", out _));
        await (await Transition(office, tree.PlanId, "adopted", date: "2999-01-01")).ShouldBeProblem(422);
        var plan = await office.GetJson($"/api/v1/plans/{tree.PlanId}");
        Assert.Equal("draft", plan.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_empty_plan_cannot_be_adopted()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await CreatePlanAsync(office);
        var problem = await (await Transition(office, plan, "adopted")).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Transitions_need_the_current_etag_and_the_plan_office()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var url = $"/api/v1/plans/{tree.PlanId}";
        var stale = await ETagAsync(office, url);
        await (await office.PutJson(url, new { name = $"Rinominato {Guid.NewGuid():N}", startYear = 2031, endYear = 2033 }, stale)).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PostJson($"{url}/transitions", new { status = "adopted", actBody = "Consiglio", actNumber = "1", actDate = "2025-01-01" }, stale)).ShouldBeProblem(409);
        await (await office.PostJson($"{url}/transitions", new { status = "adopted", actBody = "Consiglio", actNumber = "1", actDate = "2025-01-01" }, null)).ShouldBeProblem(428);
        var sector = await fx.As(Demo.Sector);
        await (await sector.PostJson($"{url}/transitions", new { status = "adopted" }, await ETagAsync(office, url))).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PostJson($"{url}/transitions", new { status = "adopted" }, "\"1\"")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Plan_names_are_unique_and_periods_are_checked()
    {
        var office = await fx.As(Demo.PlanOffice);
        var name = $"Piano unico {Guid.NewGuid():N}";
        await (await office.PostAsync("/api/v1/plans", Http.JsonBody(new { name, startYear = 2030, endYear = 2032 }))).ShouldBe(HttpStatusCode.Created);
        var problem = await (await office.PostAsync("/api/v1/plans", Http.JsonBody(new { name, startYear = 2030, endYear = 2029 }))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("endYear", out _));
    }

    [Fact]
    public async Task Structure_nodes_are_deleted_only_when_empty_and_only_in_a_draft()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var areaUrl = $"/api/v1/plan-areas/{tree.AreaId}";
        var objectiveUrl = $"/api/v1/plan-objectives/{tree.ObjectiveId}";
        var actionUrl = $"/api/v1/plan-actions/{tree.ActionId}";
        await (await office.SendAsync(Delete(areaUrl, await ETagAsync(office, areaUrl)))).ShouldBeProblem(409);
        await (await office.SendAsync(Delete(objectiveUrl, await ETagAsync(office, objectiveUrl)))).ShouldBeProblem(409);
        await (await office.SendAsync(Delete(actionUrl, await ETagAsync(office, actionUrl)))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.SendAsync(Delete(objectiveUrl, await ETagAsync(office, objectiveUrl)))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.SendAsync(Delete(areaUrl, await ETagAsync(office, areaUrl)))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.GetAsync(areaUrl)).ShouldBeProblem(404);

        var adopted = await CreateTreeAsync(office);
        await (await Transition(office, adopted.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        var url = $"/api/v1/plan-actions/{adopted.ActionId}";
        await (await office.SendAsync(Delete(url, await ETagAsync(office, url)))).ShouldBeProblem(409);
    }

    private static HttpRequestMessage Delete(string url, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
