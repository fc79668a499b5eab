using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Import;

public sealed record AgreementImportResponse(int Agreements, int Parties);

/// <summary>The all-or-nothing CSV import of agreements and their parties.</summary>
internal static class ImportApi
{
    public static void Map(RouteGroupBuilder agreements)
    {
        agreements.MapPost("/import", async Task<IResult> (string? numbers, HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (CsvUpload.NotCsv(request, ImportAgreements.Columns) is { } notCsv) return notCsv;
                if (!CsvUpload.TryNumberStyle(numbers, out var style, out var badNumbers)) return badNumbers;
                if (await CsvUpload.ReadAtMostAsync(request.Body, ImportAgreements.MaxBytes, ct) is not { } content) return CsvUpload.TooLarge(ImportAgreements.MaxBytes);
                return await ImportAgreements.HandleAsync(db, user, clock, content, style, ct) switch
                {
                    AgreementImportResult.Imported i => TypedResults.Ok(new AgreementImportResponse(i.Agreements, i.Parties)),
                    AgreementImportResult.Rejected r => CsvUpload.Rejected(r.Errors, "non è stato importato nulla"),
                    _ => Problems.Forbidden.Result("Solo l'ufficio di piano può importare intese."),
                };
            })
            .RequireAuthorization(Policies.PlanOffice)
            .AcceptsCsvImport<AgreementImportResponse>()
            .WithName("importAgreements").WithSummary("Importa intese e parti da un file CSV UTF-8, una riga per intesa (ufficio di piano). Tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con ogni errore e il suo numero di riga.");
    }
}
