using Metropoli.Platform.Data;
using Metropoli.Services.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Catalogue;

/// <summary>One service; the same handler as GET /api/v1/services/{slug}. The municipality officer of a Comune that has
/// joined sends a request from here (the same handler as POST /api/v1/service-requests).</summary>
[AllowAnonymous]
public sealed class ServiceModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ServiceDetail Service { get; private set; } = null!;

    /// <summary>The agreement through which the signed-in officer's Comune has joined, if any.</summary>
    public long? Adhesion { get; private set; }

    public string? Comune { get; private set; }

    [BindProperty]
    public NewRequestInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var (outcome, id) = await RequestHandlers.CreateAsync(db, User, clock, Input with { Service = slug }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Richiesta inviata."].Value, $"/casa-dei-comuni/richieste/{id}"));
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await CatalogueHandlers.GetAsync(db, clock, slug, ct) is not { } service) return false;
        Service = service;
        Comune = ServiceAccess.Municipality(User);
        if (Comune is { } istat) Adhesion = await CatalogueHandlers.AdhesionAsync(db, clock, service.Id, istat, ct);
        return true;
    }
}
