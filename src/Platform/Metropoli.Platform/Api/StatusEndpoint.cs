using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Platform.Api;

public sealed record StatusResponse(string Status, string Database, DateTimeOffset CheckedAt);

public static class StatusEndpoint
{
    public static void MapStatus(this WebApplication app) =>
        app.MapGet("/status", Handle)
            .AllowAnonymous()
            .WithName("getStatus")
            .WithSummary("Stato del servizio: 200 se funziona, 503 se il database non risponde.")
            .WithTags("Piattaforma")
            .ProducesProblem(503);

    public static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> Handle(
        AppDbContext db, DatabaseOptions options, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        bool ok;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            ok = await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (Exception)
        {
            ok = false;
        }
        if (!ok)
        {
            context.Response.Headers.RetryAfter = "30";
            return Problems.Unavailable.Result("Il database non risponde.");
        }
        return TypedResults.Ok(new StatusResponse("ok", options.Provider.ToString().ToLowerInvariant(), clock.GetUtcNow()));
    }
}
