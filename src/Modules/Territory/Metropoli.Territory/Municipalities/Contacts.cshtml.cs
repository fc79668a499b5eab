using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Municipalities;

/// <summary>The form for the contacts; it calls the same handler as PUT /api/v1/municipalities/{istat}/contacts.</summary>
public sealed class ContactsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public string IstatCode { get; private set; } = "";
    public string Name { get; private set; } = "";

    [BindProperty]
    public ContactsRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The stored values, shown after a conflict.</summary>
    public ContactsRequest? ConflictCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string istatCode, CancellationToken ct)
    {
        var m = await GetMunicipality.HandleAsync(db, istatCode, ct);
        if (m is null) return NotFound();
        if (!UpdateContacts.CanEdit(User, istatCode)) return Forbid();
        (IstatCode, Name, Version) = (m.IstatCode, m.Name, m.Version);
        Input = new ContactsRequest { Website = m.Website, Pec = m.Pec, Phone = m.Phone };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string istatCode, CancellationToken ct)
    {
        var m = await GetMunicipality.HandleAsync(db, istatCode, ct);
        if (m is null) return NotFound();
        (IstatCode, Name) = (m.IstatCode, m.Name);
        var outcome = await UpdateContacts.HandleAsync(db, User, clock, istatCode, Version, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Contatti salvati."].Value, "/comuni/" + istatCode),
            // Keep what the user typed and show what is stored now; a second "Salva" is a deliberate choice.
            async conflict =>
            {
                var current = await GetMunicipality.HandleAsync(db, istatCode, ct);
                Version = conflict.CurrentVersion;
                ConflictCurrent = current is null ? null : new ContactsRequest { Website = current.Website, Pec = current.Pec, Phone = current.Phone };
            },
            "Nel frattempo un altro utente ha modificato questi contatti. I tuoi dati non sono stati salvati. Confronta con i valori attuali qui sotto e salva di nuovo se vuoi sostituirli.");
    }
}
