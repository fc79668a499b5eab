using System.Text.Encodings.Web;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Auth;

/// <summary>Authenticates <c>Authorization: Bearer mtp_…</c> personal access tokens.</summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The claim that marks a principal authenticated by a token (its value is the token's id), as opposed to
    /// a signed-in session: what only a session may do (create and list tokens) is refused to it.</summary>
    public const string TokenIdClaim = "metropoli:token";

    public static bool ViaToken(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(c => c.Type == TokenIdClaim);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(AccessToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return AuthenticateResult.Fail("Token non valido.");
        }
        var hash = AccessToken.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.Set<AccessToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash);
        if (token is null || !token.IsActive(now))
        {
            return AuthenticateResult.Fail("Token non valido, scaduto o revocato.");
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("Utente disabilitato.");
        }
        if (token.LastUsedAt is null || token.LastUsedAt < now.AddMinutes(-1))
        {
            // Bookkeeping only: a direct update keeps it out of the audit trail.
            await db.Set<AccessToken>().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        }
        var principal = await principals.CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(TokenIdClaim,
            token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.WriteAsync(Context, Problems.Unauthenticated, "Accedi o invia un token valido nell'intestazione Authorization: Bearer.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Forbidden, "Il tuo ruolo non consente questa operazione.");
}
