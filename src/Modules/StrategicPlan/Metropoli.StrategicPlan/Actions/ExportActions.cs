using System.Security.Claims;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The action list's CSV download: same filters, same handler, every matching row.</summary>
public static class ExportActions
{
    public static void MapActionsExport(this WebApplication app) =>
        app.MapGet("/piano/{id:long}/azioni/export.csv", async (long id, [AsParameters] ListQuery query, [AsParameters] ActionFilter filter,
                ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                if (await GetPlan.HandleAsync(db, user, id, ct) is null)
                {
                    return OutcomeHttp.NotFound(PlanAccess.PlanNotFound);
                }
                var all = query with { Limit = 100_000, Offset = 0 };
                if (ListActions.Validate(query with { Limit = null, Offset = null }, filter).Count > 0)
                {
                    all = new ListQuery { Limit = 100_000 };
                    filter = new ActionFilter();
                }
                var page = await ListActions.HandleAsync(db, user, all, filter with { Plan = id }, ct);
                return Csv.File($"piano-{id}-azioni.csv",
                    ["plan", "area_code", "area_title", "objective_code", "objective_title", "action_code", "action_title", "owner_sector",
                        "status", "progress", "start_date", "end_date", "budget", "dup_programme"],
                    page.Items, a => [a.PlanName, a.AreaCode, a.AreaTitle, a.ObjectiveCode, a.ObjectiveTitle, a.Code, a.Title, a.OwnerSector,
                        a.Status, a.Progress, a.StartDate, a.EndDate, a.Budget, a.DupProgramme]);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
