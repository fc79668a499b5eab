using Metropoli.Platform.Auth;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Antiforgery;

namespace Metropoli.Platform.Security;

/// <summary>Cross-site request forgery on the API (issue 18, point 18): a write to <c>/api</c> authenticated by the
/// session cookie alone must come from the app's own pages, that is from the same origin (<c>Origin</c>, else
/// <c>Sec-Fetch-Site: same-origin</c>), or carry the antiforgery token in <c>X-CSRF-TOKEN</c>. A page form without
/// its token was already refused; the same write through the API was not, multipart uploads included. Requests
/// authenticated by a personal access token (machines) and reads are not concerned.</summary>
public sealed class CookieApiOriginMiddleware(RequestDelegate next)
{
    public const string Detail = "Modifica rifiutata: con il cookie di sessione una scrittura tramite API deve provenire dalla stessa origine " +
        "delle pagine di Metropoli o portare il token antiforgery (X-CSRF-TOKEN). Da un altro programma usa un token personale (Authorization: Bearer).";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!Problems.IsApi(context) || IsSafe(context.Request.Method) || context.User.Identity?.IsAuthenticated != true
            || AccessTokenHandler.ViaToken(context.User) || SameOrigin(context.Request)
            || await HasValidAntiforgeryTokenAsync(context, antiforgery))
        {
            await next(context);
            return;
        }
        await Problems.WriteAsync(context, Problems.Forbidden, Detail);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>Browsers send Origin with every cross-origin write (and with same-origin ones); where it is missing,
    /// Sec-Fetch-Site tells. Neither (a client that is not a browser, an old one) is not the same origin.</summary>
    public static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath == "/" && uri.Query.Length == 0;
        }
        return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> HasValidAntiforgeryTokenAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.Headers.ContainsKey("X-CSRF-TOKEN"))
        {
            return false;
        }
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
