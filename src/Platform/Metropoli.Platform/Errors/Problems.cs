using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Platform.Errors;

/// <summary>A kind of problem the API answers with (RFC 9457): a stable <c>type</c> URI, the status and the
/// title, written once. Clients tell problems apart by <see cref="Type"/>, never by the title's words.</summary>
public sealed record ProblemType(string Name, int Status, string Title)
{
    public string Type => Name == Problems.Blank ? Problems.Blank : Problems.TypeBase + Name;

    /// <summary>The problem as a Minimal API result.</summary>
    public ProblemHttpResult Result(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: Status, title: Title, type: Type, extensions: extensions);
}

/// <summary>The problem catalogue, and the writer of RFC 9457 problem+json responses, the one error shape
/// of the API. Each entry is a problem the API emits; a module declares its own (a <see cref="ProblemType"/>)
/// only for a problem no other module has.</summary>
public static class Problems
{
    public const string TypeBase = "https://metropoli.example/problems/";

    /// <summary>RFC 9457's "no more than the status code says", for statuses without an entry of their own.</summary>
    public const string Blank = "about:blank";

    public static readonly ProblemType BadRequest = new("bad-request", 400, "Richiesta non valida");
    /// <summary>The framework's answer to parameters that fail binding or their checks (<c>ValidationProblem</c>),
    /// with its title, kept as clients have always received it.</summary>
    public static readonly ProblemType InvalidParameters = new("invalid-parameters", 400, "One or more validation errors occurred.");
    public static readonly ProblemType Unauthenticated = new("unauthenticated", 401, "Autenticazione richiesta");
    public static readonly ProblemType Forbidden = new("forbidden", 403, "Accesso negato");
    public static readonly ProblemType NotFound = new("not-found", 404, "Risorsa non trovata");
    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", 405, "Metodo non consentito");
    public static readonly ProblemType NotAcceptable = new("not-acceptable", 406, "Formato non disponibile");
    /// <summary>A concurrent change found only when saving (the exception handler's answer).</summary>
    public static readonly ProblemType Conflict = new("conflict", 409, "Conflitto");
    /// <summary>The version the client sent (If-Match, a version field) is not the current one.</summary>
    public static readonly ProblemType VersionConflict = new("version-conflict", 409, "Conflitto di versione");
    /// <summary>The request is well formed and current, but the record's state forbids it (a status
    /// transition that does not exist, an archived plan, an ended agreement); the reason is in <c>reason</c>.</summary>
    public static readonly ProblemType Refused = new("refused", 409, "Operazione non consentita");
    public static readonly ProblemType LengthRequired = new("length-required", 411, "Lunghezza richiesta");
    public static readonly ProblemType TooLarge = new("too-large", 413, "Richiesta troppo grande");
    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type", 415, "Tipo di contenuto non supportato");
    /// <summary>Fields of the body break their rules; the messages per field are in <c>errors</c>.</summary>
    public static readonly ProblemType Invalid = new("invalid", 422, "Dati non validi");
    /// <summary>An all-or-nothing file import refused: every error with its line is in <c>errors</c>.</summary>
    public static readonly ProblemType ImportRejected = new("import-rejected", 422, "File non importato");
    public static readonly ProblemType RuleBroken = new("rule-broken", 422, "Regola non rispettata");
    public static readonly ProblemType PreconditionRequired = new("precondition-required", 428, "Precondizione richiesta");
    public static readonly ProblemType TooManyRequests = new("too-many-requests", 429, "Troppe richieste");
    public static readonly ProblemType Internal = new("internal", 500, "Errore interno");
    public static readonly ProblemType Unavailable = new("unavailable", 503, "Servizio non disponibile");

    /// <summary>The problem a bare status stands for, when nothing more specific is known (an empty 4xx/5xx
    /// answer, an exception).</summary>
    public static ProblemType For(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        406 => NotAcceptable,
        409 => Conflict,
        411 => LengthRequired,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        422 => RuleBroken,
        428 => PreconditionRequired,
        429 => TooManyRequests,
        500 => Internal,
        503 => Unavailable,
        _ => new ProblemType(Blank, status, status >= 500 ? "Errore interno" : "Errore"),
    };

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

    public static async Task WriteAsync(HttpContext context, ProblemType problem, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.StatusCode = problem.Status;
        if (problem.Status == StatusCodes.Status401Unauthorized && string.IsNullOrEmpty(context.Response.Headers.WWWAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer"; // RFC 9110: a 401 names the scheme to use
        }
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = problem.Status, Title = problem.Title, Type = problem.Type, Detail = detail },
        });
    }

    /// <summary>Gives a problem written by the framework (a <c>ValidationProblem</c>, a binding failure) the
    /// catalogue's type in place of the RFC section link it fills in; a problem written from the catalogue
    /// already carries its own.</summary>
    public static void ApplyType(ProblemDetails problem)
    {
        if (problem.Type is { } type && !type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal)) return;
        var status = problem.Status ?? 500;
        problem.Type = problem is HttpValidationProblemDetails && status == 400 ? InvalidParameters.Type : For(status).Type;
    }

    public static string DetailFor(int status) => status switch
    {
        404 => "L'indirizzo richiesto non esiste.",
        405 => "Il metodo HTTP non è consentito per questo indirizzo.",
        415 => "Invia il corpo della richiesta come application/json.",
        413 => "Il corpo della richiesta supera la dimensione massima consentita.",
        _ => For(status).Title + ".",
    };
}
