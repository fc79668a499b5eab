using System.Text;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Account;

/// <summary>Authenticator-app (TOTP) two-factor authentication with Identity's built-in provider.</summary>
[Metropoli.Platform.Ui.NoCompression]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IConfiguration configuration,
    IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>To turn 2FA off: the password, or a code of the app (ADR 0030).</summary>
    [BindProperty]
    public string? DisablePassword { get; set; }

    [BindProperty]
    public string? DisableCode { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length != 6 || !code.All(char.IsDigit))
        {
            ModelState.AddModelError(nameof(Code), l["Il codice è formato da 6 cifre."]);
            return Page();
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["Codice non valido. Controlla l'ora del telefono e riprova."]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))?.ToList();
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return Redirect("/account/due-fattori");
        var code = (DisableCode ?? "").Replace(" ", "").Replace("-", "");
        var proved = !string.IsNullOrEmpty(DisablePassword) ? await users.CheckPasswordAsync(user, DisablePassword)
            : code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!proved)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(DisablePassword) && code.Length > 0 ? nameof(DisableCode) : nameof(DisablePassword),
                string.IsNullOrEmpty(DisablePassword) && code.Length == 0
                    ? l["Per disattivare indica la tua password o un codice dell'app di autenticazione."]
                    : l["Password o codice non corretti."]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = l["Autenticazione a due fattori disattivata."].Value;
        return Redirect("/account");
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = user.TwoFactorEnabled;
        Required = configuration.GetValue("Security:RequireTwoFactorForAdministrators", false) && User.IsInRole(Roles.Administrator);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A first key for a user who has none: stored without ResetAuthenticatorKeyAsync, which would rotate
                // the security stamp and sign the user out of the other browsers for having opened this page. The
                // stamp rotates when 2FA is turned on or off (SetTwoFactorEnabledAsync), where it must.
                key = users.GenerateNewAuthenticatorKey();
                await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
            }
            FormattedKey = Format(key);
            AuthenticatorUri = $"otpauth://totp/Metropoli:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Metropoli&digits=6";
            QrCodeDataUri = QrCode(AuthenticatorUri);
        }
        return user;
    }

    /// <summary>The authenticator URI as a PNG QR code (QRCoder), inline: the CSP allows <c>data:</c> images.</summary>
    private static string QrCode(string uri)
    {
        using var data = QRCoder.QRCodeGenerator.GenerateQrCode(uri, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
