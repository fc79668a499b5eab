using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Second step of login with one of the recovery codes shown when 2FA was turned on (the phone is lost):
/// each code works once (Identity removes it); a locked account is refused.</summary>
public sealed class LoginRecoveryModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indica il codice di recupero.")]
    [StringLength(32, ErrorMessage = "Il codice di recupero non è valido.")]
    [Display(Name = "Codice di recupero")]
    public string RecoveryCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Platform/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Platform/Account/Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", "").Trim());
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            TempData["Success"] = left <= 2
                ? string.Format(l["Accesso con un codice di recupero. Te ne restano {0}: generane di nuovi dalla pagina dell'autenticazione a due fattori."].Value, left)
                : l["Accesso con un codice di recupero: quel codice non vale più."].Value;
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError(nameof(RecoveryCode), result.IsLockedOut
            ? l["Account temporaneamente bloccato dopo troppi tentativi."]
            : l["Codice di recupero non valido o già usato."]);
        return Page();
    }
}
