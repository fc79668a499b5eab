using System.Net;
using System.Net.Http.Json;
using System.Text;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Plans built through the API with safe defaults: each call makes a new plan with a unique
/// name, so tests sharing a database never step on each other's rows.</summary>
public static class PlanBuilders
{
    public sealed record Built(long PlanId, long AreaId, long ObjectiveId, long ActionId);

    public static async Task<long> CreatePlanAsync(HttpClient office, int startYear = 2031, long? previous = null)
    {
        var response = await office.PostAsync("/api/v1/plans", Http.JsonBody(new
        {
            name = $"Piano di prova {Guid.NewGuid():N}", startYear, endYear = startYear + 2, description = "Creato da un test.", previousPlanId = previous,
        }));
        var body = await response.ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>A plan with one area, one objective and one action of the given sector.</summary>
    public static async Task<Built> CreateTreeAsync(HttpClient office, string sector = "ambiente", int startYear = 2031, bool adopt = false)
    {
        var plan = await CreatePlanAsync(office, startYear);
        var area = (await (await office.PostAsync($"/api/v1/plans/{plan}/areas", Http.JsonBody(new { code = "A1", title = "Area di prova", kind = "area" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var objective = (await (await office.PostAsync("/api/v1/plan-objectives", Http.JsonBody(new { areaId = area, code = "A1.1", title = "Obiettivo di prova" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var action = await CreateActionAsync(office, objective, "A1.1.1", sector);
        if (adopt)
        {
            // Published, so that roles other than the plan office can see it.
            await (await Transition(office, plan, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        }
        return new Built(plan, area, objective, action);
    }

    public static async Task<long> CreateActionAsync(HttpClient office, long objectiveId, string code, string sector = "ambiente")
    {
        var response = await office.PostAsync("/api/v1/plan-actions", Http.JsonBody(ActionBody(objectiveId, code, sector)));
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static object ActionBody(long objectiveId, string code, string sector = "ambiente", string title = "Azione di prova") => new
    {
        objectiveId, code, title, ownerSector = sector, status = "on-track", progress = 10,
        startDate = "2031-01-01", endDate = "2032-12-31", budget = 125000.50m, dupProgramme = "09.02",
        municipalities = new[] { Demo.Rho }, zones = new[] { "nord-ovest" }, tags = new[] { "sostenibilita" },
    };

    public static async Task<string> ETagAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBe(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostCsv(this HttpClient client, string url, string csv, string contentType = "text/csv") =>
        client.PostAsync(url, new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { { "Content-Type", contentType } } });

    public static async Task<HttpResponseMessage> Transition(HttpClient office, long planId, string status, string? body = "Consiglio metropolitano",
        string? number = "1/2031", string? date = "2025-01-15")
    {
        var etag = await ETagAsync(office, $"/api/v1/plans/{planId}");
        return await office.PostJson($"/api/v1/plans/{planId}/transitions", new { status, actBody = body, actNumber = number, actDate = date }, etag);
    }
}
