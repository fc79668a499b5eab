using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>Edits or deletes an objective; the same handlers as PUT and DELETE /api/v1/plan-objectives/{id}.</summary>
public sealed class ObjectiveEditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ObjectiveDetail? Objective { get; private set; }

    [BindProperty]
    public ObjectiveRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Objective!.Version;
        Input = Current();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await AfterAsync(await SaveObjective.UpdateAsync(db, User, clock, id, Version, Input, ct), l["Obiettivo salvato."], id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Current();
        ModelState.Clear();
        if (!ConfirmDelete)
        {
            ModelState.AddModelError(string.Empty, l["Spunta la conferma per eliminare."]);
            return Page();
        }
        return await AfterAsync(await SaveObjective.DeleteAsync(db, User, id, Version, ct), l["Obiettivo eliminato."], id, ct);
    }

    private ObjectiveRequest Current() => new()
    {
        AreaId = Objective!.AreaId, Code = Objective.Code, Title = Objective.Title, Description = Objective.Description, SortOrder = Objective.SortOrder,
    };

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Objective = await SaveObjective.GetAsync(db, User, id, ct);
        if (Objective is null) return false;
        await ObjectiveForm.LoadOptionsAsync(db, Objective.PlanId, ViewData, ct);
        return true;
    }

    private Task<IActionResult> AfterAsync(Outcome outcome, string done, long id, CancellationToken ct) =>
        this.AnswerAsync(outcome, l, () => this.Success(done, "/piano/" + Objective!.PlanId), async conflict =>
        {
            Version = conflict.CurrentVersion;
            await LoadAsync(id, ct);
        });
}
