using System.Security.Claims;
using Metropoli.Platform.Auth;

namespace Metropoli.Knowledge;

/// <summary>Who does what in the knowledge module (ADR 0048). The Città metropolitana's editors are the plan office
/// (the office that coordinates the metropolitan city's work with the Comuni) and the administrators: they write standard
/// acts and their versions. A municipality officer records the adoptions of their own Comune only.</summary>
public static class KnowledgeAccess
{
    public const string ActNotFound = "Nessun atto tipo con questo identificativo.";
    public const string VersionNotFound = "Nessuna versione con questo identificativo.";

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);

    /// <summary>The Comune a municipality officer acts for, or null.</summary>
    public static string? Municipality(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MunicipalityOfficer) && user.FindFirstValue(ScopeClaims.Municipality) is { Length: > 0 } m ? m.Trim() : null;

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "?";

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>An absolute http(s) address (a Comune's publication), or null.</summary>
    public static bool IsWebAddress(string? s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && s!.Length <= 1000;
}
