using Metropoli.Platform.Data;
using Metropoli.Platform.Feedback;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

public sealed class FeedbackModel(AppDbContext db, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "open")]
    public bool OnlyOpen { get; set; }

    [BindProperty(SupportsGet = true, Name = "offset")]
    public int Offset { get; set; }

    public IReadOnlyList<FeedbackEntry> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = db.Set<FeedbackEntry>().AsNoTracking();
        if (OnlyOpen) rows = rows.Where(f => !f.Handled);
        var total = await rows.CountAsync(ct);
        Offset = Math.Max(0, Offset);
        Items = await rows.OrderByDescending(f => f.Id).Skip(Offset).Take(PageSize).ToListAsync(ct);
        Pager = Pager.From(Request, total, PageSize, Offset);
    }

    public async Task<IActionResult> OnPostHandledAsync(long id, int version, CancellationToken ct)
    {
        var entry = await db.Set<FeedbackEntry>().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (entry is null) return NotFound();
        db.ExpectVersion(entry, version);
        entry.Handled = true;
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l["Segnalazione segnata come gestita."].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Success"] = l["La segnalazione era già stata aggiornata da un altro amministratore."].Value;
        }
        return RedirectToPage();
    }
}
