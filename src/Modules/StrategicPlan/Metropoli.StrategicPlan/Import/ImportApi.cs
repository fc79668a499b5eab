using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Import;

public sealed record PlanImportResponse(int Areas, int Objectives, int Actions);

/// <summary>The all-or-nothing CSV import of a plan's structure, one row per action.</summary>
internal static class ImportApi
{
    public static void Map(RouteGroupBuilder plans)
    {
        plans.MapPost("/{id:long}/import", async Task<IResult> (long id, string? numbers, HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (CsvUpload.NotCsv(request, ImportPlanStructure.Columns) is { } notCsv) return notCsv;
                if (!CsvUpload.TryNumberStyle(numbers, out var style, out var badNumbers)) return badNumbers;
                if (await CsvUpload.ReadAtMostAsync(request.Body, ImportPlanStructure.MaxBytes, ct) is not { } content) return CsvUpload.TooLarge(ImportPlanStructure.MaxBytes);
                return await ImportPlanStructure.HandleAsync(db, user, clock, id, content, style, ct) switch
                {
                    PlanImportResult.Imported imported => TypedResults.Ok(new PlanImportResponse(imported.Areas, imported.Objectives, imported.Actions)),
                    PlanImportResult.Rejected rejected => CsvUpload.Rejected(rejected.Errors, "non è stato importato nulla"),
                    PlanImportResult.Refused refused => Problems.Refused.Result(refused.Reason),
                    PlanImportResult.NotFound => OutcomeHttp.NotFound(PlanAccess.PlanNotFound),
                    _ => Problems.Forbidden.Result("Solo l'ufficio di piano può importare la struttura di un piano."),
                };
            })
            .RequireAuthorization(Policies.PlanOffice)
            .AcceptsCsvImport<PlanImportResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithName("importPlanStructure").WithSummary("Importa la struttura di un piano da un file CSV UTF-8, una riga per azione (ufficio di piano). Tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con l'elenco degli errori e il numero di riga di ciascuno.");
    }
}
