using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Organisations;

/// <summary>The form that corrects an organisation; it calls the same handler as PUT /api/v1/organizations/{id}.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    [BindProperty]
    public OrganisationRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The stored values, shown after a conflict.</summary>
    public OrganisationDetail? ConflictCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var o = await GetOrganisation.HandleAsync(db, id, ct);
        if (o is null) return NotFound();
        (Id, Name, Version) = (o.Id, o.Name, o.Version);
        Input = OrganisationRequest.From(o);
        await OrganisationForm.LoadOptionsAsync(db, ViewData, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var o = await GetOrganisation.HandleAsync(db, id, ct);
        if (o is null) return NotFound();
        (Id, Name) = (o.Id, o.Name);
        await OrganisationForm.LoadOptionsAsync(db, ViewData, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await this.AnswerAsync(await UpdateOrganisation.HandleAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Organizzazione salvata."].Value, "/organizzazioni/" + id),
            // Keep what the user typed and show what is stored now; a second "Salva" is a deliberate choice.
            async conflict =>
            {
                Version = conflict.CurrentVersion;
                ConflictCurrent = await GetOrganisation.HandleAsync(db, id, ct);
            },
            "Nel frattempo un altro utente ha modificato questa organizzazione. I tuoi dati non sono stati salvati. Confronta con i valori attuali qui sotto e salva di nuovo se vuoi sostituirli.");
    }
}
