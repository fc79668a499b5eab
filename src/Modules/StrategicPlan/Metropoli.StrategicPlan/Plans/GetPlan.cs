using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>An act of a political body: "Consiglio metropolitano, deliberazione n. 12 del 3 marzo 2023".</summary>
public sealed record PlanAct(string Body, string Number, DateOnly Date);

public sealed record PlanDetail(long Id, string Name, int StartYear, int EndYear, string? Description, string Status,
    string? NextStatus, PlanAct? AdoptionAct, PlanAct? ApprovalAct, long? PreviousPlanId, string? PreviousPlanName,
    IReadOnlyList<PlanStatusCount> ActionsByStatus, int Areas, int Objectives, int Actions,
    DateTimeOffset UpdatedAt, int Version);

public sealed record PlanStatusCount(string Status, int Count);

public static class GetPlan
{
    /// <summary><see cref="HandleAsync"/> from the <see cref="ReadCache"/>, for pages that show the plan's heading
    /// and counts (not for its edit forms, which need the current version).</summary>
    public static Task<PlanDetail?> CachedAsync(ReadCache cache, ClaimsPrincipal user, long id, CancellationToken ct) =>
        cache.GetAsync($"plan-detail:{id}:{PlanAccess.CanSeeDrafts(user)}", StrategicPlanModule.ReadModel, (db, t) => HandleAsync(db, user, id, t), ct);

    /// <summary>The plan, or null when it does not exist or the user may not see it (a draft).</summary>
    public static async Task<PlanDetail?> HandleAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var p = await db.Set<Plan>().AsNoTracking().Visible(user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var previous = p.PreviousPlanId is { } prev
            ? await db.Set<Plan>().AsNoTracking().Visible(user).Where(x => x.Id == prev).Select(x => x.Name).SingleOrDefaultAsync(ct)
            : null;
        var byStatus = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == id)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = ActionStatuses.All.Select(s => new PlanStatusCount(s, byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0)).ToList();
        var areas = await db.Set<PlanArea>().CountAsync(a => a.PlanId == id, ct);
        var objectives = await db.Set<PlanObjective>().CountAsync(o => o.PlanId == id, ct);
        return new PlanDetail(p.Id, p.Name, p.StartYear, p.EndYear, p.Description, p.Status, PlanStatuses.Next(p.Status),
            Act(p.AdoptionActBody, p.AdoptionActNumber, p.AdoptionActDate), Act(p.ApprovalActBody, p.ApprovalActNumber, p.ApprovalActDate),
            previous is null ? null : p.PreviousPlanId, previous, counts, areas, objectives, counts.Sum(c => c.Count),
            new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero), p.Version);
    }

    private static PlanAct? Act(string? body, string? number, DateOnly? date) =>
        body is not null && number is not null && date is { } d ? new PlanAct(body, number, d) : null;
}
