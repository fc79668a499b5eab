using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>The choices of the objective form: the areas of the plan.</summary>
public static class ObjectiveForm
{
    public static async Task LoadOptionsAsync(AppDbContext db, long planId, ViewDataDictionary viewData, CancellationToken ct)
    {
        var areas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct);
        viewData["Areas"] = areas.Select(a => (a.Id, a.Code + " " + a.Title)).ToList();
    }
}
