using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Account;

/// <summary>Self-service password reset (ADR 0030): the answer is the same whether or not the address has an account;
/// an enabled account gets one e-mail with a single-use link that expires in an hour, at most one every
/// <c>Security:PasswordResetQuietMinutes</c> (5). The form is under /accedi, so the per-address limit of the login
/// form applies to it; each request for an existing account is written to the audit trail.</summary>
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AppDbContext db, IOptions<EmailOptions> email, ICurrentUser who,
    TimeProvider clock, IConfiguration configuration) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Indica l'e-mail.")]
        [EmailAddress(ErrorMessage = "L'e-mail non è valida.")]
        [StringLength(256, ErrorMessage = "L'e-mail è troppo lunga.")]
        public string Email { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsDisabled: false, Email: not null })
        {
            var quiet = TimeSpan.FromMinutes(configuration.GetValue("Security:PasswordResetQuietMinutes", 5d));
            if (await AccountEmails.SendPasswordResetAsync(users, db, user, email.Value, clock.GetUtcNow().UtcDateTime, quiet, ct))
            {
                await AccountEmails.AuditAsync(db, who.Id, who.Name, user, "reimpostazione richiesta per e-mail", ct);
            }
        }
        Sent = true;
        return Page();
    }
}
