using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Participation.Meetings;

/// <summary>A meeting: agenda, place or link, calendar file, minutes once approved, attendance.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public MeetingDetail? Meeting { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        (Meeting = await MeetingHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page();
}
