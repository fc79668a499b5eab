using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Catalogue;

/// <summary>One service; the same handler as GET /api/v1/services/{slug}.</summary>
[AllowAnonymous]
public sealed class ServiceModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public ServiceDetail Service { get; private set; } = null!;

    /// <summary>The agreement through which the signed-in officer's Comune has joined, if any.</summary>
    public long? Adhesion { get; private set; }

    public string? Comune { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await CatalogueHandlers.GetAsync(db, clock, slug, ct) is not { } service) return NotFound();
        Service = service;
        Comune = ServiceAccess.Municipality(User);
        if (Comune is { } istat) Adhesion = await CatalogueHandlers.AdhesionAsync(db, clock, service.Id, istat, ct);
        return Page();
    }
}
