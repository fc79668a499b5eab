using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Procurements;

public sealed record ProcurementFieldsView(ProcurementForm Form, List<ProcurementForm.Choice> Comuni, List<ProcurementForm.Choice>? Services);

/// <summary>The office edits a procedure: phases, bids, award (PUT /api/v1/procurements/{id}, the posted version standing
/// for If-Match). Phases out of order: the form again with the field's message.</summary>
[Authorize]
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ProcurementRow Item { get; private set; } = null!;

    public ProcurementFieldsView Fields { get; private set; } = null!;

    [BindProperty]
    public ProcurementForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ProcurementHandlers.GetAsync(db, id, ct) is not { } p) return NotFound();
        var sector = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Set<Model.SharedService>(), s => s.Slug == p.Service), s => s.OfficeSector), ct);
        if (!ServiceAccess.IsOffice(User, sector)) return Forbid();
        Input = ProcurementForm.From(p);
        Version = p.Version;
        return await LoadAsync(p, ct);
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await ProcurementHandlers.GetAsync(db, id, ct) is not { } p) return NotFound();
        await LoadAsync(p, ct);
        return await this.AnswerAsync(await ProcurementHandlers.UpdateAsync(db, User, clock, id, Version, Input.ToInput(null), ct), l,
            () => this.Success(l["Procedura aggiornata."].Value, $"/casa-dei-comuni/procedure#p{id}"),
            async conflict => { Version = conflict.CurrentVersion; await Task.CompletedTask; });
    }

    private async Task<IActionResult> LoadAsync(ProcurementRow p, CancellationToken ct)
    {
        Item = p;
        var (comuni, _) = await ProcurementForm.ChoicesAsync(db, ct);
        Fields = new ProcurementFieldsView(Input, comuni, null);
        return Page();
    }
}
