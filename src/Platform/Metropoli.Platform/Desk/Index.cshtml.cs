using Metropoli.Platform.Auth;
using Metropoli.Platform.Modules;
using Metropoli.Platform.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Platform.Desk;

/// <summary>The signed-in person's desk (<c>/scrivania</c>), where signing in lands: what waits for them, each module
/// contributing its items (<see cref="IMetropoliModule.DeskItemsAsync"/>), most urgent first; the shortcuts of their
/// scope; the menus' entries again (so they work without JavaScript); the guide for their role (ADR 0038).</summary>
[Authorize(Policy = Policies.Authenticated)]
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    /// <summary>What waits (a count above zero), overdue first, then due soon, then by the modules' order.</summary>
    public IReadOnlyList<DeskItem> Tasks { get; private set; } = [];

    /// <summary>Items without a count: links to the records of the user's scope ("my Comune").</summary>
    public IReadOnlyList<DeskItem> Shortcuts { get; private set; } = [];

    public IReadOnlyList<NavEntry> Personal { get; private set; } = [];

    public IReadOnlyList<NavEntry> Admin { get; private set; } = [];

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var items = new List<DeskItem>();
        foreach (var module in ModuleCatalog.All)
        {
            items.AddRange(await module.DeskItemsAsync(services, User, ct));
        }
        Tasks = Order(items.Where(i => i.Count > 0));
        Shortcuts = items.Where(i => i.Count <= 0).OrderBy(i => i.Order).ToList();
        Personal = SiteNavigation.For(User, NavMenu.Personal).Where(e => e.Href != "/scrivania").ToList();
        Admin = SiteNavigation.For(User, NavMenu.Admin);
        RoleNames = Roles.All.Where(User.IsInRole).ToList();
    }

    public static IReadOnlyList<DeskItem> Order(IEnumerable<DeskItem> items) =>
        items.OrderBy(i => i.Urgency).ThenBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.Order).ToList();
}
