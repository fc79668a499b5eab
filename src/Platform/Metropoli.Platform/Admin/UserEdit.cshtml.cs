using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

/// <summary>Edit a user's name, role and scope; disable or re-enable. Identity's ConcurrencyStamp is
/// the version: a stale form is refused with a message, never saved over a newer change.</summary>
public sealed class UserEditModel(AppDbContext db, UserManager<AppUser> users, ICurrentUser who, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public string Email { get; private set; } = "";
    public bool Disabled { get; private set; }
    public DateTimeOffset? LockedOutUntil { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    [BindProperty] public string? Stamp { get; set; }
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public UserScopesInput Scopes { get; set; } = new();
    [BindProperty] public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null) return NotFound();
        Stamp = user.ConcurrencyStamp;
        DisplayName = user.DisplayName;
        Scopes.Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.ForumMember;
        Scopes.MunicipalityIstat = user.MunicipalityIstat;
        Scopes.ZoneCode = user.ZoneCode;
        Scopes.SectorCode = user.SectorCode;
        Scopes.FiscalCode = user.FiscalCode;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null) return NotFound();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            ModelState.AddModelError(nameof(DisplayName), l["Indica nome e cognome."]);
        }
        var (m, z, s) = Scopes.Relevant();
        var errors = await UserAdmin.ValidateScopesAsync(db, Scopes.Role, s, m, z, ct);
        var fiscalCode = await UserAdmin.CheckFiscalCodeAsync(db, Scopes.FiscalCode, id, errors, ct);
        UserScopesInput.AddErrors(ModelState, errors, k => l[k]);
        if (!ModelState.IsValid) return Page();
        if (!StampMatches(user)) return Page();
        user.DisplayName = DisplayName.Trim();
        (user.MunicipalityIstat, user.ZoneCode, user.SectorCode) = (m, z, s);
        user.FiscalCode = fiscalCode;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            result = await UserAdmin.SetRoleAsync(users, user, Scopes.Role);
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        TempData["Success"] = l["Utente aggiornato."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostToggleDisabledAsync(string id, CancellationToken ct)
    {
        var user = await LoadAsync(id, ct);
        if (user is null) return NotFound();
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per procedere."]);
            return Page();
        }
        if (!StampMatches(user)) return Page();
        var result = await UserAdmin.SetDisabledAsync(users, db, user, !user.IsDisabled);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        TempData["Success"] = user.IsDisabled ? l["Utente disabilitato."].Value : l["Utente riabilitato."].Value;
        return RedirectToPage(new { id });
    }

    private bool StampMatches(AppUser user)
    {
        if (Stamp == user.ConcurrencyStamp)
        {
            return true;
        }
        ModelState.AddModelError(string.Empty, l["Nel frattempo un altro amministratore ha modificato questo utente. Le tue modifiche non sono state salvate: ricarica la pagina e riprova."]);
        return false;
    }

    private async Task<AppUser?> LoadAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        Email = user.Email ?? "";
        Disabled = user.IsDisabled;
        LockedOutUntil = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow && !user.IsDisabled ? end : null;
        await Scopes.LoadOptionsAsync(db, ct);
        History = await AuditSearch.HistoryAsync(db, who, nameof(AppUser), id, ct);
        return user;
    }
}
