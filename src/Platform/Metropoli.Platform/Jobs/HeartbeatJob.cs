using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Jobs;

/// <summary>Housekeeping: deletes personal access tokens that expired more than 30 days ago,
/// expired sessions and access-log lines older than <c>Audit:AccessLogRetentionDays</c> (365).
/// It also proves the scheduler runs in every deployment.</summary>
public sealed class TokenCleanupJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "token-cleanup";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:TokenCleanupSeconds", 3600d));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await db.Set<AccessToken>().Where(t => t.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<UserSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var accessCutoff = now.AddDays(-configuration.GetValue("Audit:AccessLogRetentionDays", 365d));
        await db.Set<Audit.AccessLogEntry>().Where(e => e.At < accessCutoff).ExecuteDeleteAsync(ct);
    }
}
