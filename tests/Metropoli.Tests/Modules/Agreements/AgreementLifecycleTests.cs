using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>An agreement through its life over the API: registered with its parties, walked from proposal
/// to concluded, illegal steps refused with the reason (409) and missing conditions reported (422), every
/// step audited with who and why; ETag/If-Match on every change.</summary>
// On PostgreSQL too: Agreements smoke: the register, parties and transitions, links replaced with ExecuteDelete in a transaction.
[Trait("Database", "Both")]
public sealed class AgreementLifecycleTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_agreement_walks_from_proposal_to_concluded_and_every_step_records_who_and_why()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await CreateAsync(office);
        var url = $"/api/v1/agreements/{id}";
        var created = await office.GetJson(url);
        Assert.Equal("proposal", created.GetProperty("status").GetString());
        Assert.Equal(["under-review", "withdrawn"], created.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()!).ToArray());

        await AddPartyAsync(office, id, await OrganisationOfTypeAsync(fx.App, OrganisationTypes.Region), "promoter");
        await AddPartyAsync(office, id, await OrganisationOfComuneAsync(fx.App, Demo.Milano));
        await (await TransitionAsync(office, id, "under-review", "Istruttoria avviata dal settore")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "approved", "Approvata dal Consiglio", "Consiglio metropolitano", "7/2025", "2025-03-01")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "signed", "Firmata dalle parti", date: "2025-03-15")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "in-force", "Decorrenza", date: "2025-04-01")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "concluded", "Obiettivi raggiunti")).ShouldBe(HttpStatusCode.NoContent);

        var done = await fx.App.Anonymous().GetJson(url);
        Assert.Equal("concluded", done.GetProperty("status").GetString());
        Assert.Equal("7/2025", done.GetProperty("approvalAct").GetProperty("number").GetString());
        Assert.Equal("2025-03-15", done.GetProperty("signatureDate").GetString());
        var history = done.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["proposal", "under-review", "approved", "signed", "in-force", "concluded"], history.Select(h => h.GetProperty("toStatus").GetString()!).ToArray());
        Assert.All(history, h => Assert.Equal(Demo.PlanOffice, h.GetProperty("changedBy").GetString()));
        Assert.Equal("Firmata dalle parti", history[3].GetProperty("reason").GetString());

        // The audit trail has each step as an update of the agreement, by the plan office.
        var audited = await fx.App.WithDb(db => db.Set<AuditEntry>().Where(e => e.EntityType == "Agreement" && e.EntityId == id.ToString() && e.Action == "update")
            .OrderBy(e => e.Sequence).Select(e => new { e.After, e.UserName }).ToListAsync());
        Assert.Equal(5, audited.Count);
        Assert.Contains("\"concluded\"", audited[^1].After, StringComparison.Ordinal);
        Assert.All(audited, a => Assert.Equal(Demo.PlanOffice, a.UserName));
        var reasons = await fx.App.WithDb(db => db.Set<AuditEntry>().CountAsync(e => e.EntityType == nameof(AgreementStatusChange) && e.Action == "create" && e.After!.Contains("Obiettivi raggiunti")));
        Assert.Equal(1, reasons);

        // Ended: no more steps, no more edits.
        var refused = await (await TransitionAsync(office, id, "in-force")).ShouldBeProblem(409);
        Assert.Contains("rinnovo", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await (await office.PutJson(url, new { title = "Nuovo titolo", type = "protocol" }, await ETagAsync(office, url))).ShouldBeProblem(409);
    }

    [Fact]
    public async Task Illegal_steps_are_409_with_the_reason_and_missing_conditions_are_422()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await CreateAsync(office);
        var skip = await (await TransitionAsync(office, id, "signed")).ShouldBeProblem(409);
        Assert.Contains("in istruttoria", skip.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await (await TransitionAsync(office, id, "in-force")).ShouldBeProblem(409);
        await (await TransitionAsync(office, id, "proposal")).ShouldBeProblem(409);
        var unknown = await (await TransitionAsync(office, id, "archived")).ShouldBeProblem(422);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("status", out _));
        var noReason = await (await TransitionAsync(office, id, "under-review", reason: null)).ShouldBeProblem(422);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));

        await (await TransitionAsync(office, id, "under-review")).ShouldBe(HttpStatusCode.NoContent);
        var noAct = await (await TransitionAsync(office, id, "approved")).ShouldBeProblem(422);
        var errors = noAct.GetProperty("errors");
        Assert.True(errors.TryGetProperty("actBody", out _) && errors.TryGetProperty("actNumber", out _) && errors.TryGetProperty("actDate", out _));
        await (await TransitionAsync(office, id, "approved", actBody: "Consiglio", actNumber: "1", actDate: "2999-01-01")).ShouldBeProblem(422);
        await (await TransitionAsync(office, id, "approved", actBody: "Consiglio", actNumber: "1", actDate: "2025-01-01")).ShouldBe(HttpStatusCode.NoContent);

        // No signature with fewer than two parties.
        await AddPartyAsync(office, id, await OrganisationOfComuneAsync(fx.App, Demo.Rho));
        var oneParty = await (await TransitionAsync(office, id, "signed", date: "2025-02-01")).ShouldBeProblem(422);
        Assert.Contains("due parti", oneParty.GetProperty("errors").GetProperty("parties")[0].GetString(), StringComparison.Ordinal);
        await AddPartyAsync(office, id, await OrganisationOfTypeAsync(fx.App, OrganisationTypes.MetropolitanCity));
        await (await TransitionAsync(office, id, "signed", date: "2024-12-01")).ShouldBeProblem(422); // before the approval act
        await (await TransitionAsync(office, id, "signed", date: "2025-02-01")).ShouldBe(HttpStatusCode.NoContent);

        // Not in force before the effective date; not expired before the expiry date.
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");
        var early = await (await TransitionAsync(office, id, "in-force", date: future)).ShouldBeProblem(422);
        Assert.Contains("decorrenza", early.GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        await (await TransitionAsync(office, id, "in-force", date: "2025-03-01")).ShouldBe(HttpStatusCode.NoContent);
        var notExpired = await (await TransitionAsync(office, id, "expired")).ShouldBeProblem(422);
        Assert.True(notExpired.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal("in-force", (await office.GetJson($"/api/v1/agreements/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Changes_need_the_current_etag_and_the_right_role()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await CreateAsync(office);
        var url = $"/api/v1/agreements/{id}";
        var stale = await ETagAsync(office, url);
        await (await office.PutJson(url, new { title = $"Rinominata {Guid.NewGuid():N}", type = "pact", visibility = "public" }, stale)).ShouldBe(HttpStatusCode.NoContent);
        var conflict = await (await office.PutJson(url, new { title = "Altro", type = "pact" }, stale)).ShouldBeProblem(409);
        Assert.True(conflict.TryGetProperty("currentVersion", out _));
        await (await office.PutJson(url, new { title = "Altro", type = "pact" }, null)).ShouldBeProblem(428);
        await (await office.PostJson($"{url}/transitions", new { status = "under-review", reason = "x" }, stale)).ShouldBeProblem(409);
        await (await office.PostJson($"{url}/transitions", new { status = "under-review", reason = "x" }, null)).ShouldBeProblem(428);

        var forum = await fx.As(Demo.Forum);
        await (await forum.PostAsync("/api/v1/agreements", Http.JsonBody(new { title = "Non mia", type = "pact" }))).ShouldBeProblem(403);
        await (await forum.PostJson($"{url}/transitions", new { status = "under-review", reason = "x" }, await ETagAsync(office, url))).ShouldBeProblem(404);
        await (await fx.App.Anonymous().PostJson($"{url}/transitions", new { status = "under-review" }, "\"1\"")).ShouldBeProblem(401);

        // A sector officer edits the agreements of their own sector only.
        var sector = await fx.As(Demo.Sector);
        var own = await CreateAsync(sector, sector: "ambiente");
        await (await TransitionAsync(sector, own, "under-review")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(sector, id, "under-review")).ShouldBeProblem(403);
        var other = await (await sector.PostAsync("/api/v1/agreements", Http.JsonBody(new { title = "Di un altro settore", type = "pact", ownerSector = "mobilita" }))).ShouldBeProblem(422);
        Assert.True(other.GetProperty("errors").TryGetProperty("ownerSector", out _));
    }

    [Fact]
    public async Task Invalid_data_is_422_per_field()
    {
        var office = await fx.As(Demo.PlanOffice);
        var problem = await (await office.PostAsync("/api/v1/agreements", Http.JsonBody(new
        {
            title = "", type = "treaty", themes = new[] { "nessuno" }, municipalities = new[] { "999999" }, zones = new[] { "atlantide" },
            effectiveDate = "2025-05-01", expiryDate = "2025-01-01", objectiveIds = new[] { 987654321L },
        }))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "type", "themes", "municipalities", "zones", "expiryDate", "objectiveIds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Parties_come_from_the_registry_and_after_signature_only_adherents_join()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, comune, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var milano = await OrganisationOfComuneAsync(fx.App, Demo.Milano);
        var late = await (await office.PostAsync($"/api/v1/agreements/{id}/parties", Http.JsonBody(new { organisationId = milano, role = "signatory" }))).ShouldBeProblem(422);
        Assert.True(late.GetProperty("errors").TryGetProperty("role", out _));
        await AddPartyAsync(office, id, milano, "adherent");
        var twice = await (await office.PostAsync($"/api/v1/agreements/{id}/parties", Http.JsonBody(new { organisationId = milano, role = "adherent" }))).ShouldBeProblem(422);
        Assert.True(twice.GetProperty("errors").TryGetProperty("organisationId", out _));
        await (await office.PostAsync($"/api/v1/agreements/{id}/parties", Http.JsonBody(new { organisationId = 987654321L, role = "adherent" }))).ShouldBeProblem(422);
        var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/agreements/{id}/parties/{comune}");
        remove.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await office.SendAsync(remove)).ShouldBeProblem(409);

        // The party's organisation lists the agreement in the register filter.
        var listed = await office.GetJson($"/api/v1/agreements?party={milano}&limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task A_renewal_is_a_new_proposal_linked_to_its_predecessor_and_an_addendum_moves_the_expiry()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var url = $"/api/v1/agreements/{id}";
        var amendment = await office.PostJson($"{url}/amendments", new { title = "Proroga", signedOn = "2025-06-01", newExpiryDate = "2030-12-31" }, await ETagAsync(office, url));
        var amended = await amendment.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("2030-12-31", amended.GetProperty("expiryDate").GetString());
        Assert.Equal(1, amended.GetProperty("amendments")[0].GetProperty("number").GetInt32());

        var renewal = await (await office.PostAsync($"{url}/renewal", null)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("proposal", renewal.GetProperty("status").GetString());
        Assert.Equal(id, renewal.GetProperty("predecessor").GetProperty("id").GetInt64());
        Assert.Equal(2, renewal.GetProperty("parties").GetArrayLength());
        await (await office.PostAsync($"{url}/renewal", null)).ShouldBeProblem(409);
        var old = await office.GetJson(url);
        Assert.Equal(renewal.GetProperty("id").GetInt64(), old.GetProperty("successors")[0].GetProperty("id").GetInt64());
    }
}
