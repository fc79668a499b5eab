using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Catalogue;

/// <summary>The catalogue of the Casa dei Comuni, a page at a time; the same handler as GET /api/v1/services, from the
/// read cache.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, ReadCache cache, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public Paged<ServiceRow> Services { get; private set; } = new([], 0, 0, 0);

    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Query.Validate([]).Count > 0) Query = new ListQuery();
        Services = await CatalogueHandlers.CachedAsync(cache, db, clock, Query, ct);
        Pager = Pager.From(Request, Services.Total, Services.Limit, Services.Offset);
    }
}
