using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Modules.Territory.Zones;

public sealed class DetailModel(AppDbContext db) : PageModel
{
    public ZoneDetail? Zone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Zone = await ListZones.GetAsync(db, code, ct);
        return Zone is null ? NotFound() : Page();
    }
}
