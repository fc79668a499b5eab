using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Funding.Inactive;

/// <summary>The small Comuni that applied to nothing in the last N months, with the calls open to them now: the
/// funding office's page (plan office, administrator; 403 to others).</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mesi")]
    public int? Months { get; set; }

    public InactiveComuni Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!FundingAccess.CanManage(User)) return Forbid();
        Result = await InactiveComuniHandler.HandleAsync(db, CivilClock.Today(clock), InactiveComuniHandler.Months(ModelState.IsValid ? Months : null), ct);
        return Page();
    }
}
