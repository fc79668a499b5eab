using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Map;

public sealed class IndexModel(Boundaries boundaries, ReadCache cache, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public TerritoryMapView? Map { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Map = await TerritoryMap.CachedAsync(cache, boundaries, null, null,
            l["Mappa dei Comuni della Città metropolitana di Milano per Zona omogenea"],
            l["Ogni Comune è colorato secondo la sua zona; la legenda e l'elenco che seguono riportano gli stessi dati."], ct);
}
