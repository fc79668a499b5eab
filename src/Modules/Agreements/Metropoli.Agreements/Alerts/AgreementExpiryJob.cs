using Metropoli.Agreements.Model;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Alerts;

/// <summary>Ends the agreements in force whose expiry date has passed: to «expired», or, with tacit
/// renewal, on by their duration (12 months when none is stated). Each change is an audited update of the
/// agreement plus a row of its status history by "sistema"; a concurrent edit wins and the agreement is
/// taken again at the next run.</summary>
public sealed class AgreementExpiryJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public const string System = CurrentUser.SystemName;

    public string Name => "agreement-expiry";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:AgreementExpirySeconds", 3600d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) => RunAsync(services.GetRequiredService<AppDbContext>(), clock, ct);

    /// <returns>How many agreements were expired or renewed.</returns>
    public static async Task<int> RunAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var due = await db.Set<Agreement>().Where(a => a.Status == AgreementStatuses.InForce && a.ExpiryDate != null && a.ExpiryDate < today)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var changed = 0;
        foreach (var a in due)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var expiry = a.ExpiryDate!.Value;
            string reason;
            if (a.AutoRenewal)
            {
                var months = a.DurationMonths ?? 12;
                var next = expiry;
                while (next < today) next = next.AddMonths(months);
                a.ExpiryDate = next;
                reason = $"Rinnovo tacito: la scadenza del {expiry:yyyy-MM-dd} è spostata al {next:yyyy-MM-dd} ({months} mesi per volta).";
            }
            else
            {
                a.Status = AgreementStatuses.Expired;
                reason = $"Scadenza: la data di scadenza ({expiry:yyyy-MM-dd}) è passata.";
            }
            a.UpdatedAt = now;
            db.Add(new AgreementStatusChange
            {
                AgreementId = a.Id, FromStatus = AgreementStatuses.InForce, ToStatus = a.Status, Reason = reason, ChangedBy = System, ChangedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                changed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        return changed;
    }
}
