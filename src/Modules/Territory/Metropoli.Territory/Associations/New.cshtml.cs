using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Associations;

/// <summary>Registers an association; the same handler as POST /api/v1/associations.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public AssociationForm Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Comuni { get; private set; } = [];
    public AssociationFormView FormView => new(Input, Comuni, "/associazioni");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Comuni = await AssociationForm.ComuniAsync(db, ct);
        Input = new AssociationForm { Kind = Model.AssociationKinds.Union }.WithBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Comuni = await AssociationForm.ComuniAsync(db, ct);
        if (!ModelState.IsValid)
        {
            Input.WithBlankRows();
            return Page();
        }
        var (outcome, id) = await SaveAssociation.CreateAsync(db, User, clock, Input.ToRequest(), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Associazione registrata."].Value, "/associazioni/" + id),
            again: () =>
            {
                Input.WithBlankRows();
                return Task.FromResult<IActionResult>(Page());
            });
    }
}
