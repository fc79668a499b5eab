using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>What the action page shows about the action's indicators (partial _ActionIndicators.cshtml).</summary>
public sealed record ActionIndicatorsView(long ActionId, IReadOnlyList<IndicatorRow> Rows, bool CanManage);

public static class ActionIndicators
{
    /// <summary>Loaded by the action page: the action's indicators with achievement and status.</summary>
    public static async Task<ActionIndicatorsView> LoadAsync(AppDbContext db, ClaimsPrincipal user, long actionId, bool planOpen, CancellationToken ct)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.ActionId == actionId).OrderBy(i => i.Code).ToListAsync(ct);
        return new ActionIndicatorsView(actionId, await ListIndicators.RowsAsync(db, user, indicators, ct), planOpen && PlanAccess.CanManage(user));
    }
}
