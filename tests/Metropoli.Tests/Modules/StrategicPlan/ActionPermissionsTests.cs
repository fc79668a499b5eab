using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.StrategicPlan.PlanBuilders;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Who may change an action: the plan office everything; the owner sector's officer only the
/// monitoring fields (status, progress, dates, narrative); nobody else. Stale versions never overwrite.</summary>
public sealed class ActionPermissionsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static object Progress(string status, int progress, string? narrative = null) =>
        new { status, progress, startDate = "2031-01-01", endDate = "2032-06-30", narrative };

    [Fact]
    public async Task Sector_officer_updates_the_progress_of_an_action_of_their_sector()
    {
        var tree = await CreateTreeAsync(await fx.As(Demo.PlanOffice), sector: "ambiente", adopt: true);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var sector = await fx.As(Demo.Sector);
        var response = await sector.PutJson(url + "/progress", Progress("at-risk", 35, "Ritardo nelle forniture."), await ETagAsync(sector, url));
        await response.ShouldBe(HttpStatusCode.NoContent);
        Assert.NotNull(response.Headers.ETag);
        var action = await fx.App.Anonymous().GetAsync(url);
        var body = await action.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(response.Headers.ETag!.ToString(), action.Headers.ETag!.ToString());
        Assert.Equal("at-risk", body.GetProperty("status").GetString());
        Assert.Equal(35, body.GetProperty("progress").GetInt32());
        Assert.Equal("2032-06-30", body.GetProperty("endDate").GetString());
        Assert.Equal("Ritardo nelle forniture.", body.GetProperty("narrative").GetString());

        var audited = await fx.App.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(PlanAction)
            && e.EntityId == tree.ActionId.ToString() && e.Action == "update" && e.UserName == Demo.Sector));
        Assert.True(audited, "The sector officer's update is not in the audit trail.");
    }

    [Fact]
    public async Task A_progress_update_is_seen_at_once_on_the_action_page_and_lists_read_before_it()
    {
        // The action page (for everyone outside the plan office), the action list and its API are cached.
        var tree = await CreateTreeAsync(await fx.As(Demo.PlanOffice), sector: "ambiente", adopt: true);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var anonymous = fx.App.Anonymous();
        var sector = await fx.As(Demo.Sector);
        var page = $"/piano/azioni/{tree.ActionId}";
        var list = $"/api/v1/plan-actions?plan={tree.PlanId}&status=at-risk";
        var narrative = $"Ritardo {Guid.NewGuid():N}";
        Assert.DoesNotContain(narrative, await anonymous.Html(page));
        Assert.DoesNotContain(narrative, await sector.Html(page));
        Assert.Equal(0, (await anonymous.GetJson(list)).GetProperty("total").GetInt32());
        Assert.DoesNotContain("A1.1.1", await anonymous.Html($"/piano/{tree.PlanId}/azioni?status=at-risk"));

        await (await sector.PutJson(url + "/progress", Progress("at-risk", 35, narrative), await ETagAsync(sector, url))).ShouldBe(HttpStatusCode.NoContent);

        Assert.Contains(narrative, await anonymous.Html(page));
        Assert.Equal(1, (await anonymous.GetJson(list)).GetProperty("total").GetInt32());
        Assert.Contains("A1.1.1", await anonymous.Html($"/piano/{tree.PlanId}/azioni?status=at-risk"));
        // The shared page still gives the owner sector its own rights (the history) and the public none.
        var sectorPage = await sector.Html(page);
        Assert.Contains(narrative, sectorPage);
        Assert.Contains("Cronologia delle modifiche", sectorPage);
        Assert.DoesNotContain("Cronologia delle modifiche", await anonymous.Html(page));
    }

    [Fact]
    public async Task An_action_of_a_draft_plan_read_by_the_plan_office_stays_hidden_from_everyone_else()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office, sector: "ambiente", adopt: false);
        var page = $"/piano/azioni/{tree.ActionId}";
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.App.Anonymous().GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await fx.As(Demo.Sector)).GetAsync(page)).StatusCode);
        Assert.Equal(0, (await fx.App.Anonymous().GetJson($"/api/v1/plan-actions?plan={tree.PlanId}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await office.GetJson($"/api/v1/plan-actions?plan={tree.PlanId}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sector_officer_may_put_the_whole_action_back_with_only_monitoring_changes()
    {
        var tree = await CreateTreeAsync(await fx.As(Demo.PlanOffice), sector: "ambiente", adopt: true);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var sector = await fx.As(Demo.Sector);
        var current = await sector.GetJson(url);
        var body = AsRequest(current, status: "late", progress: 40);
        await (await sector.PutJson(url, body, await ETagAsync(sector, url))).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("late", (await sector.GetJson(url)).GetProperty("status").GetString());

        var retitled = AsRequest(await sector.GetJson(url), status: "late", progress: 40, title: "Titolo cambiato dal settore");
        var problem = await (await sector.PutJson(url, retitled, await ETagAsync(sector, url))).ShouldBeProblem(403);
        Assert.Contains("settore", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Azione di prova", (await sector.GetJson(url)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Sector_officer_gets_403_on_an_action_of_another_sector()
    {
        var tree = await CreateTreeAsync(await fx.As(Demo.PlanOffice), sector: "mobilita", adopt: true);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var sector = await fx.As(Demo.Sector);
        var etag = await ETagAsync(sector, url);
        await (await sector.PutJson(url + "/progress", Progress("completed", 100), etag)).ShouldBeProblem(403);
        await (await sector.PutJson(url, AsRequest(await sector.GetJson(url), status: "completed", progress: 100), etag)).ShouldBeProblem(403);
        Assert.Equal(etag, await ETagAsync(sector, url));

        // The demo's own data: the demo officer's sector is "ambiente", D5.1.1 belongs to "mobilita".
        var mobility = await fx.App.WithDb(db => db.Set<PlanAction>().Where(a => a.Code == "D5.1.1" && db.Set<Plan>().Any(p => p.Id == a.PlanId && p.Name == PlanDemo.CurrentName)).Select(a => a.Id).SingleAsync());
        var demoUrl = $"/api/v1/plan-actions/{mobility}";
        await (await sector.PutJson(demoUrl + "/progress", Progress("late", 30), await ETagAsync(sector, demoUrl))).ShouldBeProblem(403);
    }

    [Theory]
    [InlineData(Demo.Forum)]
    [InlineData(Demo.RhoOfficer)]
    [InlineData(Demo.ZoneCoordinator)]
    public async Task Other_roles_cannot_change_actions(string email)
    {
        var tree = await CreateTreeAsync(await fx.As(Demo.PlanOffice));
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var client = await fx.As(email);
        // The plan is a draft: to them it does not exist.
        await (await client.PutJson(url + "/progress", Progress("late", 30), "\"1\"")).ShouldBeProblem(404);
        await (await Transition(await fx.As(Demo.PlanOffice), tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        await (await client.PutJson(url + "/progress", Progress("late", 30), await ETagAsync(client, url))).ShouldBeProblem(403);
        await (await client.PostAsync("/api/v1/plan-actions", Http.JsonBody(ActionBody(tree.ObjectiveId, "X9")))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task A_stale_if_match_is_409_and_a_missing_one_428()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var stale = await ETagAsync(office, url);
        await (await office.PutJson(url + "/progress", Progress("on-track", 20), stale)).ShouldBe(HttpStatusCode.NoContent);
        var conflict = await (await office.PutJson(url + "/progress", Progress("late", 25), stale)).ShouldBeProblem(409);
        Assert.Equal((await office.GetJson(url)).GetProperty("version").GetInt32(), conflict.GetProperty("currentVersion").GetInt32());
        await (await office.PutJson(url, ActionBody(tree.ObjectiveId, "A1.1.1"), stale)).ShouldBeProblem(409);
        await (await office.PutJson(url, ActionBody(tree.ObjectiveId, "A1.1.1"), null)).ShouldBeProblem(428);
        await (await office.PutJson(url + "/progress", Progress("late", 25), null)).ShouldBeProblem(428);
        Assert.Equal(20, (await office.GetJson(url)).GetProperty("progress").GetInt32());
    }

    [Fact]
    public async Task Invalid_values_are_422_with_every_field()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var problem = await (await office.PutJson(url + "/progress", new { status = "completed", progress = 50, startDate = "2032-01-01", endDate = "2031-01-01" },
            await ETagAsync(office, url))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("progress", out _) && errors.TryGetProperty("endDate", out _));

        var bad = await (await office.PostAsync("/api/v1/plan-actions", Http.JsonBody(new
        {
            objectiveId = tree.ObjectiveId, code = "A1.1.1", title = "", ownerSector = "Settore Ambiente!", budget = -1m,
            dupMission = "10", dupProgramme = "09.02", municipalities = new[] { "999999" }, zones = new[] { "atlantide" }, tags = new[] { "pnrr-m9" },
        }))).ShouldBeProblem(422);
        var fields = bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(fields.Order().SequenceEqual(["budget", "code", "dupProgramme", "municipalities", "ownerSector", "tags", "title", "zones"]), string.Join(", ", fields.Order()));
    }

    [Fact]
    public async Task The_plan_office_edits_everything_and_the_links_follow()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var url = $"/api/v1/plan-actions/{tree.ActionId}";
        var changed = new
        {
            objectiveId = tree.ObjectiveId, code = "A1.1.1", title = "Titolo nuovo", ownerSector = "mobilita", status = "on-track", progress = 50,
            budget = 99.99m, dupMission = "10", dupProgramme = "10.05", municipalities = new[] { Demo.Milano }, zones = Array.Empty<string>(),
            tags = new[] { "connettivita", "pnrr-m3" },
        };
        await (await office.PutJson(url, changed, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        var action = await office.GetJson(url);
        Assert.Equal("mobilita", action.GetProperty("ownerSector").GetString());
        Assert.Equal(99.99m, action.GetProperty("budget").GetDecimal());
        Assert.Equal("10.05", action.GetProperty("dupProgramme").GetProperty("code").GetString());
        Assert.Equal([Demo.Milano], action.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        Assert.Empty(action.GetProperty("zones").EnumerateArray());
        Assert.Equal(["connettivita", "pnrr-m3"], action.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task An_action_is_carried_over_to_a_later_plan_keeping_its_history()
    {
        var office = await fx.As(Demo.PlanOffice);
        var earlier = await CreateTreeAsync(office, startYear: 2031);
        var later = await CreateTreeAsync(office, startYear: 2034);
        var url = $"/api/v1/plan-actions/{earlier.ActionId}/carry-over";
        var created = await (await office.PostAsync(url, Http.JsonBody(new { targetObjectiveId = later.ObjectiveId, code = "A1.1.9" }))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(later.PlanId, created.GetProperty("planId").GetInt64());
        Assert.Equal(earlier.ActionId, created.GetProperty("previousAction").GetProperty("id").GetInt64());
        Assert.Equal("Azione di prova", created.GetProperty("title").GetString());
        var source = await office.GetJson($"/api/v1/plan-actions/{earlier.ActionId}");
        Assert.Equal(created.GetProperty("id").GetInt64(), source.GetProperty("carriedOverTo")[0].GetProperty("id").GetInt64());

        await (await office.PostAsync(url, Http.JsonBody(new { targetObjectiveId = later.ObjectiveId, code = "A1.1.8" }))).ShouldBeProblem(409);
        await (await office.PostAsync($"/api/v1/plan-actions/{later.ActionId}/carry-over", Http.JsonBody(new { targetObjectiveId = earlier.ObjectiveId }))).ShouldBeProblem(409);
    }

    private static Dictionary<string, object?> AsRequest(JsonElement a, string status, int progress, string? title = null) => new()
    {
        ["objectiveId"] = a.GetProperty("objectiveId").GetInt64(),
        ["code"] = a.GetProperty("code").GetString(),
        ["title"] = title ?? a.GetProperty("title").GetString(),
        ["description"] = a.GetProperty("description").ValueKind == JsonValueKind.Null ? null : a.GetProperty("description").GetString(),
        ["sortOrder"] = a.GetProperty("sortOrder").GetInt32(),
        ["ownerSector"] = a.GetProperty("ownerSector").GetString(),
        ["leadOrganisationId"] = a.GetProperty("leadOrganisation").ValueKind == JsonValueKind.Null ? null : a.GetProperty("leadOrganisation").GetProperty("id").GetInt64(),
        ["partnerOrganisationIds"] = a.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList(),
        ["startDate"] = a.GetProperty("startDate").GetString(),
        ["endDate"] = a.GetProperty("endDate").GetString(),
        ["budget"] = a.GetProperty("budget").GetDecimal(),
        ["status"] = status,
        ["progress"] = progress,
        ["dupProgramme"] = a.GetProperty("dupProgramme").GetProperty("code").GetString(),
        ["municipalities"] = a.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList(),
        ["zones"] = a.GetProperty("zones").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList(),
        ["tags"] = a.GetProperty("tags").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList(),
    };
}
