using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Obligations;

/// <summary>The status and evidence of an obligation; the same handler as PUT /api/v1/agreement-obligations/{id}/status.</summary>
public sealed class UpdateModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ObligationDetail? Obligation { get; private set; }

    [BindProperty]
    public ObligationStatusRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Obligation = await SaveObligation.GetAsync(db, User, clock, id, ct);
        if (Obligation is null) return NotFound();
        Version = Obligation.Version;
        Input = new ObligationStatusRequest { Status = Obligation.Status, CompletedOn = Obligation.CompletedOn, EvidenceNote = Obligation.EvidenceNote };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Obligation = await SaveObligation.GetAsync(db, User, clock, id, ct);
        if (Obligation is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await SaveObligation.UpdateStatusAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Obbligo aggiornato."].Value, $"/intese/{Obligation.AgreementId}#obblighi"),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha aggiornato questo obbligo: controlla i dati attuali e salva di nuovo.");
    }
}
