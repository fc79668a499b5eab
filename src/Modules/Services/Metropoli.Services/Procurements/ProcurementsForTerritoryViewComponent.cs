using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Services.Procurements;

public sealed record ProcurementsSection(string Heading, string Empty, string MoreUrl, Paged<ProcurementRow> Procurements);

/// <summary>The procedures of the Stazione Unica Appaltante that serve a Comune, or the Comuni of a zone, on their pages.</summary>
public sealed class ProcurementsForTerritoryViewComponent(AppDbContext db, ReadCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SectionContext context)
    {
        var comune = context.Page == SectionPages.Comune;
        var filter = comune ? new ProcurementFilter { Municipality = context.Key } : new ProcurementFilter { Zone = context.Key };
        // Only the Comune's (or the zone's) rows, found from the Comuni's side; from the read cache (public data).
        var page = await ProcurementHandlers.CachedAsync(cache, db, new ListQuery { Limit = 10 }, filter, HttpContext.RequestAborted);
        var view = new ProcurementsSection(comune ? "Gare della Stazione Unica Appaltante per il Comune" : "Gare della Stazione Unica Appaltante nella zona",
            "Nessuna procedura della Stazione Unica Appaltante.", "/casa-dei-comuni/procedure", page);
        return View("/Modules/Services/Procurements/_ProcurementsSection.cshtml", view);
    }
}
