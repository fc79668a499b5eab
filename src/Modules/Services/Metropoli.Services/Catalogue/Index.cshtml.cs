using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Catalogue;

/// <summary>The catalogue of the Casa dei Comuni; the same handler as GET /api/v1/services.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Paged<ServiceRow> Services { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Services = await CatalogueHandlers.ListAsync(db, clock, new ListQuery { Limit = ListQuery.MaxLimit }, ct);
}
