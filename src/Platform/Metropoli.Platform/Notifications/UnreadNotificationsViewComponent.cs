using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Platform.Notifications;

/// <summary>The header link to the notification centre, with the unread count (one indexed count).</summary>
public sealed class UnreadNotificationsViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await Inbox.UnreadCountAsync(db, Inbox.UserId(UserClaimsPrincipal), HttpContext.RequestAborted);
        return View("/Platform/Notifications/_UnreadNotifications.cshtml", count);
    }
}
