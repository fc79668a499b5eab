using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Municipalities;

/// <summary>The form for the mayor; it calls the same handler as PUT /api/v1/municipalities/{istat}/mayor.</summary>
public sealed class MayorModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public string IstatCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public MayorInfo? Current { get; private set; }

    [BindProperty]
    public MayorRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The stored mandate, shown after a conflict.</summary>
    public MayorInfo? ConflictCurrent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string istatCode, CancellationToken ct)
    {
        if (!await LoadAsync(istatCode, ct)) return NotFound();
        if (!UpdateMayor.CanEdit(User, istatCode)) return Forbid();
        Version = Current?.Version ?? 0;
        Input = Current is { } c ? new MayorRequest { Name = c.Name, TermStart = c.TermStart, TermEnd = c.TermEnd } : new MayorRequest();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string istatCode, CancellationToken ct)
    {
        if (!await LoadAsync(istatCode, ct)) return NotFound();
        if (!UpdateMayor.CanEdit(User, istatCode)) return Forbid();
        if (!ModelState.IsValid) return Page();
        return await this.AnswerAsync(await UpdateMayor.HandleAsync(db, User, clock, istatCode, Version, Input, ct), l,
            () => this.Success(l["Sindaco salvato."].Value, "/comuni/" + istatCode),
            // Keep what the user typed and show what is stored now; saving again is a deliberate choice.
            async conflict =>
            {
                await LoadAsync(istatCode, ct);
                Version = conflict.CurrentVersion;
                ConflictCurrent = Current;
            },
            "Nel frattempo un altro utente ha modificato il sindaco di questo Comune. I tuoi dati non sono stati salvati. Confronta con i valori attuali qui sotto e salva di nuovo se vuoi sostituirli.");
    }

    private async Task<bool> LoadAsync(string istatCode, CancellationToken ct)
    {
        var m = await GetMunicipality.HandleAsync(db, istatCode, ct);
        if (m is null) return false;
        (IstatCode, Name, Current) = (m.IstatCode, m.Name, m.Mayor);
        return true;
    }
}
