using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>The next step of a plan's life, with its act; it calls the same handler as
/// POST /api/v1/plans/{id}/transitions. A step cannot be undone, so it needs an explicit confirmation.</summary>
public sealed class StatusModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public PlanDetail? Plan { get; private set; }

    [BindProperty]
    public TransitionRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        if (Plan is null) return NotFound();
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        if (Plan is null) return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per cambiare lo stato."]);
        }
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await TransitionPlan.HandleAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Stato del piano aggiornato."].Value, "/piano/" + id),
            _ =>
            {
                Version = Plan.Version;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questo piano: controlla lo stato attuale e riprova.");
    }
}
