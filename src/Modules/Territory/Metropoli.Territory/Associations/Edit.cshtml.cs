using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Associations;

/// <summary>Edits an association and its members; the same handler as PUT /api/v1/associations/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public AssociationForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<(string Code, string Name)> Comuni { get; private set; } = [];
    public AssociationFormView FormView => new(Input, Comuni, "/associazioni/" + Id);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var a = await GetAssociation.HandleAsync(db, id, ct);
        if (a is null) return NotFound();
        (Id, Name, Version) = (a.Id, a.Name, a.Version);
        Comuni = await AssociationForm.ComuniAsync(db, ct);
        Input = AssociationForm.From(a).WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var a = await GetAssociation.HandleAsync(db, id, ct);
        if (a is null) return NotFound();
        (Id, Name) = (a.Id, a.Name);
        Comuni = await AssociationForm.ComuniAsync(db, ct);
        if (!ModelState.IsValid)
        {
            Input.WithBlankRows();
            return Page();
        }
        return await this.AnswerAsync(await SaveAssociation.UpdateAsync(db, User, clock, id, Version, Input.ToRequest(), ct), l,
            () => this.Success(l["Associazione salvata."].Value, "/associazioni/" + id),
            // Keep what the user typed; the stored record is one click away on its page.
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            },
            "Nel frattempo un altro amministratore ha modificato questa associazione. Le tue modifiche non sono state salvate: apri la scheda per vedere i dati attuali, oppure salva di nuovo per sostituirli con i tuoi.",
            again: () =>
            {
                Input.WithBlankRows();
                return Task.FromResult<IActionResult>(Page());
            });
    }
}
