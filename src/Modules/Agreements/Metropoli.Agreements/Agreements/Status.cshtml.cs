using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Agreements;

/// <summary>A step of an agreement's life with its reason; it calls the same handler as
/// POST /api/v1/agreements/{id}/transitions, and needs an explicit confirmation.</summary>
public sealed class StatusModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public AgreementDetail? Agreement { get; private set; }

    [BindProperty]
    public AgreementTransitionRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Agreement = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (Agreement is null) return NotFound();
        if (!AgreementAccess.CanEdit(User, Agreement.OwnerSector)) return Forbid();
        Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Agreement = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (Agreement is null) return NotFound();
        if (!Confirm) ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per cambiare lo stato."]);
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await TransitionAgreement.HandleAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Stato dell'intesa aggiornato."].Value, "/intese/" + id),
            _ =>
            {
                Version = Agreement.Version;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questa intesa: controlla lo stato attuale e riprova.",
            invalid: invalid =>
            {
                ModelState.AddFieldErrors(invalid.Errors, "Input.", l);
                // Errors about the agreement as a whole (its parties, its act) belong at the top of the form.
                foreach (var key in new[] { "Input.Status", "Input.Parties" })
                {
                    if (ModelState.TryGetValue(key, out var entry)) foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(string.Empty, e.ErrorMessage);
                }
            });
    }
}
