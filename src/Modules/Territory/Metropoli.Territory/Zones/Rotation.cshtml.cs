using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Zones;

/// <summary>The rotation form: positions typed as numbers (no drag and drop, so it works without
/// JavaScript), term length and start; and the override of the coordinator in office. Same handlers
/// as PUT /api/v1/zones/{code}/rotation and POST /api/v1/zones/{code}/coordinator-overrides.</summary>
public sealed class RotationModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public sealed class SlotInput
    {
        public string IstatCode { get; set; } = "";
        public int? Position { get; set; }
    }

    public sealed class RotationForm
    {
        public int? TermMonths { get; set; }
        public DateOnly? StartDate { get; set; }
        public List<SlotInput> Slots { get; set; } = [];
    }

    public ZoneDetail? Zone { get; private set; }
    public CoordinatorsView? Coordinators { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyDictionary<string, string> Names => Zone?.Members.ToDictionary(m => m.IstatCode, m => m.Name) ?? [];

    [BindProperty]
    public RotationForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public OverrideRequest Replacement { get; set; } = new();

    [BindProperty]
    public bool ConfirmReplacement { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        var rotation = Coordinators!.Rotation;
        Version = rotation.Version;
        var positions = rotation.Order.ToDictionary(s => s.IstatCode, s => s.Position);
        Input = new RotationForm
        {
            TermMonths = rotation.TermMonths ?? 12,
            StartDate = rotation.StartDate ?? new DateOnly(Today.Year, 1, 1),
            Slots = Zone!.Members
                .Select(m => new SlotInput { IstatCode = m.IstatCode, Position = positions.TryGetValue(m.IstatCode, out var p) ? p : null })
                .OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => Names[s.IstatCode], StringComparer.CurrentCulture).ToList(),
        };
        Replacement = new OverrideRequest { From = Today };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        var numbered = Input.Slots.Where(s => s.Position is not null).ToList();
        if (numbered.Any(s => s.Position < 1) || numbered.Select(s => s.Position).Distinct().Count() != numbered.Count)
        {
            ModelState.AddModelError("Input.Order", l["Le posizioni devono essere numeri interi diversi tra loro, da 1 in su."]);
        }
        if (!ModelState.IsValid) return Page();
        var request = new RotationRequest
        {
            TermMonths = Input.TermMonths,
            StartDate = Input.StartDate,
            Order = numbered.OrderBy(s => s.Position).Select(s => s.IstatCode).ToList(),
        };
        return await HandleAsync(await SetRotation.HandleAsync(db, User, clock, code, Version, request, ct), code, "Input.", "Rotazione salvata.", ct);
    }

    public async Task<IActionResult> OnPostReplaceAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (!ConfirmReplacement)
        {
            ModelState.AddModelError(nameof(ConfirmReplacement), l["Spunta la conferma per procedere."]);
        }
        if (!ModelState.IsValid) return Page();
        return await HandleAsync(await OverrideCoordinator.HandleAsync(db, User, clock, code, Replacement, ct), code, "Replacement.", "Coordinatore sostituito.", ct);
    }

    private async Task<IActionResult> HandleAsync(Outcome outcome, string code, string prefix, string success, CancellationToken ct)
    {
        return await this.AnswerAsync(outcome, l, () => this.Success(l[success].Value, "/zone/" + code),
            async conflict =>
            {
                await LoadAsync(code, ct);
                Version = conflict.CurrentVersion;
            },
            "Nel frattempo un altro amministratore ha modificato la rotazione. Non è stato salvato nulla: controlla l'ordine attuale qui sotto e salva di nuovo se vuoi sostituirlo.",
            prefix);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        Zone = await ListZones.GetAsync(db, code, ct);
        if (Zone is null || Zone.IsCapoluogo) return false;
        Today = CivilClock.Today(clock);
        Coordinators = await GetCoordinators.HandleAsync(db, code, Today, ct);
        return true;
    }
}
