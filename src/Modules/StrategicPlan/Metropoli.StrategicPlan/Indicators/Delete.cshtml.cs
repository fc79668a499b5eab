using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>The confirmation step before deleting an indicator: what goes with it, the rule, a checkbox;
/// the same handler as DELETE /api/v1/indicators/{id}.</summary>
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public IndicatorDetail? Indicator { get; private set; }
    public DeleteIndicator.Impact? Impact { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>An approved plan's indicator with validated values stays: the form is not offered.</summary>
    public bool Refused => Indicator?.PlanStatus == Model.PlanStatuses.Approved && Impact?.Validated > 0;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Indicator!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per eliminare."]);
            return Page();
        }
        var outcome = await DeleteIndicator.HandleAsync(db, User, id, Version, ct);
        return await this.AnswerAsync(outcome, l,
            () => this.Success(l["Indicatore eliminato."].Value, Indicator!.ActionId is { } action ? "/piano/azioni/" + action : "/piano/obiettivi/" + Indicator.ObjectiveId),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questo indicatore: controlla i dati attuali e riprova.");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Indicator = await GetIndicator.HandleAsync(db, User, id, ct);
        if (Indicator is null) return false;
        Impact = await DeleteIndicator.ImpactAsync(db, id, ct);
        return true;
    }
}
