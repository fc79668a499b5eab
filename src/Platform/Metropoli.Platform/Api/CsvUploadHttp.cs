using System.Diagnostics.CodeAnalysis;
using Metropoli.Platform.Ui;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Platform.Api;

/// <summary>The HTTP side every CSV import endpoint shares: 415 for a body that is not text/csv (naming the
/// columns), 413 beyond the size limit, 422 with every error and its line when the file is refused.</summary>
public static partial class CsvUpload
{
    /// <summary>415 when the body is not declared as text/csv, null otherwise.</summary>
    public static ProblemHttpResult? NotCsv(HttpRequest request, IEnumerable<string> columns) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            ? null
            : Problems.UnsupportedMediaType.Result("Invia il file come text/csv in UTF-8, con l'intestazione " + string.Join(",", columns) + ".");

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes (then <see cref="TooLarge"/>).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static ProblemHttpResult TooLarge(int max) =>
        Problems.TooLarge.Result($"Il file supera la dimensione massima di {max / (1024 * 1024)} MB: dividilo in più file.");

    /// <summary>Declares a CSV import endpoint in the OpenAPI document: a text/csv body, 200 with
    /// <typeparamref name="TResponse"/>, 413, 415 and 422.</summary>
    /// <summary>The number format a CSV import declares with <c>?numbers=</c>: <c>it</c> (1.234,5), <c>en</c> (1,234.5),
    /// or nothing (values the two rules read differently are refused, <see cref="NumberStyle.Undeclared"/>).</summary>
    public static bool TryNumberStyle(string? numbers, out NumberStyle style, [NotNullWhen(false)] out IResult? problem)
    {
        problem = null;
        style = numbers?.Trim().ToLowerInvariant() switch
        {
            null or "" => NumberStyle.Undeclared,
            "it" => NumberStyle.Italian,
            "en" => NumberStyle.English,
            _ => (NumberStyle)(-1),
        };
        if ((int)style >= 0) return true;
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["numbers"] = ["Il formato dei numeri del file è it (1.234,5) oppure en (1,234.5); senza il parametro si rifiutano i valori leggibili in due modi, come 1.250."],
        });
        return false;
    }

    public static RouteHandlerBuilder AcceptsCsvImport<TResponse>(this RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<string>("text/csv").Produces<TResponse>(200).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

    /// <param name="nothingImported">What the refusal kept out, in the import's own words ("non è stato importato nulla").</param>
    public static ProblemHttpResult Rejected<T>(IReadOnlyCollection<T> errors, string nothingImported) =>
        Problems.ImportRejected.Result($"Il file contiene {errors.Count} errori: {nothingImported}. Correggi le righe indicate e invia di nuovo il file.",
            new Dictionary<string, object?> { ["errors"] = errors });
}
