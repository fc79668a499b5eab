using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Web.Modules.StrategicPlan.Actions;

public sealed record TerritoryActionsView(string Title, string Empty, Paged<ActionRow> Actions);

/// <summary>The "Azioni del Piano strategico" section of the Comune and zone pages. A view component,
/// so that the Territory pages include it with one line and know nothing of the plan's model.</summary>
public sealed class PlanActionsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? istatCode = null, string? zoneCode = null)
    {
        var user = HttpContext.User;
        var ct = HttpContext.RequestAborted;
        var actions = istatCode is not null
            ? await ActionsForTerritory.ForMunicipalityAsync(db, user, istatCode, ct)
            : await ActionsForTerritory.ForZoneAsync(db, user, zoneCode ?? "", ct);
        var view = istatCode is not null
            ? new TerritoryActionsView("Le azioni del Piano strategico che riguardano il Comune, direttamente o tramite la sua zona",
                "Nessuna azione dei piani pubblicati riguarda questo Comune.", actions)
            : new TerritoryActionsView("Le azioni del Piano strategico che riguardano la zona o i suoi Comuni",
                "Nessuna azione dei piani pubblicati riguarda questa zona.", actions);
        return View("/Modules/StrategicPlan/Actions/_TerritoryActions.cshtml", view);
    }
}
