using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Platform.Api;

/// <summary>How every API endpoint answers a handler's <see cref="Outcome"/> and the usual preconditions, so
/// that each says the same thing the same way: 204 with the ETag, 201 with location and ETag, 403, 404, 409
/// (version or state), 422 and 428 as problem+json from the catalogue (<see cref="Problems"/>).</summary>
public static class OutcomeHttp
{
    public const string NotFoundDetail = "Il record richiesto non esiste.";
    public const string ForbiddenDetail = "Non puoi modificare questo record.";

    /// <param name="notFound">The 404 detail naming what is missing ("Nessuna intesa con questo identificativo.").</param>
    /// <param name="forbidden">The 403 detail saying who may do it, where the endpoint says more than the default.</param>
    public static IResult ToHttp(Outcome outcome, HttpContext context, string? notFound = null, string? forbidden = null) => outcome switch
    {
        Outcome.Done d => NoContent(context, d.Version),
        Outcome.NotFound => NotFound(notFound ?? NotFoundDetail),
        Outcome.Forbidden => Problems.Forbidden.Result(forbidden ?? ForbiddenDetail),
        Outcome.Conflict c => Problems.VersionConflict.Result(
            $"Il record è stato modificato da un altro utente (versione attuale {c.CurrentVersion}). Rileggilo e riprova.",
            new Dictionary<string, object?> { ["currentVersion"] = c.CurrentVersion }),
        Outcome.Refused r => Refused(r.Reason),
        Outcome.Invalid i => Problems.Invalid.Result("Correggi i campi indicati.", new Dictionary<string, object?> { ["errors"] = i.Errors }),
        _ => throw new InvalidOperationException("Unknown outcome " + outcome.GetType().Name),
    };

    /// <summary>For commands that create a record: 201 with its location and its ETag.</summary>
    public static IResult Created<T>(Outcome outcome, HttpContext context, string location, T? body, string? notFound = null) where T : class
    {
        if (outcome is not Outcome.Done done)
        {
            return ToHttp(outcome, context, notFound);
        }
        ETags.Set(context, done.Version);
        return TypedResults.Created(location, body);
    }

    /// <summary>For commands that add a record rather than edit one: 204 without an ETag to hand back.</summary>
    public static IResult Added(Outcome outcome, HttpContext context) =>
        outcome is Outcome.Done ? TypedResults.NoContent() : ToHttp(outcome, context);

    /// <summary>GET of one record: 200 with its ETag, or 404 with <paramref name="notFound"/>.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, Func<T, int> version, HttpContext context, string notFound) where T : class
    {
        if (value is null) return NotFound(notFound);
        ETags.Set(context, version(value));
        return TypedResults.Ok(value);
    }

    /// <summary>A change guarded by If-Match: 428 without the header, otherwise the command's outcome.
    /// <paramref name="what"/> names the record in the 428 message ("l'area").</summary>
    public static async Task<IResult> IfMatchAsync(HttpContext context, string what, Func<int?, Task<Outcome>> command,
        string? notFound = null, string? forbidden = null)
    {
        var version = ETags.FromIfMatch(context.Request);
        if (version is null) return PreconditionRequired(what);
        return ToHttp(await command(version), context, notFound, forbidden);
    }

    /// <summary>A DELETE guarded by If-Match: 204 without an ETag when done (nothing is left to tag).</summary>
    public static async Task<IResult> DeleteIfMatchAsync(HttpContext context, string what, Func<int?, Task<Outcome>> command,
        string? notFound = null, string? forbidden = null)
    {
        var version = ETags.FromIfMatch(context.Request);
        if (version is null) return PreconditionRequired(what);
        var outcome = await command(version);
        return outcome is Outcome.Done ? TypedResults.NoContent() : ToHttp(outcome, context, notFound, forbidden);
    }

    public static ProblemHttpResult PreconditionRequired(string what) =>
        Problems.PreconditionRequired.Result($"Invia l'intestazione If-Match con l'ETag letto da {what}, per non sovrascrivere modifiche altrui.");

    public static ProblemHttpResult NotFound(string detail) => Problems.NotFound.Result(detail);

    /// <summary>409: the record's state forbids the change; the reason also as <c>reason</c>.</summary>
    public static ProblemHttpResult Refused(string reason) =>
        Problems.Refused.Result(reason, new Dictionary<string, object?> { ["reason"] = reason });

    private static IResult NoContent(HttpContext context, int version)
    {
        ETags.Set(context, version);
        return TypedResults.NoContent();
    }
}
