using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Password login. Every failure says the same thing, so the form does not reveal which
/// e-mail addresses have an account; Identity locks the account after repeated failures.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<Localization.SharedResource> l, ILogger<LoginModel> logger,
    Microsoft.Extensions.Options.IOptions<DigitalIdentityOptions> digitalIdentity) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indica l'e-mail.")]
        [EmailAddress(ErrorMessage = "L'e-mail non è valida.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Indica la password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DigitalIdentityEnabled => digitalIdentity.Value.Enabled;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.IsDisabled)
        {
            // Same work and message as a wrong password: no hint that the account does not exist.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, Input.Password);
            logger.LogWarning("Failed sign-in: {Reason}", user is null ? "unknown address" : "disabled account " + user.Id);
            return Fail();
        }
        if (DigitalIdentity.PasswordDisabled(digitalIdentity.Value, await users.GetRolesAsync(user)))
        {
            // Only a right password learns that this role signs in with SPID/CIE; a wrong one gets the usual message.
            if (!(await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true)).Succeeded)
            {
                logger.LogWarning("Failed sign-in for user {UserId}: wrong password or locked out", user.Id);
                return Fail();
            }
            logger.LogWarning("Password sign-in refused for user {UserId}: the role signs in with SPID or CIE", user.Id);
            ModelState.AddModelError(string.Empty, l["Per il tuo ruolo l'accesso con password è disattivato: entra con SPID o CIE."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Platform/Account/LoginCode", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            // Identity answers a locked account before hashing anything: hash here, or the quick answer
            // would tell a locked (so existing) account from an unknown one.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, Input.Password);
            logger.LogWarning("Locked-out login attempt for user {UserId}", user.Id);
            return Fail();
        }
        if (!result.Succeeded)
        {
            logger.LogWarning("Failed sign-in for user {UserId}: wrong password ({Failures} failures)", user.Id, user.AccessFailedCount + 1);
            return Fail();
        }
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    private IActionResult Fail()
    {
        ModelState.AddModelError(string.Empty, l["Accesso non riuscito: e-mail o password errate, oppure account temporaneamente bloccato dopo troppi tentativi."]);
        return Page();
    }

    /// <summary>Where to go after signing in: the page asked for, or the desk (ADR 0038) when none was, or only the
    /// home page (the header's "log in" link from the home page carries "/").</summary>
    internal static string SafeReturnUrl(string? url) =>
        string.IsNullOrEmpty(url) || url == "/" ? "/scrivania" : Ui.LocalUrl.Safe(url);

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "dummy-password-for-timing");
}
