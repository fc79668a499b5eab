using System.Security.Claims;

namespace Metropoli.Platform.Auth;

/// <summary>Who is acting, the one way the platform and the modules name the author of a change and the user of
/// the audit trail: the signed-in user of the request, a visitor, or the system (background jobs, the command
/// line, seeding, where there is no request).</summary>
public interface ICurrentUser
{
    /// <summary>The account id, or null for the system and for visitors.</summary>
    string? Id { get; }

    /// <summary>The sign-in name, recorded as the author of changes and in the audit trail
    /// (<see cref="CurrentUser.SystemName"/> for the system, <see cref="CurrentUser.AnonymousName"/> for a visitor).</summary>
    string Name { get; }

    /// <summary>The person's name as pages show it.</summary>
    string DisplayName { get; }

    bool IsAuthenticated { get; }

    /// <summary>The claims behind it, for the authorization rules of the modules (roles, scopes).</summary>
    ClaimsPrincipal Principal { get; }
}

/// <summary>The <see cref="ICurrentUser"/> of a principal: what a command handler records as its author when an
/// endpoint, a page or a demo seeder hands it the acting principal.</summary>
public sealed class CurrentUser : ICurrentUser
{
    public const string SystemName = "sistema";
    public const string AnonymousName = "anonimo";

    /// <summary>The author of what runs outside a request: jobs, the command line, seeding.</summary>
    public static readonly ICurrentUser System = new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity()), SystemName);

    private readonly string _fallbackName;

    private CurrentUser(ClaimsPrincipal principal, string fallbackName)
    {
        Principal = principal;
        _fallbackName = fallbackName;
    }

    /// <summary>A signed-in principal (a person, a token, a seeder acting as an office) or a visitor.</summary>
    public static ICurrentUser Of(ClaimsPrincipal principal) =>
        new CurrentUser(principal, principal.Identity?.IsAuthenticated == true ? SystemName : AnonymousName);

    public ClaimsPrincipal Principal { get; }
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? Id => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string Name => IsAuthenticated ? Principal.Identity!.Name ?? _fallbackName : _fallbackName;
    public string DisplayName => IsAuthenticated ? Principal.DisplayName() : Name;
}

/// <summary>The scoped <see cref="ICurrentUser"/>: the request's user, read when asked (sign-in changes it during
/// the request), or the system when there is no request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ICurrentUser Current => accessor.HttpContext is { } http ? CurrentUser.Of(http.User) : CurrentUser.System;

    public string? Id => Current.Id;
    public string Name => Current.Name;
    public string DisplayName => Current.DisplayName;
    public bool IsAuthenticated => Current.IsAuthenticated;
    public ClaimsPrincipal Principal => Current.Principal;
}
