using Metropoli.Platform.Errors;

namespace Metropoli.Platform.Auth;

/// <summary>An account created with a one-time password (an administrator's, the command line's) reaches only the
/// password change page until it sets its own (ADR 0030); the API answers 403 meanwhile.</summary>
public sealed class PasswordChangeRequirementMiddleware(RequestDelegate next)
{
    public const string ChangePath = "/account/password";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.User.HasClaim(AppClaimsFactory.MustChangePasswordClaim, "true")
            && !IsAllowed(context.Request.Path))
        {
            if (Problems.IsApi(context))
            {
                await Problems.WriteAsync(context, Problems.Forbidden,
                    "Cambia la password iniziale dalla pagina /account/password prima di usare Metropoli.");
                return;
            }
            context.Response.Redirect(ChangePath);
            return;
        }
        await next(context);
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments(ChangePath) || path.StartsWithSegments("/esci") || path.StartsWithSegments("/lib")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/errore")
        || path.StartsWithSegments("/lingua");
}
