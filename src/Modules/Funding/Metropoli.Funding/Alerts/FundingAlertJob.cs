using System.Globalization;
using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Alerts;

/// <summary>The funding alerts, in the app and by e-mail (platform notifications and outbox), idempotent by their
/// dedup keys so a rerun, a restart or a second instance never repeats one:
/// <list type="bullet">
/// <item>deadline: N days (Funding:DeadlineAlertDays, 14) before an open call closes, to the municipality officers of
/// every Comune its rules admit that has not applied yet;</item>
/// <item>weekly digest (Mondays): each Comune's officers get the open calls their Comune may apply for;</item>
/// <item>late milestones: once, to the implementing Comune's officers and the plan office;</item>
/// <item>monthly reporting reminder on the 15th and the 18th (before day 20), to the officers of the Comuni that
/// implement funded projects with no expenditure or milestone progress entered in the month.</item>
/// </list>
/// Every kind reads what it needs in a fixed number of queries, whatever the number of calls, Comuni and projects
/// (no query per row), and queues the notifications through <see cref="Notifier.NotifyManyAsync"/>.</summary>
public sealed class FundingAlertJob(TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "funding-alerts";

    public TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Jobs:FundingAlertsSeconds", 3600d));

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        SendAsync(services.GetRequiredService<AppDbContext>(), clock, configuration.GetValue("Funding:DeadlineAlertDays", 14), ct);

    public const string DeadlineKind = "funding-deadline", DigestKind = "funding-digest", LateMilestoneKind = "funding-milestone-late", ReminderKind = "funding-report-reminder";

    /// <returns>How many notifications were queued.</returns>
    public static async Task<int> SendAsync(AppDbContext db, TimeProvider clock, int deadlineDays, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var officers = (await Recipients.MunicipalityOfficersAsync(db, ct)).ToLookup(u => u.MunicipalityIstat!);
        var items = new List<(AppUser, NotificationText, string?, string)>();

        // Open calls and their rules, all Comuni: two queries, the evaluation in memory.
        var open = await db.Set<FundingCall>().AsNoTracking()
            .Where(c => c.Status == FundingCallStatuses.Open && c.ClosesOn != null && c.ClosesOn >= today).ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var rules = (await db.Set<FundingCallRule>().AsNoTracking().Where(r => ids.Contains(r.CallId)).ToListAsync(ct)).ToLookup(r => r.CallId);
        var comuni = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking()
            .Select(c => new ComuneFacts(c.IstatCode, c.Name, c.ZoneCode, c.Population)).ToListAsync(ct);
        var eligible = open.ToDictionary(c => c.Id, c => comuni.Where(f => EligibilityEvaluator.Evaluate(rules[c.Id].ToList(), f).Eligible).Select(f => f.IstatCode).ToList());

        var soon = open.Where(c => c.ClosesOn!.Value.DayNumber - today.DayNumber <= deadlineDays).ToList();
        var soonIds = soon.Select(c => c.Id).ToList();
        var applied = (await db.Set<FundingApplication>().AsNoTracking().Where(a => soonIds.Contains(a.CallId) && a.Status != ApplicationStatuses.Withdrawn)
            .Select(a => new { a.CallId, a.LeadIstat }).ToListAsync(ct)).Select(a => (a.CallId, a.LeadIstat)).ToHashSet();
        foreach (var c in soon)
        {
            var days = c.ClosesOn!.Value.DayNumber - today.DayNumber;
            foreach (var istat in eligible[c.Id].Where(i => !applied.Contains((c.Id, i))))
            foreach (var u in officers[istat])
            {
                items.Add((u, new NotificationText(DeadlineKind, "Il bando «{title}» scade il {deadline}",
                        "Il bando «{title}» scade tra {days} giorni, il {deadline}. Il tuo Comune può partecipare e non ha ancora presentato una domanda.")
                    .Text("title", c.Title).Number("days", days).Date("deadline", c.ClosesOn!.Value),
                    $"/finanziamenti/bandi/{c.Id}", $"{DeadlineKind}:{c.Id}:{c.ClosesOn:yyyy-MM-dd}"));
            }
        }

        if (today.DayOfWeek == DayOfWeek.Monday)
        {
            var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
            foreach (var f in comuni)
            {
                var calls = open.Where(c => eligible[c.Id].Contains(f.IstatCode)).ToList();
                if (calls.Count == 0) continue;
                var nearest = calls.Min(c => c.ClosesOn!.Value);
                foreach (var u in officers[f.IstatCode])
                {
                    items.Add((u, new NotificationText(DigestKind, "Bandi aperti per {comune}: {count}",
                            "Questa settimana {comune} può partecipare a {count} bandi aperti; la scadenza più vicina è il {nearest}.")
                        .Text("comune", f.Name).Number("count", calls.Count).Date("nearest", nearest),
                        $"/comuni/{f.IstatCode}", $"{DigestKind}:{f.IstatCode}:{week}"));
                }
            }
        }

        // Late milestones: one query with their projects, the plan office once.
        var late = await db.Set<FundingMilestone>().Where(m => m.DueOn < today && m.Status != ReportStatuses.Validated && m.LateNotifiedAt == null)
            .Join(db.Set<FundingProject>(), m => m.Cup, p => p.Cup, (m, p) => new { Milestone = m, p.Title, p.ImplementerIstat }).ToListAsync(ct);
        var planOffice = late.Count > 0 ? await Recipients.InRoleAsync(db, Roles.PlanOffice, ct) : [];
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var l in late)
        {
            var m = l.Milestone;
            var people = (l.ImplementerIstat is { } i ? officers[i] : []).Concat(planOffice);
            foreach (var u in people.DistinctBy(u => u.Id))
            {
                items.Add((u, new NotificationText(LateMilestoneKind, "Milestone in ritardo: «{milestone}»",
                        "La milestone «{milestone}» del progetto «{project}» (CUP {cup}) era prevista entro il {due} e non risulta raggiunta.")
                    .Text("milestone", m.Title).Text("project", l.Title).Text("cup", m.Cup).Date("due", m.DueOn),
                    $"/finanziamenti/progetti/{m.Cup}#milestone", $"{LateMilestoneKind}:{m.Id}:{m.DueOn:yyyy-MM-dd}"));
            }
            m.LateNotifiedAt = now;
        }

        // Monthly reporting reminder, before day 20 (PNRR reports are validated monthly by then): on the 15th and again on
        // the 18th (or the first run after, before the 20th), to the officers of the implementing Comune of every running
        // project with no expenditure entered and no milestone progress reported since the 1st of the month. One query
        // (NOT EXISTS on the indexed CUP), one notification per Comune and round, naming how many projects are silent.
        if (today.Day is >= 15 and < 20)
        {
            var round = today.Day >= 18 ? 18 : 15;
            var monthStart = new DateOnly(today.Year, today.Month, 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var silent = await db.Set<FundingProject>().AsNoTracking()
                .Where(p => p.ImplementerIstat != null && (p.EndDate == null || p.EndDate >= today))
                .Where(p => !db.Set<FundingExpenditure>().Any(e => e.Cup == p.Cup && e.EnteredAt >= monthStart)
                    && !db.Set<FundingMilestone>().Any(m => m.Cup == p.Cup && m.ReportedAt != null && m.ReportedAt >= monthStart))
                .GroupBy(p => p.ImplementerIstat!).Select(g => new { Istat = g.Key, Projects = g.Count(), First = g.Min(p => p.Cup) }).ToListAsync(ct);
            var deadline = new DateOnly(today.Year, today.Month, 20);
            foreach (var x in silent)
            foreach (var u in officers[x.Istat])
            {
                items.Add((u, new NotificationText(ReminderKind, "Rendicontazione mensile entro il {deadline}",
                        "{count} progetti finanziati di cui il tuo Comune è soggetto attuatore non hanno spese né avanzamenti di milestone e target registrati questo mese: registrali entro il {deadline}.")
                    .Date("deadline", deadline).Number("count", x.Projects),
                    x.Projects == 1 ? $"/finanziamenti/progetti/{x.First}" : "/finanziamenti/progetti?municipality=" + x.Istat,
                    $"{ReminderKind}:{x.Istat}:{today:yyyy-MM}:{round}"));
            }
        }

        var sent = await Notifier.NotifyManyAsync(db, items, ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
