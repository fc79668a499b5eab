using Metropoli.Territory.Model;
using Metropoli.Territory.Zones;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Municipalities;

/// <summary>An administrator confirms, moves or corrects a Comune's zone; the same handlers as
/// POST /api/v1/municipalities/{istat}/zone-memberships and …/confirmation.</summary>
public sealed class ZoneModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public MunicipalityDetail? Municipality { get; private set; }
    public IReadOnlyList<ZoneMembershipRow> History { get; private set; } = [];
    public ZoneMembershipRow? Current => History.FirstOrDefault(m => m.ValidTo is null);
    public IReadOnlyList<ZoneRow> Zones { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public MoveRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string istatCode, CancellationToken ct)
    {
        if (!await LoadAsync(istatCode, ct)) return NotFound();
        Version = Current?.Version ?? 0;
        Input = new MoveRequest { ValidFrom = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(string istatCode, CancellationToken ct)
    {
        if (!await LoadAsync(istatCode, ct)) return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per procedere."]);
        }
        if (!ModelState.IsValid) return Page();
        return await HandleAsync(await MoveMunicipality.HandleAsync(db, User, clock, istatCode, Version, Input, ct), istatCode, "Zona aggiornata.", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string istatCode, CancellationToken ct)
    {
        if (!await LoadAsync(istatCode, ct)) return NotFound();
        // Only the move form's fields carry rules; confirming must not fail on its empty inputs.
        ModelState.Clear();
        return await HandleAsync(await ConfirmZoneAssignment.HandleAsync(db, User, clock, istatCode, Version, ct), istatCode, "Assegnazione alla zona confermata.", ct);
    }

    private async Task<IActionResult> HandleAsync(Outcome outcome, string istatCode, string success, CancellationToken ct)
    {
        return await this.AnswerAsync(outcome, l, () => this.Success(l[success].Value, "/comuni/" + istatCode),
            async conflict =>
            {
                await LoadAsync(istatCode, ct);
                Version = conflict.CurrentVersion;
            },
            "Nel frattempo un altro amministratore ha cambiato la zona di questo Comune. Non è stato salvato nulla: controlla la situazione attuale qui sotto e riprova.");
    }

    private async Task<bool> LoadAsync(string istatCode, CancellationToken ct)
    {
        Municipality = await GetMunicipality.HandleAsync(db, istatCode, ct);
        if (Municipality is null) return false;
        History = await GetZoneHistory.HandleAsync(db, istatCode, ct) ?? [];
        Zones = await ListZones.HandleAsync(db, ct);
        Today = CivilClock.Today(clock);
        return true;
    }

    public static bool IsSeedSource(string source) =>
        source is ZoneSources.Official or ZoneSources.Secondary or ZoneSources.Derived or ZoneSources.Capoluogo;
}
