using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Errors;

/// <summary>The one place unexpected and malformed-request exceptions become responses.
/// Internal details never leave the server: they are logged with the trace id.</summary>
public sealed partial class ProblemDetailsExceptionHandler(ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, Problems.DetailFor(413)),
            BadHttpRequestException { InnerException: JsonException je } => (400, JsonError(je)),
            BadHttpRequestException bad => (bad.StatusCode, BindingError(bad)),
            JsonException je => (400, JsonError(je)),
            _ when IsTextRefusedByDatabase(exception) => (400, "Il testo contiene un carattere non ammesso (NUL, codice 0): toglilo e riprova."),
            DbUpdateConcurrencyException => (409, "Il record è stato modificato da un altro utente. Ricarica e riprova."),
            // A rule held by a unique index that a handler did not answer itself: a concurrent request won.
            _ when Metropoli.Platform.Data.UniqueViolation.Is(exception) => (409, UniqueConflictDetail),
            _ when IsDatabaseUnavailable(exception) => (503, "Il database non risponde. Riprova tra poco."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, ""),
            _ => (500, "Si è verificato un errore imprevisto. Se persiste, comunica all'assistenza il codice " + context.TraceIdentifier + "."),
        };
        if (status == 499)
        {
            return true;
        }
        if (status == 503)
        {
            context.Response.Headers.RetryAfter = "30";
            logger.LogWarning(exception, "Database unavailable for {Path}", context.Request.Path);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Path}", context.Request.Path);
        }
        if (!Problems.IsApi(context) && status >= 500)
        {
            return false; // pages show the HTML error page
        }
        await Problems.WriteAsync(context, Problems.For(status), detail);
        return true;
    }

    public const string UniqueConflictDetail = "Un'altra richiesta ha appena registrato lo stesso dato: ricarica e verifica prima di riprovare.";

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException) yield return x;
    }

    /// <summary>Connection failures (server down, refused, timed out), as opposed to bugs in a query.</summary>
    private static bool IsDatabaseUnavailable(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 14 }: // busy, locked, cannot open
                    return true;
            }
        }
        return false;
    }

    /// <summary>A NUL character in a text: refused before saving (<see cref="Metropoli.Platform.Data.TextGuard"/>),
    /// or by PostgreSQL in a query parameter (SQLSTATE 22021, 22P05). A client error, not a bug.</summary>
    private static bool IsTextRefusedByDatabase(Exception e) =>
        Chain(e).Any(x => x is Metropoli.Platform.Data.InvalidTextException or Npgsql.PostgresException { SqlState: "22021" or "22P05" });

    [System.Text.RegularExpressions.GeneratedRegex("""parameter "(?:[^"]*\s)?([A-Za-z_][A-Za-z0-9_]*)" """, System.Text.RegularExpressions.RegexOptions.None, 200)]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    /// <summary>The framework's binding failures name the parameter with its .NET type ("Failed to bind parameter
    /// \"Nullable&lt;long&gt; Party\" from \"abc\"."): internal details, in English, even in Production (issue 18,
    /// point 19). The answer names the parameter as clients write it, in Italian; other request errors (Kestrel's) keep
    /// their message, which names no type.</summary>
    private static string BindingError(BadHttpRequestException bad)
    {
        var message = bad.Message;
        var match = ParameterName().Match(message + " ");
        if (!match.Success)
        {
            return message.Contains("media type", StringComparison.OrdinalIgnoreCase) ? Problems.DetailFor(415)
                : message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "Il corpo della richiesta manca o non è leggibile."
                : message.Contains('<') || message.Contains("System.", StringComparison.Ordinal) ? Problems.BadRequest.Title + "."
                : Clean(message);
        }
        var raw = match.Groups[1].Value;
        var name = char.ToLowerInvariant(raw[0]) + raw[1..];
        if (message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return $"Il parametro «{name}» è obbligatorio.";
        }
        if (message.StartsWith("Failed to bind parameter", StringComparison.Ordinal))
        {
            return $"Il parametro «{name}» ha un valore non valido: controlla il tipo (un numero, una data, …).";
        }
        return $"Il parametro «{name}» non è leggibile dalla richiesta.";
    }

    // Anything longer is trimmed so no large echo of the input comes back.
    private static string Clean(string message) => message.Length > 300 ? message[..300] : message;

    /// <summary>Where the JSON is wrong, without the reader's message: that names the .NET types the body
    /// maps to (Metropoli.….CreateAccessTokenRequest, System.Int32), internal details a client has no use for.</summary>
    private static string JsonError(JsonException je)
    {
        var where = string.IsNullOrEmpty(je.Path) || je.Path == "$" ? "" : $" nel campo {Clean(je.Path)}";
        var position = je.LineNumber is { } line ? $" (riga {line + 1}, carattere {(je.BytePositionInLine ?? 0) + 1})" : "";
        return $"JSON non valido{where}{position}: controlla la sintassi e il tipo dei valori.";
    }
}
