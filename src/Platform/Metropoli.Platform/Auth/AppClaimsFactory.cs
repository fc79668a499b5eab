using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Auth;

/// <summary>Puts the user's scopes into the principal, so authorization needs no extra query.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string TwoFactorClaim = "metropoli:2fa";
    /// <summary>Present while the account still has the one-time password it was created with (ADR 0030).</summary>
    public const string MustChangePasswordClaim = "metropoli:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        id.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        if (user.MustChangePassword) id.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        if (user.SectorCode is { } s) id.AddClaim(new Claim(ScopeClaims.Sector, s));
        if (user.MunicipalityIstat is { } m) id.AddClaim(new Claim(ScopeClaims.Municipality, m));
        if (user.ZoneCode is { } z) id.AddClaim(new Claim(ScopeClaims.Zone, z));
        if (user.OrganisationId is { } o) id.AddClaim(new Claim(ScopeClaims.Organisation, o.ToString(CultureInfo.InvariantCulture)));
        return id;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string? MunicipalityScope(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Municipality);
    public static string? ZoneScope(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaims.Zone);
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ScopeClaims.DisplayName) is { Length: > 0 } n ? n : user.Identity?.Name ?? "";
    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
