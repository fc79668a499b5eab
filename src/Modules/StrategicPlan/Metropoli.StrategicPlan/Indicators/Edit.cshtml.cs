using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>Edits an indicator and its targets; the same handler as PUT /api/v1/indicators/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public IndicatorDetail? Indicator { get; private set; }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Indicator = await GetIndicator.HandleAsync(db, User, id, ct);
        if (Indicator is null) return NotFound();
        Input = IndicatorForm.From(Indicator);
        Version = Indicator.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Indicator = await GetIndicator.HandleAsync(db, User, id, ct);
        if (Indicator is null) return NotFound();
        var request = Input.ToRequest(ModelState, "Input.", l);
        if (request is null) return Page();
        return await this.AnswerAsync(await SaveIndicator.UpdateAsync(db, User, clock, id, Version, request, ct), l,
            () => this.Success(l["Indicatore salvato."].Value, "/piano/indicatori/" + id),
            _ =>
            {
                Version = Indicator.Version;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questo indicatore: controlla i dati attuali e riprova.");
    }
}
