using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>Edits or deletes an area; the same handlers as PUT and DELETE /api/v1/plan-areas/{id}.</summary>
public sealed class AreaEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public AreaDetail? Area { get; private set; }

    [BindProperty]
    public AreaRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Area = await SaveArea.GetAsync(db, User, id, ct);
        if (Area is null) return NotFound();
        Version = Area.Version;
        Input = new AreaRequest { Code = Area.Code, Title = Area.Title, Description = Area.Description, Kind = Area.Kind, SortOrder = Area.SortOrder };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Area = await SaveArea.GetAsync(db, User, id, ct);
        if (Area is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await AfterAsync(await SaveArea.UpdateAsync(db, User, clock, id, Version, Input, ct), l["Area salvata."], id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        Area = await SaveArea.GetAsync(db, User, id, ct);
        if (Area is null) return NotFound();
        Input = new AreaRequest { Code = Area.Code, Title = Area.Title, Description = Area.Description, Kind = Area.Kind, SortOrder = Area.SortOrder };
        ModelState.Clear();
        if (!ConfirmDelete)
        {
            ModelState.AddModelError(string.Empty, l["Spunta la conferma per eliminare."]);
            return Page();
        }
        return await AfterAsync(await SaveArea.DeleteAsync(db, User, id, Version, ct), l["Area eliminata."], id, ct);
    }

    private Task<IActionResult> AfterAsync(Outcome outcome, string done, long id, CancellationToken ct) =>
        this.AnswerAsync(outcome, l, () => this.Success(done, "/piano/" + Area!.PlanId), async conflict =>
        {
            Version = conflict.CurrentVersion;
            Area = await SaveArea.GetAsync(db, User, id, ct);
        });
}
