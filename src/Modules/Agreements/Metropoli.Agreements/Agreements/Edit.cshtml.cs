using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Agreements;

/// <summary>The form that edits an agreement's data; it calls the same handler as PUT /api/v1/agreements/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long Id { get; private set; }
    public string Title { get; private set; } = "";

    [BindProperty]
    public AgreementRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var a = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (a is null) return NotFound();
        if (!a.CanEdit) return Forbid();
        (Id, Title, Version) = (a.Id, a.Title, a.Version);
        Input = new AgreementRequest
        {
            Number = a.Number, Title = a.Title, Type = a.Type, Subject = a.Subject, LegalBasis = a.LegalBasis,
            ApprovalActBody = a.ApprovalAct?.Body, ApprovalActNumber = a.ApprovalAct?.Number, ApprovalActDate = a.ApprovalAct?.Date,
            SignatureDate = a.SignatureDate, EffectiveDate = a.EffectiveDate, ExpiryDate = a.ExpiryDate, DurationMonths = a.DurationMonths,
            AutoRenewal = a.AutoRenewal, Value = a.Value, Funding = a.Funding, Visibility = a.Visibility, OwnerSector = a.OwnerSector, AlertDays = a.AlertDays,
            Themes = a.Themes.Select(t => t.Code).ToList(), Municipalities = a.Municipalities.Select(m => m.Code).ToList(), Zones = a.Zones.Select(z => z.Code).ToList(),
            ObjectiveIds = a.Objectives.Select(o => o.Id).ToList(), ActionIds = a.Actions.Select(x => x.Id).ToList(),
        };
        ViewData["Options"] = await AgreementFormOptions.LoadAsync(db, User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var a = await GetAgreement.HandleAsync(db, User, clock, id, ct);
        if (a is null) return NotFound();
        (Id, Title) = (a.Id, a.Title);
        ViewData["Options"] = await AgreementFormOptions.LoadAsync(db, User, ct);
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await SaveAgreement.UpdateAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Intesa salvata."].Value, "/intese/" + id),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro utente ha modificato questa intesa. I tuoi dati non sono stati salvati: ricarica la pagina per vedere i valori attuali, oppure salva di nuovo per sostituirli.");
    }
}
