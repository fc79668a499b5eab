using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Metropoli.Platform.Observability;

/// <summary><c>/health/live</c>: the process answers (no checks: a load balancer restarts it otherwise).
/// <c>/health/ready</c>: the database answers and every migration is applied (an instance started before
/// <c>migrate</c> ran is not ready). Both answer a small JSON, 200 or 503, never cached.</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddMetropoliHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        });
        return context.Response.WriteAsync(body);
    }
}

/// <summary>The database answers, and every migration this process knows is applied. The migrations are read from the
/// database only until they are all applied: this process's set never grows, and none is ever unapplied, so later
/// probes cost one round trip (<c>CanConnectAsync</c>).</summary>
public sealed class DatabaseReadyCheck(AppDbContext db) : IHealthCheck
{
    private static volatile bool migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("Il database non risponde.");
            var pending = migrated ? 0 : (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            migrated = pending == 0;
            return pending == 0
                ? HealthCheckResult.Healthy("Database raggiungibile, migrazioni applicate.")
                : HealthCheckResult.Unhealthy($"Migrazioni da applicare: {pending} (eseguire «migrate»).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Il database non risponde: " + ex.GetType().Name);
        }
    }
}
