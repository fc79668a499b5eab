using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Modules.Territory.Zones;

public sealed class DetailModel(AppDbContext db, Map.Boundaries boundaries,
    Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ZoneDetail? Zone { get; private set; }
    public Map.TerritoryMapView? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Zone = await ListZones.GetAsync(db, code, ct);
        if (Zone is null)
        {
            return NotFound();
        }
        Map = await Territory.Map.TerritoryMap.BuildAsync(db, boundaries, code, null,
            string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Mappa dei Comuni della zona {0}"], Zone.Name),
            l["I Comuni della zona; l'elenco che segue riporta gli stessi Comuni."], ct);
        return Page();
    }
}
