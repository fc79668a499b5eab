using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Participation.ZoneDesk;

/// <summary>The zone desk of a zone coordinator (and of the secretariat, for any zone): see <see cref="ZoneDeskHandler"/>.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class IndexModel(AppDbContext db, IEnumerable<IComuneFigures> figures, TimeProvider clock) : PageModel
{
    public ZoneDeskView Desk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var (view, refusal) = await ZoneDeskHandler.LoadAsync(db, figures, User, clock, code, ct);
        if (refusal is Outcome.NotFound || view is null && refusal is null) return NotFound();
        if (refusal is Outcome.Forbidden) return Forbid();
        Desk = view!;
        return Page();
    }
}
