using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed record TaskCounts(int Total, int Pending, int Submitted, int Returned, int Accepted);

/// <summary>A campaign with its figures; <see cref="AverageProgress"/>, <see cref="Completed"/> and
/// <see cref="Late"/> come from the snapshot and exist only once the campaign is closed.</summary>
public sealed record CampaignRow(long Id, long PlanId, string Name, int Year, DateOnly Deadline, string ReminderDays, string Status,
    DateTime OpenedAt, string OpenedBy, DateTime? ClosedAt, string? ClosedBy, TaskCounts Tasks,
    int? Actions, decimal? AverageProgress, int? Completed, int? Late, string? SnapshotSha256, int Version);

public sealed record TaskRow(long Id, long CampaignId, long ActionId, string ActionCode, string ActionTitle, string OwnerSector, string Status,
    string? ReportedStatus, int? ReportedProgress, DateTime? SubmittedAt, string? SubmittedBy, int Version);

public sealed record CampaignDetail(CampaignRow Campaign, string PlanName, string? Instructions, bool CanManage, IReadOnlyList<TaskRow> Tasks);

public sealed record TaskDetail(TaskRow Task, CampaignRow Campaign, string PlanName, string? Narrative, string? ReviewNote,
    DateTime? ReviewedAt, string? ReviewedBy, PlanAction Action, bool CanReport, bool CanReview, IReadOnlyList<MeasurementDue> MeasurementsDue);

/// <summary>An indicator of the task's action and where its values for the campaign's year stand:
/// the latest one filed for a period ending in that year (none, submitted, validated or rejected).</summary>
public sealed record MeasurementDue(long IndicatorId, string Code, string Name, string Frequency, string? Period, decimal? Value, string? Status);

public sealed record TimelinePoint(long CampaignId, string CampaignName, int Year, DateTime ClosedAt, string ActionCode, string Status, int Progress, bool Late);

/// <summary>Reads of campaigns and tasks. Campaign figures are visible to whoever sees the plan; tasks to
/// the plan office (all) and to sector officers (their sector's), nobody else.</summary>
public static class CampaignQueries
{
    public static async Task<IReadOnlyList<CampaignRow>?> ListAsync(AppDbContext db, ClaimsPrincipal user, long planId, CancellationToken ct)
    {
        if (await Structure.StructureRules.PlanStatusAsync(db, user, planId, ct) is null) return null;
        var campaigns = await db.Set<MonitoringCampaign>().AsNoTracking().Where(c => c.PlanId == planId)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        return await RowsAsync(db, campaigns, ct);
    }

