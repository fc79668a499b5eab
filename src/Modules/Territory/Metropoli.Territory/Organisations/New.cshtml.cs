using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Organisations;

/// <summary>The form that adds an organisation; it calls the same handler as POST /api/v1/organizations.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public OrganisationRequest Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => OrganisationForm.LoadOptionsAsync(db, ViewData, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await OrganisationForm.LoadOptionsAsync(db, ViewData, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, id) = await CreateOrganisation.HandleAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Organizzazione salvata."].Value, "/organizzazioni/" + id));
    }
}
