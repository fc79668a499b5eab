using Metropoli.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan;

/// <summary>The change is well formed and the version is current, but the state of the record forbids
/// it (an illegal status transition, an archived plan, a node that still has children): 409 with the
/// reason, as distinct from a version conflict.</summary>
public sealed record StateConflict(string Reason) : Outcome;

/// <summary>Answers the plan endpoints share, so each says the same thing the same way.</summary>
public static class PlanHttp
{
    public static IResult ToHttp(Outcome outcome, HttpContext context) => outcome switch
    {
        StateConflict s => TypedResults.Problem(statusCode: 409, title: "Operazione non consentita", detail: s.Reason,
            extensions: new Dictionary<string, object?> { ["reason"] = s.Reason }),
        _ => Outcome.ToHttp(outcome, context),
    };

    /// <summary>For commands that create a record: 201 with its location and its ETag.</summary>
    public static IResult Created<T>(Outcome outcome, HttpContext context, string location, T? body) where T : class
    {
        if (outcome is not Outcome.Done done)
        {
            return ToHttp(outcome, context);
        }
        ETags.Set(context, done.Version);
        return TypedResults.Created(location, body);
    }

    /// <summary>GET of one record: 200 with its ETag, or 404 with <paramref name="notFound"/>.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Found<T>(T? value, Func<T, int> version, HttpContext context, string notFound) where T : class
    {
        if (value is null) return TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: notFound);
        ETags.Set(context, version(value));
        return TypedResults.Ok(value);
    }

    /// <summary>A change guarded by If-Match: 428 without the header, otherwise the command's outcome
    /// (<paramref name="answer"/>, or <see cref="ToHttp"/> when not given). <paramref name="what"/> names
    /// the record in the 428 message ("l'area").</summary>
    public static async Task<IResult> IfMatchAsync(HttpContext context, string what, Func<int?, Task<Outcome>> command, Func<Outcome, IResult>? answer = null)
    {
        var version = ETags.FromIfMatch(context.Request);
        if (version is null) return PreconditionRequired(what);
        var outcome = await command(version);
        return answer is null ? ToHttp(outcome, context) : answer(outcome);
    }

    /// <summary>A DELETE guarded by If-Match: 204 when done.</summary>
    public static Task<IResult> DeleteIfMatchAsync(HttpContext context, string what, Func<int?, Task<Outcome>> command, Func<Outcome, IResult>? refused = null) =>
        IfMatchAsync(context, what, command, outcome => outcome is Outcome.Done ? TypedResults.NoContent() : refused?.Invoke(outcome) ?? ToHttp(outcome, context));

    public static IResult PreconditionRequired(string what) =>
        TypedResults.Problem(statusCode: 428, title: "Precondizione richiesta",
            detail: $"Invia l'intestazione If-Match con l'ETag letto da {what}, per non sovrascrivere modifiche altrui.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: detail);

    /// <summary>Drafts are invisible to those who may not see them: the same 404 as a missing record,
    /// so that the existence of a plan in preparation is not revealed.</summary>
    public const string PlanNotFound = "Nessun piano con questo identificativo.";
}
