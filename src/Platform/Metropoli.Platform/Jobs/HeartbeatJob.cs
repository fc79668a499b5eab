using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Jobs;

/// <summary>Housekeeping: deletes personal access tokens that expired more than 30 days ago,
/// expired sessions, access-log lines older than <c>Audit:AccessLogRetentionDays</c> (365) and sent e-mails older than
/// <c>Metropoli:Privacy:MailRetentionDays</c> (90).
/// It also proves the scheduler runs in every deployment.</summary>
public sealed class TokenCleanupJob(TimeProvider clock, IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<Legal.PrivacyOptions> privacy) : IRecurringJob
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
        // The copy of a sent e-mail (recipient address and text) is kept Metropoli:Privacy:MailRetentionDays (90), as the
        // privacy notice says; unsent messages stay until sent or given up.
        var mailCutoff = now.AddDays(-privacy.Value.MailRetentionDays);
        await db.Set<Notifications.OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < mailCutoff).ExecuteDeleteAsync(ct);
    }
}
