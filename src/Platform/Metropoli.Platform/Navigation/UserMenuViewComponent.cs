using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Platform.Navigation;

/// <summary>The signed-in user's menu in the slim header: the personal entries (desk, the modules' own, profile), the
/// notification centre with the unread count (one indexed count), and signing out.</summary>
public sealed class UserMenuViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await Inbox.UnreadCountAsync(db, Inbox.UserId(UserClaimsPrincipal), HttpContext.RequestAborted);
        return View("/Platform/Navigation/_UserMenu.cshtml", new UserMenu(SiteNavigation.For(UserClaimsPrincipal, NavMenu.Personal), count));
    }
}

public sealed record UserMenu(IReadOnlyList<NavEntry> Entries, int Unread);
