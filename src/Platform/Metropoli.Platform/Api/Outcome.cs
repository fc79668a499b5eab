namespace Metropoli.Platform.Api;

/// <summary>What a command handler answers; pages and API endpoints translate it in one place each.</summary>
public abstract record Outcome
{
    public sealed record Done(int Version) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Forbidden : Outcome;
    public sealed record Conflict(int CurrentVersion) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public static IResult ToHttp(Outcome outcome, HttpContext context) => outcome switch
    {
        Done d => WithETag(context, d.Version),
        NotFound => TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: "Il record richiesto non esiste."),
        Forbidden => TypedResults.Problem(statusCode: 403, title: "Accesso negato", detail: "Non puoi modificare questo record."),
        Conflict c => TypedResults.Problem(statusCode: 409, title: "Conflitto di versione",
            detail: $"Il record è stato modificato da un altro utente (versione attuale {c.CurrentVersion}). Rileggilo e riprova.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = c.CurrentVersion }),
        Invalid i => TypedResults.Problem(statusCode: 422, title: "Dati non validi", detail: "Correggi i campi indicati.", extensions: new Dictionary<string, object?> { ["errors"] = i.Errors }),
        _ => throw new InvalidOperationException("Unknown outcome"),
    };

    private static IResult WithETag(HttpContext context, int version)
    {
        ETags.Set(context, version);
        return TypedResults.NoContent();
    }
}
