using System.Security.Claims;

namespace Metropoli.Platform.Audit;

/// <summary>Who is acting, for the audit trail: the signed-in user, or the command line.</summary>
public interface IAuditContext
{
    string? UserId { get; }
    string UserName { get; }
}

public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;
    public string? UserId => User?.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string UserName => User?.Identity?.IsAuthenticated == true
        ? User.Identity.Name ?? "?"
        : accessor.HttpContext is null ? SystemAuditContext.Name : "anonimo";
}

public sealed class SystemAuditContext : IAuditContext
{
    public const string Name = "sistema";
    public string? UserId => null;
    public string UserName { get; init; } = Name;
}
