using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

[Metropoli.Platform.Ui.NoCompression]
public sealed class UserNewModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ICurrentUser who,
    Microsoft.Extensions.Options.IOptions<Notifications.EmailOptions> email, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indica l'e-mail.")]
        [EmailAddress(ErrorMessage = "L'e-mail non è valida.")]
        [StringLength(256, ErrorMessage = "L'e-mail è troppo lunga.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Indica nome e cognome.")]
        [StringLength(200, ErrorMessage = "Il nome è troppo lungo.")]
        public string DisplayName { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public UserScopesInput Scopes { get; set; } = new();

    /// <summary>Give the user a one-time password to hand over, to be changed at the first sign-in, instead of the
    /// invitation by e-mail (the default, ADR 0030).</summary>
    [BindProperty]
    public bool TemporaryPassword { get; set; }

    public string? CreatedPassword { get; private set; }
    public string? InvitedEmail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Scopes.LoadOptionsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Scopes.LoadOptionsAsync(db, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var password = TemporaryPassword ? Data.Startup.NewPassword() : null;
        var (m, z, s) = Scopes.Relevant();
        var now = clock.GetUtcNow().UtcDateTime;
        var (user, errors) = await UserAdmin.CreateAsync(users, db,
            new NewUser(Input.Email, Input.DisplayName, Scopes.Role, password, s, m, z, MustChangePassword: true, FiscalCode: Scopes.FiscalCode), now, ct);
        if (user is null)
        {
            if (errors.Remove("password", out var identityErrors))
            {
                errors["email"] = identityErrors; // duplicate e-mail / user name come back from Identity
            }
            UserScopesInput.AddErrors(ModelState, errors, k => l[k]);
            foreach (var e in errors.GetValueOrDefault("email") ?? [])
            {
                ModelState.AddModelError("Input.Email", e);
            }
            return Page();
        }
        if (password is null)
        {
            await AccountEmails.SendInvitationAsync(users, db, user, email.Value, User.DisplayName(), now, ct);
            await AccountEmails.AuditAsync(db, who.Id, who.Name, user, "invito inviato per e-mail", ct);
            InvitedEmail = user.Email;
            return Page();
        }
        CreatedPassword = password;
        return Page();
    }
}
