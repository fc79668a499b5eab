using Metropoli.Platform.Api;

namespace Metropoli.Territory;

/// <summary>Answers the territory endpoints share, so each says the same thing the same way.</summary>
internal static class TerritoryHttp
{
    public static IResult PreconditionRequired(string what) =>
        TypedResults.Problem(statusCode: 428, title: "Precondizione richiesta",
            detail: $"Invia l'intestazione If-Match con l'ETag letto da {what}, per non sovrascrivere modifiche altrui.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: detail);

    public static IResult BadDate() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [TerritoryDates.FormatError] });

    /// <summary>For commands that add a record rather than edit one: no ETag to hand back.</summary>
    public static IResult Added(Outcome outcome, HttpContext context) =>
        outcome is Outcome.Done ? TypedResults.NoContent() : Outcome.ToHttp(outcome, context);
}
