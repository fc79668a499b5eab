using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Territory.Model;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>Who sees which agreement: the public register never shows drafts or restricted agreements;
/// a municipality officer sees non-public agreements only where their Comune is a party, and updates only
/// their own Comune's obligations (403 for another's, 404 where the agreement is not visible).</summary>
public sealed class AgreementAccessTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_public_register_shows_no_draft_and_no_restricted_agreement()
    {
        var office = await fx.As(Demo.PlanOffice);
        var draft = await CreateAsync(office);
        var (inForce, _, _) = await InForceAsync(fx.App, office, Demo.Milano);
        var (restricted, _, _) = await InForceAsync(fx.App, office, Demo.Milano, visibility: "restricted");

        var anonymous = fx.App.Anonymous();
        var all = await anonymous.GetJson("/api/v1/agreements?limit=200");
        var ids = all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(inForce, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(restricted, ids);
        Assert.All(all.GetProperty("items").EnumerateArray(), a => Assert.Contains(a.GetProperty("status").GetString(), new[] { "in-force", "concluded", "expired" }));
        await (await anonymous.GetAsync($"/api/v1/agreements/{draft}")).ShouldBeProblem(404);
        await (await anonymous.GetAsync($"/api/v1/agreements/{restricted}")).ShouldBeProblem(404);
        var filtered = await anonymous.GetJson("/api/v1/agreements?status=proposal");
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());

        var page = await anonymous.Html("/intese");
        Assert.DoesNotContain("Protocollo d'intesa per la qualità dell'aria nel Nord Ovest", page, StringComparison.Ordinal); // the demo proposal
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/intese/{draft}")).StatusCode);
        await anonymous.Html($"/intese/{inForce}");
    }

    [Fact]
    public async Task A_municipality_officer_sees_non_public_agreements_only_where_their_comune_is_a_party()
    {
        var office = await fx.As(Demo.PlanOffice);
        var rho = await fx.As(Demo.RhoOfficer);
        var withRho = await CreateAsync(office);
        await AddPartyAsync(office, withRho, await OrganisationOfComuneAsync(fx.App, Demo.Rho));
        var withoutRho = await CreateAsync(office);
        await AddPartyAsync(office, withoutRho, await OrganisationOfComuneAsync(fx.App, Demo.Milano));

        await (await rho.GetAsync($"/api/v1/agreements/{withRho}")).ShouldBe(HttpStatusCode.OK);
        await (await rho.GetAsync($"/api/v1/agreements/{withoutRho}")).ShouldBeProblem(404);
        var list = await rho.GetJson("/api/v1/agreements?limit=200&status=proposal");
        var ids = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(withRho, ids);
        Assert.DoesNotContain(withoutRho, ids);
        // Seeing is not editing.
        await (await TransitionAsync(rho, withRho, "under-review")).ShouldBeProblem(403);
    }

    [Fact]
    public async Task A_municipality_officer_updates_only_their_own_comunes_obligations()
    {
        var office = await fx.As(Demo.PlanOffice);
        var rho = await fx.As(Demo.RhoOfficer);
        var (id, rhoParty, cityParty) = await InForceAsync(fx.App, office, Demo.Rho, visibility: "restricted");
        var own = await AddObligationAsync(office, id, rhoParty, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), "Delibera di giunta");
        var city = await AddObligationAsync(office, id, cityParty, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), "Trasferimento fondi");

        var ownUrl = $"/api/v1/agreement-obligations/{own}";
        await (await rho.PutJson($"{ownUrl}/status", new { status = "done", completedOn = "2025-05-01", evidenceNote = "Delibera n. 12" }, await ETagAsync(rho, ownUrl)))
            .ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("done", (await office.GetJson(ownUrl)).GetProperty("status").GetString());
        var cityUrl = $"/api/v1/agreement-obligations/{city}";
        await (await rho.PutJson($"{cityUrl}/status", new { status = "done", completedOn = "2025-05-01" }, await ETagAsync(rho, cityUrl))).ShouldBeProblem(403);
        // Not the obligation's definition, even for their own.
        await (await rho.PutJson(ownUrl, new { partyId = rhoParty, title = "Altro", dueDate = "2030-01-01" }, await ETagAsync(rho, ownUrl))).ShouldBeProblem(403);

        // Another Comune's officer does not even see the restricted agreement.
        var other = await fx.App.CreateUserAsync(global::Metropoli.Platform.Auth.Roles.MunicipalityOfficer, municipality: Demo.Milano);
        var milano = fx.App.WithToken(await fx.App.TokenFor(other.Email!));
        await (await milano.PutJson($"{ownUrl}/status", new { status = "open" }, "\"1\"")).ShouldBeProblem(404);
        await (await milano.GetAsync(ownUrl)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task The_comune_and_zone_pages_list_their_agreements_and_the_action_page_its_own()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await StrategicPlan.PlanBuilders.CreateTreeAsync(office, adopt: true);
        var (id, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var url = $"/api/v1/agreements/{id}";
        var current = await office.GetJson(url);
        await (await office.PutJson(url, new
        {
            title = current.GetProperty("title").GetString(), type = "protocol", visibility = "public",
            objectiveIds = new[] { tree.ObjectiveId }, actionIds = new[] { tree.ActionId },
        }, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        var title = current.GetProperty("title").GetString()!;

        var anonymous = fx.App.Anonymous();
        Assert.Contains(title, await anonymous.Html($"/comuni/{Demo.Rho}"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.Html("/zone/nord-ovest"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.Html($"/piano/azioni/{tree.ActionId}"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.Html($"/piano/obiettivi/{tree.ObjectiveId}"), StringComparison.Ordinal);
        var byObjective = await anonymous.GetJson($"/api/v1/agreements?objective={tree.ObjectiveId}");
        Assert.Equal(id, byObjective.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.DoesNotContain(title, await anonymous.Html($"/comuni/{Demo.Milano}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comune_page_lists_for_each_viewer_the_agreements_they_may_see_and_shows_a_change_at_once()
    {
        var office = await fx.As(Demo.PlanOffice);
        var rho = await fx.As(Demo.RhoOfficer);
        var (id, _, _) = await InForceAsync(fx.App, office, Demo.Rho, visibility: "restricted");
        var url = $"/api/v1/agreements/{id}";
        // First by title, so that it is among the page's first 50 whatever else the other tests created.
        var title = "Aaa intesa riservata " + Guid.NewGuid().ToString("N")[..8];
        await (await office.PutJson(url, new { title, type = "protocol", visibility = "restricted" }, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);

        // The page's list is cached per class of viewer: each one sees only what they may, in any order of visits.
        var page = $"/comuni/{Demo.Rho}";
        var anonymous = fx.App.Anonymous();
        Assert.DoesNotContain(title, await anonymous.Html(page), StringComparison.Ordinal);
        Assert.Contains(title, await rho.Html(page), StringComparison.Ordinal);
        Assert.Contains(title, await office.Html(page), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await anonymous.Html(page), StringComparison.Ordinal);
        var milanoOfficer = await fx.App.CreateUserAsync(global::Metropoli.Platform.Auth.Roles.MunicipalityOfficer, municipality: Demo.Milano);
        Assert.DoesNotContain(title, await fx.App.WithToken(await fx.App.TokenFor(milanoOfficer.Email!)).Html(page), StringComparison.Ordinal);

        // Made public: the next anonymous view lists it, with no wait for the cache.
        await (await office.PutJson(url, new { title, type = "protocol", visibility = "public" }, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        Assert.Contains(title, await anonymous.Html(page), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.Html("/zone/nord-ovest"), StringComparison.Ordinal);
    }
}
