using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Notifications;

public sealed class InboxModel(AppDbContext db, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "nonlette")]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "offset")]
    public int Offset { get; set; }

    public Paged<NotificationItem> Items { get; private set; } = new([], 0, PageSize, 0);
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offset = Math.Max(0, Offset);
        Items = await Inbox.ListAsync(db, Inbox.UserId(User), UnreadOnly, PageSize, Offset, ct);
        Pager = Pager.From(Request, Items.Total, PageSize, Offset);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (!await Inbox.MarkReadAsync(db, Inbox.UserId(User), id, ct))
        {
            return NotFound();
        }
        TempData["Success"] = l["Notifica segnata come letta."].Value;
        return RedirectToPage(new { nonlette = UnreadOnly ? "true" : null });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var n = await Inbox.MarkAllReadAsync(db, Inbox.UserId(User), ct);
        TempData["Success"] = string.Format(l["{0} notifiche segnate come lette."].Value, n);
        return RedirectToPage();
    }
}
