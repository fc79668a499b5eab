using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Calls;

/// <summary>The form that registers a call; the same handler as POST /api/v1/funding-calls.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public CallRequest Input { get; set; } = new();

    [BindProperty]
    public string? RulesText { get; set; }

    public IActionResult OnGet()
    {
        if (!FundingAccess.CanManage(User)) return Forbid();
        Input = new CallRequest { Programme = FundingProgrammes.Own, Status = FundingCallStatuses.Open, Issuer = "Città metropolitana di Milano", Recipients = "Comuni" };
        RulesText = "recipients: Comuni";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!FundingAccess.CanManage(User)) return Forbid();
        if (!ModelState.IsValid) return Page();
        var (outcome, id) = await SaveCall.CreateAsync(db, User, clock, Input with { Rules = CallForm.ParseRules(RulesText) }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Bando registrato."].Value, "/finanziamenti/bandi/" + id));
    }
}