    public static async Task<CampaignDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var campaign = await db.Set<MonitoringCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null) return null;
        var plan = await db.Set<Plan>().AsNoTracking().Visible(user).Where(p => p.Id == campaign.PlanId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (plan is null) return null;
        var row = (await RowsAsync(db, [campaign], ct)).Single();
        var tasks = await TasksAsync(db, user, db.Set<CampaignTask>().Where(t => t.CampaignId == id), ct);
        return new CampaignDetail(row, plan, campaign.Instructions, PlanAccess.CanManage(user), tasks);
    }

    /// <summary>Open tasks that wait for the user: their sector's pending or returned ones, and for the plan
    /// office the submitted ones to review.</summary>
    public static async Task<IReadOnlyList<TaskRow>> MineAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var open = db.Set<MonitoringCampaign>().Where(c => c.Status == CampaignStatuses.Open).Select(c => c.Id);
        var tasks = db.Set<CampaignTask>().Where(t => open.Contains(t.CampaignId));
        if (PlanAccess.CanManage(user)) tasks = tasks.Where(t => t.Status == TaskStatuses.Submitted);
        else if (PlanAccess.Sector(user) is { } sector) tasks = tasks.Where(t => t.OwnerSector == sector && (t.Status == TaskStatuses.Pending || t.Status == TaskStatuses.Returned));
        else return [];
        return await TasksAsync(db, user, tasks, ct);
    }

    public static async Task<TaskDetail?> GetTaskAsync(AppDbContext db, ClaimsPrincipal user, long taskId, CancellationToken ct)
    {
        var found = await TaskWork.LoadAsync(db, user, taskId, ct);
        if (found is not var (task, campaign)) return null;
        if (!PlanAccess.CanManage(user) && PlanAccess.Sector(user) != task.OwnerSector) return null;
        var plan = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == campaign.PlanId).Select(p => p.Name).SingleAsync(ct);
        var action = await db.Set<PlanAction>().AsNoTracking().SingleAsync(a => a.Id == task.ActionId, ct);
        var row = (await TasksAsync(db, user, db.Set<CampaignTask>().Where(t => t.Id == taskId), ct)).Single();
        var open = campaign.Status == CampaignStatuses.Open;
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.ActionId == action.Id).OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, i.Frequency }).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var from = new DateOnly(campaign.Year, 1, 1);
        var to = new DateOnly(campaign.Year, 12, 31);
        var filed = await db.Set<Measurement>().AsNoTracking()
            .Where(m => ids.Contains(m.IndicatorId) && m.PeriodEnd >= from && m.PeriodEnd <= to && m.Status != MeasurementStatuses.Superseded)
            .Select(m => new { m.IndicatorId, m.Period, m.PeriodEnd, m.Value, m.Status, m.Id }).ToListAsync(ct);
        var due = indicators.Select(i =>
        {
            var last = filed.Where(m => m.IndicatorId == i.Id).OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id).FirstOrDefault();
            return new MeasurementDue(i.Id, i.Code, i.Name, i.Frequency, last?.Period, last?.Value, last?.Status);
        }).ToList();
        return new TaskDetail(row, (await RowsAsync(db, [campaign], ct)).Single(), plan, task.Narrative, task.ReviewNote, task.ReviewedAt, task.ReviewedBy, action,
            open && task.Status != TaskStatuses.Accepted && PlanAccess.CanUpdateProgress(user, task.OwnerSector),
            open && task.Status == TaskStatuses.Submitted && PlanAccess.CanManage(user), due);
    }

    /// <summary>The action's state at the close of each campaign, oldest first, following carry-overs back
    /// to the action it continues (its history in earlier plans).</summary>
    public static async Task<IReadOnlyList<TimelinePoint>> TimelineAsync(AppDbContext db, long actionId, CancellationToken ct)
    {
        var chain = new List<long> { actionId };
        var previous = await db.Set<PlanAction>().AsNoTracking().Where(a => a.Id == actionId).Select(a => a.PreviousActionId).SingleOrDefaultAsync(ct);
        while (previous is { } p && !chain.Contains(p) && chain.Count < 20)
        {
            chain.Add(p);
            previous = await db.Set<PlanAction>().AsNoTracking().Where(a => a.Id == p).Select(a => a.PreviousActionId).SingleOrDefaultAsync(ct);
        }
        var points = await (from s in db.Set<CampaignActionSnapshot>().AsNoTracking()
                            join c in db.Set<MonitoringCampaign>() on s.CampaignId equals c.Id
                            where chain.Contains(s.ActionId) && c.ClosedAt != null
                            select new TimelinePoint(c.Id, c.Name, c.Year, c.ClosedAt!.Value, s.Code, s.Status, s.Progress, s.Late))
            .ToListAsync(ct);
        return points.OrderBy(p => p.ClosedAt).ToList();
    }

    private static async Task<IReadOnlyList<TaskRow>> TasksAsync(AppDbContext db, ClaimsPrincipal user, IQueryable<CampaignTask> tasks, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user))
        {
            if (PlanAccess.Sector(user) is not { } sector) return [];
            tasks = tasks.Where(t => t.OwnerSector == sector);
        }
        var rows = await (from t in tasks.AsNoTracking()
                          join a in db.Set<PlanAction>() on t.ActionId equals a.Id
                          select new TaskRow(t.Id, t.CampaignId, t.ActionId, a.Code, a.Title, t.OwnerSector, t.Status,
                              t.ReportedStatus, t.ReportedProgress, t.SubmittedAt, t.SubmittedBy, t.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.ActionCode, StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<CampaignRow>> RowsAsync(AppDbContext db, IReadOnlyList<MonitoringCampaign> campaigns, CancellationToken ct)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await db.Set<CampaignTask>().AsNoTracking().Where(t => ids.Contains(t.CampaignId))
            .GroupBy(t => new { t.CampaignId, t.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var snapshots = await db.Set<CampaignActionSnapshot>().AsNoTracking().Where(s => ids.Contains(s.CampaignId))
            .GroupBy(s => s.CampaignId)
            .Select(g => new
            {
                CampaignId = g.Key, Actions = g.Count(), ProgressSum = g.Sum(s => s.Progress),
                Completed = g.Count(s => s.Status == ActionStatuses.Completed), Late = g.Count(s => s.Late),
            })
            .ToDictionaryAsync(x => x.CampaignId, ct);
        return campaigns.Select(c =>
        {
            int N(string status) => counts.Where(x => x.CampaignId == c.Id && x.Status == status).Sum(x => x.Count);
            var tasks = new TaskCounts(counts.Where(x => x.CampaignId == c.Id).Sum(x => x.Count), N(TaskStatuses.Pending), N(TaskStatuses.Submitted), N(TaskStatuses.Returned), N(TaskStatuses.Accepted));
            var s = snapshots.GetValueOrDefault(c.Id);
            decimal? average = s is { Actions: > 0 } ? Math.Round((decimal)s.ProgressSum / s.Actions, 1, MidpointRounding.AwayFromZero) : null;
            return new CampaignRow(c.Id, c.PlanId, c.Name, c.Year, c.Deadline, c.ReminderDays, c.Status, c.OpenedAt, c.OpenedBy, c.ClosedAt, c.ClosedBy,
                tasks, s?.Actions, average, s?.Completed, s?.Late, c.SnapshotSha256, c.Version);
        }).ToList();
    }
}
