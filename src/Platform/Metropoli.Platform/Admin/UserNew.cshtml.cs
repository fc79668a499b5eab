using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

public sealed class UserNewModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<Localization.SharedResource> l) : PageModel
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

    public string? CreatedPassword { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Scopes.LoadOptionsAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Scopes.LoadOptionsAsync(db, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var password = Data.Startup.NewPassword();
        var (m, z, s) = Scopes.Relevant();
        var (user, errors) = await UserAdmin.CreateAsync(users, db,
            new NewUser(Input.Email, Input.DisplayName, Scopes.Role, password, s, m, z), clock.GetUtcNow().UtcDateTime, ct);
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
        CreatedPassword = password;
        return Page();
    }
}
