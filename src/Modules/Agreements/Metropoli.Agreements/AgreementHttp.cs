using Metropoli.Platform.Api;

namespace Metropoli.Agreements;

/// <summary>The change is well formed and the version is current, but the agreement's state forbids it
/// (an impossible transition, an ended agreement): 409 with the reason.</summary>
public sealed record AgreementConflict(string Reason) : Outcome;

/// <summary>Answers the agreement endpoints share.</summary>
public static class AgreementHttp
{
    public const string NotFoundDetail = "Nessuna intesa con questo identificativo.";
    public const string EndedReason = "L'intesa è conclusa, scaduta o ritirata: non si può più modificare.";

    public static IResult ToHttp(Outcome outcome, HttpContext context) => outcome switch
    {
        AgreementConflict s => TypedResults.Problem(statusCode: 409, title: "Operazione non consentita", detail: s.Reason,
            extensions: new Dictionary<string, object?> { ["reason"] = s.Reason }),
        Outcome.NotFound => NotFound(),
        _ => Outcome.ToHttp(outcome, context),
    };

    public static IResult Created<T>(Outcome outcome, HttpContext context, string location, T? body) where T : class
    {
        if (outcome is not Outcome.Done done) return ToHttp(outcome, context);
        ETags.Set(context, done.Version);
        return TypedResults.Created(location, body);
    }

    public static IResult PreconditionRequired(string what) =>
        TypedResults.Problem(statusCode: 428, title: "Precondizione richiesta",
            detail: $"Invia l'intestazione If-Match con l'ETag letto da {what}, per non sovrascrivere modifiche altrui.");

    public static IResult NotFound(string detail = NotFoundDetail) =>
        TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: detail);
}
