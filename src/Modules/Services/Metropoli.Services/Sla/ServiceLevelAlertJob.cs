using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Metropoli.Services.Model;
using Metropoli.Services.Requests;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Sla;

/// <summary>Warns the office of a service, in the app and by e-mail (the outbox), when an open request is one working day
/// (<c>Services:SlaAlertDays</c>) from its first-answer or resolution target, and once when a target is missed. The key
/// names the request, the target and the due date, so a rerun never repeats an alert and a clock moved by a pause alerts
/// again. Recipients: the sector officers of the office; the administrators when the sector has none.</summary>
public sealed class ServiceLevelAlertJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "service-level-alerts";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:ServiceLevelAlertsSeconds", 3600d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendAsync(services.GetRequiredService<AppDbContext>(), clock, configuration.GetValue("Services:SlaAlertDays", 1), ct);

    public const string DueKind = "service-level-due";
    public const string BreachKind = "service-level-breach";

    /// <returns>How many notifications were queued.</returns>
    public static async Task<int> SendAsync(AppDbContext db, TimeProvider clock, int alertDays, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.Status == RequestStatuses.Submitted || r.Status == RequestStatuses.InProgress).ToListAsync(ct);
        var services = await db.Set<SharedService>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var admins = await Recipients.InRoleAsync(db, Metropoli.Platform.Auth.Roles.Administrator, ct);
        var sent = 0;
        foreach (var r in open)
        {
            var service = services[r.ServiceId];
            var events = await db.Set<ServiceRequestEvent>().AsNoTracking().Where(e => e.RequestId == r.Id).ToListAsync(ct);
            var (first, resolution) = RequestHandlers.Clocks(r, service, events, now);
            var people = await Recipients.ForSectorAsync(db, service.OfficeSector, ct);
            if (people.Count == 0) people = admins;
            foreach (var (state, target) in new[] { (first, "prima risposta dell'ufficio"), (resolution, "risposta completa dell'ufficio") })
            {
                if (!state.Running) continue;
                var code = target == "prima risposta dell'ufficio" ? "first" : "resolution";
                NotificationText text;
                string key;
                if (state.Breached)
                {
                    text = new NotificationText(BreachKind, "Tempo di servizio superato: «{subject}»",
                        "Per la richiesta «{subject}» al servizio «{service}» è superato il tempo della {target} ({days} giorni lavorativi).");
                    key = $"service-sla-breach:{r.Id}:{code}";
                }
                else if (state.Remaining <= alertDays && state.Due is { } due)
                {
                    text = new NotificationText(DueKind, "Richiesta da evadere entro il {due}: «{subject}»",
                        "Per la richiesta «{subject}» al servizio «{service}» la {target} è dovuta entro il {due} ({days} giorni lavorativi).").Date("due", due);
                    key = $"service-sla:{r.Id}:{code}:{due:yyyy-MM-dd}";
                }
                else continue;
                text.Text("subject", r.Subject).Text("service", service.Name).Label("target", target).Number("days", state.Target);
                foreach (var user in people.DistinctBy(u => u.Id))
                {
                    if (await Notifier.NotifyAsync(db, user, text, $"/casa-dei-comuni/richieste/{r.Id}", key, ct)) sent++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
