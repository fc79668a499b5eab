using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, Data.AppDbContext db, TimeProvider clock, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indica la password attuale.")]
        [DataType(DataType.Password)]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Indica la nuova password.")]
        [DataType(DataType.Password)]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Ripeti la nuova password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Le due password non coincidono.")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The account still has its one-time password: the page explains why it is shown.</summary>
    public bool Required => User.HasClaim(AppClaimsFactory.MustChangePasswordClaim, "true");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        user.MustChangePassword = false; // saved with the new password, only if it is accepted
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", e.Description);
            }
            return Page();
        }
        // A token must not outlive the password it was made under (issue 18, point 13).
        await Auth.AccessTokens.RevokeAllAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = l["Password cambiata."].Value;
        return Redirect("/account");
    }
}
