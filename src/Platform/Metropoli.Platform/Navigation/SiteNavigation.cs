using System.Security.Claims;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Modules;

namespace Metropoli.Platform.Navigation;

/// <summary>The header's three menus, from the platform's own entries and the modules' (ADR 0038): the navbar's public
/// sections, one "Administration" dropdown, and the signed-in user's menu in the slim header.</summary>
public static class SiteNavigation
{
    private static bool Admin(ClaimsPrincipal u) => u.IsInRole(Roles.Administrator);

    private static bool SignedIn(ClaimsPrincipal u) => u.Identity?.IsAuthenticated == true;

    /// <summary>The platform's own entries (it is no module, so it lists them here).</summary>
    public static readonly IReadOnlyList<NavEntry> PlatformEntries =
    [
        new("/admin/utenti", "Utenti", 900, Admin, NavMenu.Admin),
        new("/admin/settori", "Settori", 910, Admin, NavMenu.Admin),
        new("/admin/registro", "Registro delle modifiche", 920, Admin, NavMenu.Admin),
        new("/admin/accessi", "Registro degli accessi", 930, Admin, NavMenu.Admin),
        new("/admin/segnalazioni", "Segnalazioni", 940, Admin, NavMenu.Admin),
        new("/admin/posta", "Posta in uscita", 950, Admin, NavMenu.Admin),
        new("/scrivania", "La mia scrivania", 10, SignedIn, NavMenu.Personal),
        new("/account", "Il mio profilo", 900, SignedIn, NavMenu.Personal),
    ];

    /// <summary>The entries of <paramref name="menu"/> this user sees, in order.</summary>
    public static IReadOnlyList<NavEntry> For(ClaimsPrincipal user, NavMenu menu) =>
        PlatformEntries.Concat(ModuleCatalog.All.SelectMany(m => m.Navigation))
            .Where(e => e.Menu == menu && (e.Visible?.Invoke(user) ?? true))
            .OrderBy(e => e.Order).ThenBy(e => e.Href, StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether <paramref name="path"/> is <paramref name="href"/> or below it.</summary>
    public static bool IsUnder(string path, string href) =>
        path == href || path.StartsWith(href + "/", StringComparison.Ordinal);
}
