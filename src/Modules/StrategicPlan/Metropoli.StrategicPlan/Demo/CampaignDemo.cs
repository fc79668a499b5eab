using System.Security.Claims;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Demo;

/// <summary>Demonstration campaigns for the demo plan, run through the real handlers with a clock set in
/// the past, for the years of the plan in force (<see cref="PlanDemo.CurrentYears"/>): the first (closed, actions
/// at about half their progress), the second (closed, today's values) and the current one (open, deadline in a
/// month, tasks waiting), so that the timeline, the reports and the task lists have something to show and no
/// campaign falls outside its plan (ADR 0035). Idempotent: a plan that has campaigns is left alone.</summary>
public static class CampaignDemo
{
    private sealed class DemoClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var plan = await db.Set<Plan>().Where(p => p.Name == PlanDemo.CurrentName).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        if (plan is not { } planId || await db.Set<MonitoringCampaign>().AnyAsync(c => c.PlanId == planId, ct)) return;
        var office = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.PlanOffice), new Claim(ScopeClaims.DisplayName, "Ufficio di piano (dati dimostrativi)")], "demo"));
        var current = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId)
            .ToDictionaryAsync(a => a.Id, a => (a.Status, a.Progress, a.Narrative), ct);

        var today = CivilClock.Today(clock);
        var (start, end) = PlanDemo.CurrentYears(today);
        await RunAsync(db, office, planId, start, current, half: true, ct);
        await RunAsync(db, office, planId, start + 1, current, half: false, ct);
        await OpenCampaign.HandleAsync(db, office, clock, planId,
            new OpenCampaignRequest($"Monitoraggio {end} (dati dimostrativi)", end, today.AddDays(30), "7,1",
                "Campagna dimostrativa: aggiornate stato, avanzamento e stato di attuazione delle azioni del vostro settore."), ct);
        db.ChangeTracker.Clear();
    }

    private static async Task RunAsync(AppDbContext db, ClaimsPrincipal office, long planId, int year,
        IReadOnlyDictionary<long, (string Status, int Progress, string? Narrative)> current, bool half, CancellationToken ct)
    {
        var opened = new DemoClock(new DateTimeOffset(year + 1, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var closed = new DemoClock(new DateTimeOffset(year + 1, 3, 5, 17, 0, 0, TimeSpan.Zero));
        var (outcome, id) = await OpenCampaign.HandleAsync(db, office, opened, planId,
            new OpenCampaignRequest($"Monitoraggio {year} (dati dimostrativi)", year, new DateOnly(year + 1, 2, 28), "7,1", null), ct);
        if (outcome is not Outcome.Done) return;
        db.ChangeTracker.Clear();
        var tasks = await db.Set<CampaignTask>().AsNoTracking().Where(t => t.CampaignId == id).ToListAsync(ct);
        foreach (var task in tasks)
        {
            var (status, progress, narrative) = current[task.ActionId];
            if (half && status is not (ActionStatuses.NotStarted or ActionStatuses.Suspended))
            {
                progress = Math.Max(5, progress / 2);
                status = status == ActionStatuses.Completed ? ActionStatuses.OnTrack : status;
            }
            var text = half
                ? $"Attività avviate nel {year}; avanzamento al {progress}% (dato dimostrativo)."
                : narrative ?? $"Avanzamento al {progress}% a fine {year} (dato dimostrativo).";
            await TaskWork.SubmitAsync(db, office, opened, task.Id, task.Version, new TaskReportRequest(status, progress, text), ct);
            db.ChangeTracker.Clear();
            var version = await db.Set<CampaignTask>().Where(t => t.Id == task.Id).Select(t => t.Version).SingleAsync(ct);
            await TaskWork.ReviewAsync(db, office, opened, task.Id, version, new TaskReviewRequest("accept", null), ct);
            db.ChangeTracker.Clear();
        }
        var campaignVersion = await db.Set<MonitoringCampaign>().Where(c => c.Id == id).Select(c => c.Version).SingleAsync(ct);
        await CloseCampaign.HandleAsync(db, office, closed, id, campaignVersion, ct);
        db.ChangeTracker.Clear();
    }
}
