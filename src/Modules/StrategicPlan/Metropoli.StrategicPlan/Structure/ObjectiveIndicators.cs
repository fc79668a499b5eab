using System.Security.Claims;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>The indicators of an objective: those attached to it directly and those of its actions, with
/// their achievement and status from the same rows as the indicator list (validated values only).</summary>
public static class ObjectiveIndicators
{
    public static async Task<IReadOnlyList<IndicatorRow>> HandleAsync(AppDbContext db, ClaimsPrincipal user, long objectiveId, CancellationToken ct)
    {
        var actionIds = db.Set<PlanAction>().Where(a => a.ObjectiveId == objectiveId).Select(a => a.Id);
        var indicators = await (from i in db.Set<Indicator>().AsNoTracking()
                                join p in db.Set<Plan>().Visible(user) on i.PlanId equals p.Id
                                where i.ObjectiveId == objectiveId || (i.ActionId != null && actionIds.Contains(i.ActionId.Value))
                                orderby i.Code
                                select i).ToListAsync(ct);
        return await ListIndicators.RowsAsync(db, user, indicators, ct);
    }
}
