using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Where the links of the reset and invitation e-mails lead: the user chooses a password. The token is
/// checked again on the post; a used, expired or altered link answers the same message (ADR 0030).</summary>
public sealed class NewPasswordModel(UserManager<AppUser> users, AppDbContext db,
    IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indica la nuova password.")]
        [DataType(DataType.Password)]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Ripeti la nuova password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "Le due password non coincidono.")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty(SupportsGet = true, Name = "utente")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "codice")]
    public string? Code { get; set; }

    /// <summary>"1" in the invitation's link.</summary>
    [BindProperty(SupportsGet = true, Name = "invito")]
    public string? Invite { get; set; }

    public bool Invitation => Invite == "1";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkInvalid = await ValidUserAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, token) = (await ValidUserAsync(), AccountEmails.DecodeToken(Code));
        if (user is null || token is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The policy first, so that a weak password does not spend the token.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, Input.New);
            if (!check.Succeeded)
            {
                foreach (var e in check.Errors) ModelState.AddModelError("Input.New", e.Description);
                return Page();
            }
        }
        IdentityResult result;
        if (Invitation)
        {
            result = await users.VerifyUserTokenAsync(user, AccountEmails.InvitationProvider, AccountEmails.InvitationPurpose, token)
                ? await users.AddPasswordAsync(user, Input.New)
                : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }
        else
        {
            result = await users.ResetPasswordAsync(user, token, Input.New);
        }
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkInvalid = true;
                return Page();
            }
            foreach (var e in result.Errors) ModelState.AddModelError("Input.New", e.Description);
            return Page();
        }
        user.MustChangePassword = false;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await DatabaseTicketStore.EndSessionsAsync(db, user.Id, null, ct);
        await AccountEmails.AuditAsync(db, user.Id, user.UserName ?? user.Email ?? "", user, Invitation ? "scelta accettando l'invito" : "reimpostata con il collegamento ricevuto per e-mail", ct);
        TempData["Success"] = l["Password salvata. Ora puoi accedere con la nuova password."].Value;
        return Redirect("/accedi");
    }

    /// <summary>The enabled user the link names, when its token is one of ours; for an invitation, one still without a password.</summary>
    private async Task<AppUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || UserId.Length > 64 || AccountEmails.DecodeToken(Code) is not { } token) return null;
        var user = await users.FindByIdAsync(UserId);
        if (user is null || user.IsDisabled) return null;
        if (Invitation)
        {
            return !await users.HasPasswordAsync(user)
                && await users.VerifyUserTokenAsync(user, AccountEmails.InvitationProvider, AccountEmails.InvitationPurpose, token) ? user : null;
        }
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token)
            ? user : null;
    }
}
