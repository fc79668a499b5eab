using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Requests;

/// <summary>One request with its thread and service-level clocks; the same handler as GET /api/v1/service-requests/{id}.</summary>
[Authorize]
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public RequestDetail Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await RequestHandlers.GetAsync(db, User, clock, id, ct) is not { } request) return NotFound();
        Item = request;
        return Page();
    }
}
