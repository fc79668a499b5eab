using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

public sealed record AreaNode(long Id, string Code, string Title, string? Description, string Kind, int SortOrder, int Version,
    IReadOnlyList<ObjectiveNode> Objectives, int Actions, int AverageProgress);

public sealed record ObjectiveNode(long Id, string Code, string Title, string? Description, int SortOrder, int Version, int Actions, int AverageProgress);

/// <summary>The first two levels of a plan's tree, with how many actions hang below each node and
/// their average progress (unweighted: the plan gives actions no weights).</summary>
public static class PlanTree
{
    public static async Task<List<AreaNode>?> HandleAsync(AppDbContext db, ClaimsPrincipal user, long planId, CancellationToken ct)
    {
        if (await StructureRules.PlanStatusAsync(db, user, planId, ct) is null) return null;
        var areas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Code).ToListAsync(ct);
        var objectives = await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == planId).OrderBy(o => o.SortOrder).ThenBy(o => o.Code).ToListAsync(ct);
        var stats = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId)
            .GroupBy(a => a.ObjectiveId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(a => a.Progress) })
            .ToDictionaryAsync(x => x.Key, ct);
        return areas.Select(a =>
        {
            var nodes = objectives.Where(o => o.AreaId == a.Id).Select(o =>
            {
                var s = stats.GetValueOrDefault(o.Id);
                return new ObjectiveNode(o.Id, o.Code, o.Title, o.Description, o.SortOrder, o.Version, s?.Count ?? 0, s is { Count: > 0 } ? s.Sum / s.Count : 0);
            }).ToList();
            var count = nodes.Sum(n => n.Actions);
            var sum = objectives.Where(o => o.AreaId == a.Id).Sum(o => stats.GetValueOrDefault(o.Id)?.Sum ?? 0);
            return new AreaNode(a.Id, a.Code, a.Title, a.Description, a.Kind, a.SortOrder, a.Version, nodes, count, count > 0 ? sum / count : 0);
        }).ToList();
    }
}
