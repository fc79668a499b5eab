using System.Security.Claims;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The action list's CSV download: same filters, same handler, every matching row.</summary>
public static class ExportActions
{
    public static readonly ExportColumn<ActionRow>[] Columns =
    [
        new("plan", "Piano", a => a.PlanName), new("area_code", "Codice area", a => a.AreaCode), new("area_title", "Area", a => a.AreaTitle),
        new("objective_code", "Codice obiettivo", a => a.ObjectiveCode), new("objective_title", "Obiettivo", a => a.ObjectiveTitle),
        new("action_code", "Codice azione", a => a.Code), new("action_title", "Azione", a => a.Title), new("owner_sector", "Settore responsabile", a => a.OwnerSector, (a, n) => n.Sector(a.OwnerSector)),
        new("status", "Stato", a => a.Status, (a, _) => Model.ActionStatuses.Label(a.Status)), new("progress", "Avanzamento (%)", a => a.Progress), new("start_date", "Data di inizio", a => a.StartDate),
        new("end_date", "Data di fine", a => a.EndDate), new("budget", "Budget (euro)", a => a.Budget), new("dup_programme", "Programma DUP", a => a.DupProgramme),
    ];

    public static void MapActionsExport(this WebApplication app)
    {
        app.MapGet("/piano/{id:long}/azioni/export.csv", (long id, [AsParameters] ListQuery query, [AsParameters] ActionFilter filter,
                ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) => ExportAsync(id, query, filter, user, db, context, ct))
            .AllowAnonymous()
            .ExcludeFromDescription();
        // The open-data catalogue's stable address (ADR 0044): the same file, for the plan in force.
        app.MapGet("/piano/in-vigore/azioni.csv", async (ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                await Desk.PlanDesk.CurrentPlanAsync(db, ct) is { } plan
                    ? await ExportAsync(plan.Id, new ListQuery(), new ActionFilter(), user, db, context, ct)
                    : OutcomeHttp.NotFound("Nessun piano in vigore."))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ExportAsync(long id, ListQuery query, ActionFilter filter, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct)
    {
        if (await GetPlan.HandleAsync(db, user, id, ct) is not { } plan)
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
        return Downloads.File(context, $"azioni-piano-{plan.StartYear}-{plan.EndYear}", "Azioni " + plan.Name, Columns, page.Items);
    }
}
