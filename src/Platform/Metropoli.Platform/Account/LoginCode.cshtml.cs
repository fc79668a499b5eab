using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Second step of login for accounts with an authenticator app.</summary>
public sealed class LoginCodeModel(SignInManager<AppUser> signIn, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indica il codice.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Il codice è formato da 6 cifre.")]
    [Display(Name = "Codice")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Platform/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Platform/Account/Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "").Trim(), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["Account temporaneamente bloccato dopo troppi tentativi."]
            : l["Codice non valido. Controlla l'ora del telefono e riprova."]);
        return Page();
    }
}
