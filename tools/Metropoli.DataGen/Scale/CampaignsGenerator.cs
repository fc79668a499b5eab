using System.Security.Claims;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.DataGen.Scale;

/// <summary>The monitoring campaigns of the current plan, run through the real handlers (so the snapshot
/// the report reads is the one the app freezes, and their audit rows extend the chain): a 2025 campaign
/// opened and closed in early 2026 with most tasks accepted, and an open 2026 campaign with its deadline
/// ahead of the real clock. Task answers are set in bulk between opening and closing: the report reads
/// the tasks' statuses, and a thousand handler calls would test the handlers, not fill a database.</summary>
public static class CampaignsGenerator
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<(long Closed, long Open)> RunAsync(AppDbContext db, TimeProvider clock, long planId, CancellationToken ct)
    {
        var office = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.PlanOffice), new Claim(ScopeClaims.DisplayName, "Ufficio di piano (dati generati)")], "scale"));
        var opened = new FixedClock(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        var closedAt = new FixedClock(new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.Zero));
        var (outcome, closedId) = await OpenCampaign.HandleAsync(db, office, opened, planId,
            new OpenCampaignRequest("Monitoraggio 2025 " + PlanGenerator.Marker, 2025, new DateOnly(2026, 2, 27), "7,1", "Campagna generata per le prove di carico."), ct);
        if (outcome is not Outcome.Done) throw new ScaleException($"apertura della campagna 2025 non riuscita: {outcome}");
        db.ChangeTracker.Clear();
        var reported = new DateTime(2026, 2, 20, 10, 0, 0, DateTimeKind.Utc);
        var reviewed = new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        // Nine tasks in ten answered and accepted, a few submitted and never reviewed, the rest silent.
        await db.Set<CampaignTask>().Where(t => t.CampaignId == closedId && t.ActionId % 10 != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Accepted).SetProperty(t => t.ReportedProgress, t => (int?)50)
                .SetProperty(t => t.ReportedStatus, ActionStatuses.OnTrack).SetProperty(t => t.Narrative, "Attività in corso (dato generato).")
                .SetProperty(t => t.SubmittedAt, reported).SetProperty(t => t.SubmittedBy, "Referente di settore (dati generati)")
                .SetProperty(t => t.ReviewedAt, reviewed).SetProperty(t => t.ReviewedBy, "Ufficio di piano (dati generati)"), ct);
        await db.Set<CampaignTask>().Where(t => t.CampaignId == closedId && t.ActionId % 20 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TaskStatuses.Submitted).SetProperty(t => t.ReportedProgress, t => (int?)30)
                .SetProperty(t => t.ReportedStatus, ActionStatuses.AtRisk).SetProperty(t => t.SubmittedAt, reported)
                .SetProperty(t => t.SubmittedBy, "Referente di settore (dati generati)"), ct);
        var version = await db.Set<MonitoringCampaign>().Where(c => c.Id == closedId).Select(c => c.Version).SingleAsync(ct);
        var closed = await CloseCampaign.HandleAsync(db, office, closedAt, closedId, version, ct);
        if (closed is not Outcome.Done) throw new ScaleException($"chiusura della campagna 2025 non riuscita: {closed}");
        db.ChangeTracker.Clear();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (open, openId) = await OpenCampaign.HandleAsync(db, office, clock, planId,
            new OpenCampaignRequest("Monitoraggio 2026 " + PlanGenerator.Marker, 2026, today.AddDays(45), "7,1", "Campagna generata per le prove di carico."), ct);
        if (open is not Outcome.Done) throw new ScaleException($"apertura della campagna 2026 non riuscita: {open}");
        db.ChangeTracker.Clear();
        return (closedId, openId);
    }
}

/// <summary>A reason the generator stops, shown to the operator as is.</summary>
public sealed class ScaleException(string message) : Exception(message);
