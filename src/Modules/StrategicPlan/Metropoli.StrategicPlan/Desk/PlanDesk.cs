using System.Security.Claims;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Time;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Desk;

/// <summary>What the strategic plan puts on a person's desk, finds for the site search, and shows on the home page
/// (ADR 0038). The titles are Italian keys the desk localises.</summary>
public static class PlanDesk
{
    /// <summary>Days before a deadline from which an item counts as due soon.</summary>
    public const int DueSoonDays = 7;

    public static async Task<IEnumerable<DeskItem>> ItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var today = CivilClock.Today(services.GetRequiredService<TimeProvider>());
        var items = new List<DeskItem>();
        var open = db.Set<MonitoringCampaign>().Where(c => c.Status == CampaignStatuses.Open);
        if (PlanAccess.CanManage(user))
        {
            var pending = await db.Set<Measurement>().AsNoTracking().Where(m => m.Status == MeasurementStatuses.Submitted)
                .Select(m => m.SubmittedAt).ToListAsync(ct);
            if (pending.Count > 0)
            {
                items.Add(new DeskItem(PlanContract.Module, "Valori da validare", pending.Count, "/piano/misurazioni/da-validare",
                    pending.Min() < DateTime.UtcNow.AddDays(-DueSoonDays) ? DeskUrgency.DueSoon : DeskUrgency.Normal, 100));
            }
            var toReview = await db.Set<CampaignTask>().AsNoTracking()
                .Where(t => t.Status == TaskStatuses.Submitted && open.Any(c => c.Id == t.CampaignId))
                .Select(t => open.Where(c => c.Id == t.CampaignId).Select(c => c.Deadline).First()).ToListAsync(ct);
            if (toReview.Count > 0)
            {
                items.Add(new DeskItem(PlanContract.Module, "Attività di monitoraggio da esaminare", toReview.Count, "/piano/attivita",
                    Urgency(toReview.Min(), today), 110, toReview.Min()));
            }
            var late = await open.AsNoTracking().Where(c => c.Deadline < today)
                .Select(c => new { c.Id, c.Deadline, Waiting = db.Set<CampaignTask>().Count(t => t.CampaignId == c.Id && (t.Status == TaskStatuses.Pending || t.Status == TaskStatuses.Returned)) })
                .Where(c => c.Waiting > 0).ToListAsync(ct);
            if (late.Count > 0)
            {
                var first = late.OrderBy(c => c.Deadline).First();
                items.Add(new DeskItem(PlanContract.Module, "Campagne scadute con attività non inviate", late.Sum(c => c.Waiting),
                    $"/piano/campagne/{first.Id}", DeskUrgency.Overdue, 120, first.Deadline));
            }
        }
        else if (PlanAccess.Sector(user) is { } sector)
        {
            var tasks = await db.Set<CampaignTask>().AsNoTracking()
                .Where(t => t.OwnerSector == sector && (t.Status == TaskStatuses.Pending || t.Status == TaskStatuses.Returned) && open.Any(c => c.Id == t.CampaignId))
                .Select(t => new { t.Id, t.Status, t.ReviewNote, Deadline = open.Where(c => c.Id == t.CampaignId).Select(c => c.Deadline).First() })
                .ToListAsync(ct);
            var toSend = tasks.Where(t => t.Status == TaskStatuses.Pending).ToList();
            if (toSend.Count > 0)
            {
                var due = toSend.Min(t => t.Deadline);
                items.Add(new DeskItem(PlanContract.Module, "Valori e avanzamento da inviare", toSend.Count,
                    toSend.Count == 1 ? $"/piano/campagne/attivita/{toSend[0].Id}" : "/piano/attivita", Urgency(due, today), 100, due));
            }
            var returned = tasks.Where(t => t.Status == TaskStatuses.Returned).ToList();
            if (returned.Count > 0)
            {
                var due = returned.Min(t => t.Deadline);
                items.Add(new DeskItem(PlanContract.Module, "Attività restituite dall'ufficio di piano", returned.Count,
                    $"/piano/campagne/attivita/{returned[0].Id}", Urgency(due, today), 105, due, returned[0].ReviewNote));
            }
            var rejected = await db.Set<Measurement>().AsNoTracking()
                .Where(m => m.Status == MeasurementStatuses.Rejected
                            && db.Set<Indicator>().Any(i => i.Id == m.IndicatorId && i.OwnerSector == sector)
                            && !db.Set<Measurement>().Any(n => n.IndicatorId == m.IndicatorId && n.Period == m.Period && n.Id > m.Id))
                .OrderByDescending(m => m.ReviewedAt)
                .Select(m => new { m.Id, m.RejectionReason }).ToListAsync(ct);
            if (rejected.Count > 0)
            {
                items.Add(new DeskItem(PlanContract.Module, "Valori respinti da correggere", rejected.Count,
                    $"/piano/misurazioni/{rejected[0].Id}/correggi", DeskUrgency.DueSoon, 110, null, rejected[0].RejectionReason));
            }
        }
        return items;
    }

    private static DeskUrgency Urgency(DateOnly due, DateOnly today) =>
        due < today ? DeskUrgency.Overdue : due <= today.AddDays(DueSoonDays) ? DeskUrgency.DueSoon : DeskUrgency.Normal;

    public static async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var q = query.Trim().ToLower();
        var pattern = TextSearch.Pattern(q);
        var plans = db.Set<Plan>().AsNoTracking().Visible(user).Select(p => p.Id);
        // Accents and case ignored (TextSearch): the LIKE narrows, the folded comparison decides.
        var actions = (await db.Set<PlanAction>().AsNoTracking()
            .Where(a => plans.Contains(a.PlanId) && (EF.Functions.Like(a.Title.ToLower(), pattern, LikePattern.Escape) || a.Code.ToLower() == q))
            .OrderBy(a => a.Code).Take(limit * 4).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct))
            .Where(a => TextSearch.Matches(a.Title, q) || a.Code.ToLower() == q).Take(limit).ToList();
        var indicators = (await db.Set<Indicator>().AsNoTracking()
            .Where(i => plans.Contains(i.PlanId) && (EF.Functions.Like(i.Name.ToLower(), pattern, LikePattern.Escape) || i.Code.ToLower() == q))
            .OrderBy(i => i.Code).Take(limit * 4).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct))
            .Where(i => TextSearch.Matches(i.Name, q) || i.Code.ToLower() == q).Take(limit).ToList();
        return actions.Select(a => new SearchResult("Azione del piano", a.Title, $"/piano/azioni/{a.Id}", a.Code))
            .Concat(indicators.Select(i => new SearchResult("Indicatore", i.Name, $"/piano/indicatori/{i.Id}", i.Code)))
            .Take(limit);
    }

    /// <summary>Headline figures from validated data, dated by the last validation.</summary>
    public static async Task<IEnumerable<HomeFigure>> FiguresAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var plan = await CurrentPlanAsync(db, ct);
        if (plan is null) return [];
        var actions = await db.Set<PlanAction>().CountAsync(a => a.PlanId == plan.Value.Id, ct);
        var validated = db.Set<Measurement>().Where(m => m.Status == MeasurementStatuses.Validated
            && db.Set<Indicator>().Any(i => i.Id == m.IndicatorId && i.PlanId == plan.Value.Id));
        var measured = await validated.Select(m => m.IndicatorId).Distinct().CountAsync(ct);
        var last = await validated.MaxAsync(m => (DateTime?)m.ReviewedAt, ct);
        var asOf = last is { } l ? DateOnly.FromDateTime(l) : (DateOnly?)null;
        return
        [
            new(actions, "Azioni del Piano strategico", 10, null, $"/piano/{plan.Value.Id}/azioni"),
            new(measured, "Indicatori con un valore validato", 20, asOf, $"/piano/{plan.Value.Id}/cruscotto"),
        ];
    }

    /// <summary>The plan in force: the newest approved, else the newest adopted (what the public sees first).</summary>
    public static async Task<(long Id, string Name)?> CurrentPlanAsync(AppDbContext db, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().AsNoTracking()
            .Where(p => p.Status == PlanStatuses.Approved || p.Status == PlanStatuses.Adopted)
            .OrderBy(p => p.Status == PlanStatuses.Approved ? 0 : 1).ThenByDescending(p => p.StartYear)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        return plan is null ? null : (plan.Id, plan.Name);
    }
}
