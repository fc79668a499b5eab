using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Zones;

public sealed class DetailModel(AppDbContext db, Map.Boundaries boundaries, ReadCache cache, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ZoneDetail? Zone { get; private set; }
    public Map.TerritoryMapView? Map { get; private set; }

    /// <summary>The day asked for (<c>?date=YYYY-MM-DD</c>); blank means today.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly? AsOf { get; private set; }
    public bool DateInvalid { get; private set; }
    public CoordinatorsView? Coordinators { get; private set; }
    public bool IsAdministrator { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Today = CivilClock.Today(clock);
        DateInvalid = !TerritoryDates.TryParseOptional(Date, out var asOf);
        AsOf = asOf;
        Zone = AsOf is { } day ? await ListZones.GetAsync(db, code, day, ct) : await ListZones.GetAsync(db, code, ct);
        if (Zone is null)
        {
            return NotFound();
        }
        Map = await Territory.Map.TerritoryMap.CachedAsync(cache, boundaries, code, null,
            string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Mappa dei Comuni della zona {0}"], Zone.Name),
            l["I Comuni della zona; l'elenco che segue riporta gli stessi Comuni."], ct);
        if (!Zone.IsCapoluogo)
        {
            Coordinators = await GetCoordinators.HandleAsync(db, code, AsOf ?? Today, ct);
        }
        IsAdministrator = User.IsAdministrator();
        return Page();
    }
}
