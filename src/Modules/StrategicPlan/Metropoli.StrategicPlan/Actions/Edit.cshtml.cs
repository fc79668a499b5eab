using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>Edits or deletes an action (plan office); the same handlers as PUT and DELETE /api/v1/plan-actions/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ActionDetail? Action { get; private set; }
    public bool Conflict { get; private set; }

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Action!.Version;
        Input = ActionForm.From(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var request = Input.ToRequest(ModelState, l);
        if (!ModelState.IsValid || request is null) return Page();
        return await AfterAsync(await SaveAction.UpdateAsync(db, User, clock, id, Version, request, ct), id, deleted: false, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ActionForm.From(Action!);
        ModelState.Clear();
        if (!ConfirmDelete)
        {
            ModelState.AddModelError(string.Empty, l["Spunta la conferma per eliminare."]);
            return Page();
        }
        return await AfterAsync(await SaveAction.DeleteAsync(db, User, id, Version, ct), id, deleted: true, ct);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Action = await GetAction.HandleAsync(db, User, id, ct);
        if (Action is null) return false;
        ViewData["ActionOptions"] = await ActionFormOptions.LoadAsync(db, Action.PlanId, ct);
        return true;
    }

    private async Task<IActionResult> AfterAsync(Outcome outcome, long id, bool deleted, CancellationToken ct)
    {
        return await this.AnswerAsync(outcome, l,
            () => this.Success(deleted ? l["Azione eliminata."].Value : l["Azione salvata."].Value, deleted ? "/piano/" + Action!.PlanId : "/piano/azioni/" + id),
            // Keep what the user typed; the stored values are one link away. A second "Salva" is a deliberate choice.
            async conflict =>
            {
                Version = conflict.CurrentVersion;
                Conflict = true;
                await LoadAsync(id, ct);
            },
            "Nel frattempo un altro utente ha modificato questa azione. I tuoi dati non sono stati salvati: confronta con i valori attuali e salva di nuovo se vuoi sostituirli.");
    }
}
