using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Calls;

/// <summary>The form that edits a call and its rules; the same handler as PUT /api/v1/funding-calls/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long Id { get; private set; }
    public string Title { get; private set; } = "";

    [BindProperty]
    public CallRequest Input { get; set; } = new();

    [BindProperty]
    public string? RulesText { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await GetCall.HandleAsync(db, id, ct) is not { } c) return NotFound();
        if (!FundingAccess.CanManage(User)) return Forbid();
        (Id, Title, Version) = (c.Id, c.Title, c.Version);
        Input = new CallRequest
        {
            Title = c.Title, Issuer = c.Issuer, IssuerTaxCode = c.IssuerTaxCode, Programme = c.Programme, MeasureCode = c.MeasureCode, Themes = c.Themes,
            Recipients = c.Recipients, PartnersMin = c.PartnersMin, PartnersMax = c.PartnersMax, CofinancingPercent = c.CofinancingPercent, Budget = c.Budget,
            OpensOn = c.OpensOn, ClosesOn = c.ClosesOn, Link = c.Link, Status = c.Status,
        };
        RulesText = CallForm.FormatRules(c.Rules);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await GetCall.HandleAsync(db, id, ct) is not { } c) return NotFound();
        if (!FundingAccess.CanManage(User)) return Forbid();
        (Id, Title) = (c.Id, c.Title);
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await SaveCall.UpdateAsync(db, User, clock, id, Version, Input with { Rules = CallForm.ParseRules(RulesText) }, ct), l,
            () => this.Success(l["Bando salvato."].Value, "/finanziamenti/bandi/" + id),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            });
    }
}
