using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Platform.Errors;

/// <summary>Writes RFC 9457 problem+json responses, the one error shape of the API.</summary>
public static class Problems
{
    public static bool IsApi(HttpContext context)
    {
        var path = OriginalPath(context);
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/status");
    }

    /// <summary>The path the client asked for: the exception handler has already rewritten
    /// Request.Path to the error page when an <see cref="Microsoft.AspNetCore.Diagnostics.IExceptionHandler"/> runs.</summary>
    public static PathString OriginalPath(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } original
            ? new PathString(original)
            : context.Request.Path;

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized && string.IsNullOrEmpty(context.Response.Headers.WWWAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer"; // RFC 9110: a 401 names the scheme to use
        }
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "Richiesta non valida",
        401 => "Autenticazione richiesta",
        403 => "Accesso negato",
        404 => "Risorsa non trovata",
        405 => "Metodo non consentito",
        406 => "Formato non disponibile",
        409 => "Conflitto",
        411 => "Lunghezza richiesta",
        413 => "Richiesta troppo grande",
        415 => "Tipo di contenuto non supportato",
        422 => "Regola non rispettata",
        428 => "Precondizione richiesta",
        429 => "Troppe richieste",
        503 => "Servizio non disponibile",
        _ => status >= 500 ? "Errore interno" : "Errore",
    };

    public static string DetailFor(int status) => status switch
    {
        404 => "L'indirizzo richiesto non esiste.",
        405 => "Il metodo HTTP non è consentito per questo indirizzo.",
        415 => "Invia il corpo della richiesta come application/json.",
        413 => "Il corpo della richiesta supera la dimensione massima consentita.",
        _ => TitleFor(status) + ".",
    };
}
