using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metropoli.Agreements.Alerts;

/// <summary>Tells the people responsible, in the app and by e-mail, N days before an agreement expires
/// and before an obligation falls due, and once when an obligation becomes overdue. The dedup key names
/// the agreement or obligation and the date, so a rerun, a restart or a second instance never repeats an
/// alert, while a date moved by an addendum or an edit alerts again.
/// Recipients: for an expiry, the plan office, the sector officers of the agreement's sector and the
/// municipality officers of the Comuni that are parties; for an obligation, the users of the organisation
/// that owes it (its municipality officers when it is a Comune) and the agreement's sector officers, or the
/// plan office when there is nobody else.</summary>
public sealed class AgreementAlertJob(TimeProvider clock, IConfiguration configuration, IOptions<AgreementOptions> options) : IRecurringJob
{
    public string Name => "agreement-alerts";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:AgreementAlertsSeconds", 3600d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendAsync(services.GetRequiredService<AppDbContext>(), clock, options.Value, ct);

    /// <returns>How many notifications were queued.</returns>
    public static async Task<int> SendAsync(AppDbContext db, TimeProvider clock, AgreementOptions options, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var sent = 0;
        var active = await db.Set<Agreement>().AsNoTracking()
            .Where(a => a.Status == AgreementStatuses.InForce || a.Status == AgreementStatuses.Signed || a.Status == AgreementStatuses.Approved)
            .ToListAsync(ct);
        var planOffice = await Recipients.InRoleAsync(db, Roles.PlanOffice, ct);
        foreach (var a in active)
        {
            var link = $"/intese/{a.Id}";
            var parties = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.AgreementId == a.Id)
                .Join(db.Reads<ITerritoryQueries>().Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p.Id, o.Name, OrganisationId = o.Id, o.MunicipalityIstat })
                .ToListAsync(ct);
            var sector = a.OwnerSector is { } s ? await Recipients.ForSectorAsync(db, s, ct) : [];

            if (a.Status != AgreementStatuses.Approved && a.ExpiryDate is { } expiry)
            {
                var days = expiry.DayNumber - today.DayNumber;
                if (days >= 0 && days <= (a.AlertDays ?? options.ExpiryAlertDays))
                {
                    var people = new List<AppUser>(planOffice);
                    people.AddRange(sector);
                    foreach (var istat in parties.Where(p => p.MunicipalityIstat != null).Select(p => p.MunicipalityIstat!).Distinct())
                        people.AddRange(await Recipients.ForMunicipalityAsync(db, istat, ct));
                    var text = new NotificationText(ExpiryKind, "L'intesa «{title}» scade il {expiry}",
                            a.AutoRenewal
                                ? "L'intesa «{title}» scade tra {days} giorni, il {expiry}. È previsto il rinnovo tacito."
                                : "L'intesa «{title}» scade tra {days} giorni, il {expiry}. Se la collaborazione deve proseguire, avvia il rinnovo o registra un atto aggiuntivo.")
                        .Text("title", a.Title).Number("days", days).Date("expiry", expiry);
                    sent += await NotifyAllAsync(db, people, text, link, $"agreement-expiry:{a.Id}:{expiry:yyyy-MM-dd}", ct);
                }
            }

            var obligations = await db.Set<AgreementObligation>().AsNoTracking()
                .Where(o => o.AgreementId == a.Id && o.Status == ObligationStatuses.Open).ToListAsync(ct);
            foreach (var o in obligations)
            {
                var days = o.DueDate.DayNumber - today.DayNumber;
                var overdue = days < 0;
                if (!overdue && days > (a.AlertDays ?? options.ObligationAlertDays)) continue;
                var party = parties.FirstOrDefault(p => p.Id == o.PartyId);
                var people = new List<AppUser>();
                if (party is not null)
                {
                    people.AddRange(await Recipients.ForOrganisationAsync(db, party.OrganisationId, ct));
                    if (party.MunicipalityIstat is { } istat) people.AddRange(await Recipients.ForMunicipalityAsync(db, istat, ct));
                }
                people.AddRange(sector);
                if (people.Count == 0) people.AddRange(planOffice);
                var who = party?.Name ?? "";
                var (text, key) = overdue
                    ? (new NotificationText(ObligationOverdueKind, "Obbligo scaduto: «{obligation}»",
                            "L'obbligo «{obligation}» di {party} nell'intesa «{title}» era dovuto entro il {due} e non risulta adempiuto."),
                        $"agreement-obligation-overdue:{o.Id}:{o.DueDate:yyyy-MM-dd}")
                    : (new NotificationText(ObligationDueKind, "Obbligo in scadenza il {due}: «{obligation}»",
                            "L'obbligo «{obligation}» di {party} nell'intesa «{title}» scade tra {days} giorni, il {due}."),
                        $"agreement-obligation:{o.Id}:{o.DueDate:yyyy-MM-dd}");
                text.Text("obligation", o.Title).Text("party", who).Text("title", a.Title).Number("days", days).Date("due", o.DueDate);
                sent += await NotifyAllAsync(db, people, text, link + "#obblighi", key, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    public const string ExpiryKind = "agreement-expiry";
    public const string ObligationDueKind = "agreement-obligation-due";
    public const string ObligationOverdueKind = "agreement-obligation-overdue";

    private static async Task<int> NotifyAllAsync(AppDbContext db, List<AppUser> people, NotificationText text, string link, string key, CancellationToken ct)
    {
        var sent = 0;
        foreach (var user in people.DistinctBy(u => u.Id))
        {
            if (await Notifier.NotifyAsync(db, user, text, link, key, ct)) sent++;
        }
        return sent;
    }
}
