using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Modules.Territory.Zones;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ZoneRow> Zones { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Zones = await ListZones.HandleAsync(db, ct);
}
