using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>Agreements built through the API with safe defaults: each call makes a new one with a unique
/// title, so tests sharing a database never step on each other's rows.</summary>
public static class AgreementBuilders
{
    public static async Task<long> OrganisationOfComuneAsync(MetropoliApp app, string istat) =>
        await app.WithDb(db => db.Set<Organisation>().Where(o => o.MunicipalityIstat == istat).Select(o => o.Id).SingleAsync());

    public static async Task<long> OrganisationOfTypeAsync(MetropoliApp app, string type) =>
        await app.WithDb(db => db.Set<Organisation>().Where(o => o.Type == type).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    public static async Task<long> CreateAsync(HttpClient client, string visibility = "public", string? sector = null, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = $"Intesa di prova {Guid.NewGuid():N}", ["type"] = "protocol", ["subject"] = "Creata da un test.",
            ["visibility"] = visibility, ["ownerSector"] = sector, ["themes"] = new[] { "qualita-aria" }, ["zones"] = new[] { "nord-ovest" },
        };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, Http.Json).EnumerateObject()) body[p.Name] = p.Value;
        }
        var response = await client.PostAsync("/api/v1/agreements", Http.JsonBody(body));
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static async Task<long> AddPartyAsync(HttpClient client, long agreementId, long organisationId, string role = "signatory")
    {
        var response = await client.PostAsync($"/api/v1/agreements/{agreementId}/parties", Http.JsonBody(new { organisationId, role }));
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static async Task<string> ETagAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBe(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    public static async Task<HttpResponseMessage> TransitionAsync(HttpClient client, long id, string status, string? reason = "Motivo di prova",
        string? actBody = null, string? actNumber = null, string? actDate = null, string? date = null)
    {
        var etag = await ETagAsync(client, $"/api/v1/agreements/{id}");
        return await client.PostJson($"/api/v1/agreements/{id}/transitions", new { status, reason, actBody, actNumber, actDate, date }, etag);
    }

    /// <summary>An agreement between the metropolitan city and a Comune, walked to «in force» (public unless told otherwise).</summary>
    public static async Task<(long Id, long ComunePartyId, long CityPartyId)> InForceAsync(MetropoliApp app, HttpClient office, string istat, string visibility = "public")
    {
        var id = await CreateAsync(office, visibility);
        var city = await AddPartyAsync(office, id, await OrganisationOfTypeAsync(app, OrganisationTypes.MetropolitanCity), "promoter");
        var comune = await AddPartyAsync(office, id, await OrganisationOfComuneAsync(app, istat));
        await (await TransitionAsync(office, id, "under-review")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "approved", actBody: "Consiglio metropolitano", actNumber: "1/2025", actDate: "2025-01-10")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "signed", date: "2025-01-20")).ShouldBe(HttpStatusCode.NoContent);
        await (await TransitionAsync(office, id, "in-force", date: "2025-02-01")).ShouldBe(HttpStatusCode.NoContent);
        return (id, comune, city);
    }

    public static async Task<long> AddObligationAsync(HttpClient client, long agreementId, long partyId, DateOnly due, string title = "Obbligo di prova")
    {
        var response = await client.PostAsync($"/api/v1/agreements/{agreementId}/obligations",
            Http.JsonBody(new { partyId, kind = "obligation", title, dueDate = due.ToString("yyyy-MM-dd") }));
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }
}
