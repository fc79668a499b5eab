using System.Security.Claims;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Account;

/// <summary>SPID and CIE sign-in (ADR 0049): the button sends the person to the identity proxy; the proxy's answer comes
/// back through the OpenID Connect handler and ends here, where the codice fiscale finds the account. An unknown or
/// disabled account is refused with a page that says what to do; nothing is created.</summary>
public sealed class DigitalIdentityModel(SignInManager<AppUser> signIn, UserManager<AppUser> users,
    IOptions<DigitalIdentityOptions> options, IStringLocalizer<Localization.SharedResource> l, ILogger<DigitalIdentityModel> logger) : PageModel
{
    /// <summary>Why the sign-in was refused (null: the page shows the two buttons).</summary>
    public string? Refusal { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <param name="provider">The button pressed: "spid" or "cie".</param>
    /// <param name="esito">"ritorno": the proxy's answer has been read by the handler; "errore": the proxy failed.</param>
    public async Task<IActionResult> OnGetAsync(string? provider, string? esito, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }
        if (esito == "ritorno")
        {
            return await ReturnAsync(ct);
        }
        if (esito == "errore")
        {
            return Refuse(l["L'accesso con SPID o CIE è stato annullato o non è riuscito presso il gestore dell'identità. Riprova dalla pagina di accesso."]);
        }
        if (string.IsNullOrEmpty(provider))
        {
            return Page();
        }
        if (!DigitalIdentity.Providers.Contains(provider))
        {
            return NotFound();
        }
        var back = Url.Page("/Platform/Account/DigitalIdentity", null, new { esito = "ritorno", ReturnUrl = LoginModel.SafeReturnUrl(ReturnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(DigitalIdentity.Scheme, back);
        properties.Items["provider"] = provider;
        return Challenge(properties, DigitalIdentity.Scheme);
    }

    private async Task<IActionResult> ReturnAsync(CancellationToken ct)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return Refuse(l["L'accesso con SPID o CIE non è riuscito o è scaduto. Riprova dalla pagina di accesso."]);
        }
        var fiscalCode = DigitalIdentity.FiscalCode(external.Principal, options.Value);
        if (fiscalCode is null)
        {
            logger.LogWarning("SPID/CIE sign-in refused: the identity carries no valid codice fiscale");
            return Refuse(l["Il gestore dell'identità digitale non ha comunicato un codice fiscale valido: l'accesso non è possibile."]);
        }
        var user = await users.Users.SingleOrDefaultAsync(u => u.FiscalCode == fiscalCode, ct);
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // The codice fiscale is personal data: the log keeps only whether an account exists.
            logger.LogWarning("SPID/CIE sign-in refused: {Reason}", user is null ? "no account with that codice fiscale" : "disabled or locked account " + user.Id);
            return Refuse(l["Nessun account di Metropoli attivo è associato al tuo codice fiscale. Gli account sono creati dagli amministratori o su invito: chiedi all'amministratore della Città metropolitana di registrare il tuo codice fiscale nel tuo account."]);
        }
        var provider = external.Properties?.Items.TryGetValue("provider", out var p) == true && p is not null ? p : "spid";
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", provider)]);
        return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
