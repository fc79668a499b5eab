using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Requests;

/// <summary>The requests the user may see; the same handler as GET /api/v1/service-requests.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public Paged<RequestRow> Requests { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Requests = await RequestHandlers.ListAsync(db, User, new ListQuery { Limit = ListQuery.MaxLimit }, new RequestFilter(), ct);
}
