using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The owner sector's update of an action: status, progress, dates, narrative. The same handler
/// as PUT /api/v1/plan-actions/{id}/progress; another sector's officer gets 403.</summary>
public sealed class ProgressModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ActionDetail? Action { get; private set; }
    public bool Conflict { get; private set; }

    [BindProperty]
    public ActionProgressRequest Input { get; set; } = new();

    /// <summary>Dates as text: the culture-aware binder is not trusted with them (see <see cref="ActionForm"/>).</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Data di inizio")]
    public string? StartDate { get; set; }

    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Data di fine")]
    public string? EndDate { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Action = await GetAction.HandleAsync(db, User, id, ct);
        if (Action is null) return NotFound();
        if (!PlanAccess.CanUpdateProgress(User, Action.OwnerSector)) return Forbid();
        Version = Action.Version;
        Input = new ActionProgressRequest { Status = Action.Status, Progress = Action.Progress, Narrative = Action.Narrative };
        StartDate = Action.StartDate is { } s ? Formats.Iso(s) : null;
        EndDate = Action.EndDate is { } e ? Formats.Iso(e) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Action = await GetAction.HandleAsync(db, User, id, ct);
        if (Action is null) return NotFound();
        if (!Formats.TryParseDate(StartDate, out var start)) ModelState.AddModelError(nameof(StartDate), l[Formats.DateError]);
        if (!Formats.TryParseDate(EndDate, out var end)) ModelState.AddModelError(nameof(EndDate), l[Formats.DateError]);
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await SaveAction.UpdateProgressAsync(db, User, clock, id, Version, Input with { StartDate = start, EndDate = end }, ct), l,
            () => this.Success(l["Avanzamento aggiornato."].Value, "/piano/azioni/" + id),
            // Keep what the user typed and show what is stored now; a second "Salva" is a deliberate choice.
            conflict =>
            {
                Version = conflict.CurrentVersion;
                Conflict = true;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questa azione. I tuoi dati non sono stati salvati: confronta con i valori attuali e salva di nuovo se vuoi sostituirli.");
    }
}
