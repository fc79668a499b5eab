using Metropoli.Web.Modules.Territory.Zones;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Platform.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Municipalities { get; private set; }
    public int Zones { get; private set; }
    public int Population { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var zones = await ListZones.HandleAsync(db, ct);
        Municipalities = zones.Sum(z => z.Municipalities);
        Zones = zones.Count(z => !z.IsCapoluogo);
        Population = zones.Sum(z => z.Population);
    }
}
