using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Procurements;

/// <summary>The procedures of the Stazione Unica Appaltante, a page at a time (20, like the other lists); the same handler
/// as GET /api/v1/procurements, from the read cache for the first pages.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ProcurementFilter Filter { get; set; } = new();

    public Paged<ProcurementRow> Procurements { get; private set; } = new([], 0, 0, 0);

    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || ProcurementHandlers.Validate(Query, Filter).Count > 0)
        {
            Query = new ListQuery();
            Filter = new ProcurementFilter();
        }
        Procurements = await ProcurementHandlers.CachedAsync(cache, db, Query, Filter, ct);
        Pager = Pager.From(Request, Procurements.Total, Procurements.Limit, Procurements.Offset);
    }
}
