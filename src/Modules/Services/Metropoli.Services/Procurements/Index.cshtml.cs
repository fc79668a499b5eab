using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Procurements;

/// <summary>The procedures of the Stazione Unica Appaltante; the same handler as GET /api/v1/procurements.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public Paged<ProcurementRow> Procurements { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Procurements = await ProcurementHandlers.ListAsync(db, new ListQuery { Limit = ListQuery.MaxLimit }, new ProcurementFilter(), ct);
}
