using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Modules.Services;

/// <summary>Services and requests built through the API, each with a unique address.</summary>
public static class ServiceBuilders
{
    public const string HowToJoin = "Sottoscrivi la convenzione di prova con la Città metropolitana.";

    public static async Task<string> ServiceAsync(HttpClient admin, long? agreement, string sector = "ambiente", string kind = "assistance",
        int firstAnswerDays = 2, int resolutionDays = 5)
    {
        var slug = $"prova-{Guid.NewGuid():N}"[..24];
        var response = await admin.PostAsync("/api/v1/services", Http.JsonBody(new
        {
            slug, name = $"Servizio di prova {slug}", kind, summary = "Un servizio creato da un test.", description = "Descrizione di prova.",
            eligibility = "I Comuni aderenti.", howToJoin = HowToJoin, fees = "Gratuito.", officeSector = sector, officeName = "Ufficio di prova",
            firstAnswerDays, resolutionDays, documents = new[] { "Quesito" }, agreements = agreement is { } a ? new[] { a } : Array.Empty<long>(),
        }));
        await response.ShouldBe(HttpStatusCode.Created);
        return slug;
    }

    public static async Task<long> RequestAsync(HttpClient comune, string slug, string subject = "Richiesta di prova")
    {
        var response = await comune.PostAsync("/api/v1/service-requests", Http.JsonBody(new { service = slug, subject, description = "Serve un parere." }));
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, long id, string status, string? reason = "Motivo di prova", object? extra = null)
    {
        var etag = (await client.GetAsync($"/api/v1/service-requests/{id}")).Headers.ETag?.ToString();
        var body = new Dictionary<string, object?> { ["status"] = status, ["reason"] = reason };
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, Http.Json).EnumerateObject()) body[p.Name] = p.Value;
        }
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/service-requests/{id}/transitions") { Content = Http.JsonBody(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }
}
