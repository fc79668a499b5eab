using Metropoli.Platform.Errors;

namespace Metropoli.Platform.Auth;

/// <summary>When <c>Security:RequireTwoFactorForAdministrators</c> is on, an administrator without an
/// authenticator app can only reach the page that sets one up (and log out).</summary>
public sealed class TwoFactorRequirementMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string SetupPath = "/account/due-fattori";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (configuration.GetValue("Security:RequireTwoFactorForAdministrators", false)
            && user.Identity?.IsAuthenticated == true
            && user.IsInRole(Roles.Administrator)
            && user.FindFirst(AppClaimsFactory.TwoFactorClaim)?.Value != "true"
            && !IsAllowed(context.Request.Path))
        {
            if (Problems.IsApi(context))
            {
                await Problems.WriteAsync(context, Problems.Forbidden,
                    "Gli amministratori devono attivare l'autenticazione a due fattori prima di usare Metropoli.");
                return;
            }
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/esci") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/errore")
        || path.StartsWithSegments("/lingua");
}
