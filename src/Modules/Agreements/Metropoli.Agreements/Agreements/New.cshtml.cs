using Metropoli.Agreements.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Agreements;

/// <summary>The form that registers a proposal; it calls the same handler as POST /api/v1/agreements.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public AgreementRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!AgreementAccess.CanCreate(User)) return Forbid();
        Input = new AgreementRequest { Type = AgreementTypes.Protocol, Visibility = AgreementVisibility.Public, OwnerSector = AgreementAccess.Sector(User) };
        ViewData["Options"] = await AgreementFormOptions.LoadAsync(db, User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!AgreementAccess.CanCreate(User)) return Forbid();
        ViewData["Options"] = await AgreementFormOptions.LoadAsync(db, User, ct);
        if (!ModelState.IsValid) return Page();
        var (outcome, id) = await SaveAgreement.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Proposta di intesa registrata."].Value, "/intese/" + id));
    }
}
