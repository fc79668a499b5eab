using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Campaigns;

/// <summary>Closing freezes the campaign: the plan dashboard as computed at that moment (validated values
/// only, the plan's thresholds) and every action's state, in one transaction. The report reads only this
/// snapshot, so its figures never move afterwards; the snapshot's SHA-256 is on the audited campaign row.
/// Indicator values count up to the campaign's reference year (a 2023 campaign closed late does not show 2024).</summary>
public static class CloseCampaign
{
    public const string AlreadyClosedReason = "La campagna è già chiusa.";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, CancellationToken ct)
    {
        var campaign = await db.Set<MonitoringCampaign>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || await Structure.StructureRules.PlanStatusAsync(db, user, campaign.PlanId, ct) is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (campaign.Status == CampaignStatuses.Closed) return new Outcome.Refused(AlreadyClosedReason);
        if (db.CheckVersion(campaign, expectedVersion) is { } conflict) return conflict;

        var today = CivilClock.Today(clock);
        var view = (await PlanDashboard.BuildAsync(db, user, campaign.PlanId, new DashboardFilter(), today, ct, campaign.Year))!;
        var json = JsonSerializer.Serialize(view, Json);
        var tasks = await db.Set<CampaignTask>().AsNoTracking().Where(t => t.CampaignId == id)
            .ToDictionaryAsync(t => t.ActionId, t => t.Status, ct);
        var actions = await (from a in db.Set<PlanAction>().AsNoTracking()
                             join o in db.Set<PlanObjective>() on a.ObjectiveId equals o.Id
                             join ar in db.Set<PlanArea>() on o.AreaId equals ar.Id
                             where a.PlanId == campaign.PlanId
                             select new { a, ObjectiveCode = o.Code, ObjectiveTitle = o.Title, AreaCode = ar.Code, AreaTitle = ar.Title })
            .ToListAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(new CampaignSnapshot { CampaignId = id, Json = json });
        foreach (var x in actions)
        {
            db.Add(new CampaignActionSnapshot
            {
                CampaignId = id, ActionId = x.a.Id, Code = x.a.Code, Title = x.a.Title,
                AreaCode = x.AreaCode, AreaTitle = x.AreaTitle, ObjectiveCode = x.ObjectiveCode, ObjectiveTitle = x.ObjectiveTitle,
                OwnerSector = x.a.OwnerSector, Status = x.a.Status, Progress = x.a.Progress, EndDate = x.a.EndDate,
                Late = PlanDashboard.IsLate(x.a.Status, x.a.EndDate, today), Narrative = x.a.Narrative,
                // Completed actions get no task: nothing was asked of them.
                TaskStatus = tasks.GetValueOrDefault(x.a.Id, "none"),
            });
        }
        campaign.Status = CampaignStatuses.Closed;
        campaign.ClosedAt = clock.GetUtcNow().UtcDateTime;
        campaign.ClosedBy = CurrentUser.Of(user).DisplayName;
        campaign.SnapshotSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request closed it first: its snapshot (keyed by campaign) or its new version won.
            // The failed statement aborts the transaction (PostgreSQL): roll back before reading again.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Set<MonitoringCampaign>().AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Version, c.Status }).SingleAsync(ct);
            return current.Status == CampaignStatuses.Closed ? new Outcome.Refused(AlreadyClosedReason) : new Outcome.Conflict(current.Version);
        }
        await tx.CommitAsync(ct);
        return new Outcome.Done(campaign.Version);
    }
}
