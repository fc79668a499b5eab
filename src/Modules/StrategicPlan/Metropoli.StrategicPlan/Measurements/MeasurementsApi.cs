using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>Measurements: submitted by the owner sector or the plan office (with an evidence file), validated or rejected by the plan office, imported from CSV; the validated ones are public.</summary>
internal static class MeasurementsApi
{
    public static void Map(RouteGroupBuilder indicators, RouteGroupBuilder measurements)
    {
        indicators.MapGet("/{id:long}/measurements", async Task<IResult> ([AsParameters] ListQuery query, long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var page = await ListMeasurements.ForIndicatorAsync(db, user, id, query, ct);
                return page is null ? OutcomeHttp.NotFound(IndicatorsApi.NotFoundDetail) : TypedResults.Ok(page);
            })
            .AllowAnonymous()
            .WithName("listIndicatorMeasurements").WithSummary("Le misurazioni di un indicatore, dal periodo più recente: per il pubblico solo quelle validate; per l'ufficio di piano e il settore responsabile tutte, con lo stato, il motivo di un rifiuto e l'evidenza.")
            .Produces<Paged<MeasurementRow>>(200).ProducesProblem(404);

        indicators.MapPost("/{id:long}/measurements", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
                IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                var (request, evidence, problem) = await ReadSubmissionAsync(http, ct);
                if (problem is not null) return problem;
                var (outcome, measurementId) = await SubmitMeasurement.CreateAsync(db, user, clock, files, id, request!, evidence, ct);
                if (outcome is not Outcome.Done) return OutcomeHttp.ToHttp(outcome, context, forbidden: SubmitForbidden);
                var row = await db.Set<Measurement>().AsNoTracking().SingleAsync(m => m.Id == measurementId, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/measurements/{measurementId}", ListMeasurements.Row(row, true));
            })
            .RequireAuthorization(Policies.Authenticated)
            .Accepts<MeasurementRequest>("application/json", "multipart/form-data")
            .WithName("submitMeasurement").WithSummary("Invia un valore per un periodo (2024, 2024-S1, 2024-Q3, 2024-05 secondo la frequenza), con una nota e, in multipart/form-data, un file di evidenza «evidence» (PDF, PNG, JPG, CSV o XLSX, al più 10 MB). Referente del settore responsabile o ufficio di piano; il valore resta da validare.")
            .Produces<MeasurementRow>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        measurements.MapGet("/pending", async Task<IResult> ([AsParameters] ListQuery query, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListMeasurements.PendingAsync(db, query, null, ct));
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("listPendingMeasurements").WithSummary("I valori in attesa di validazione, dal più vecchio (ufficio di piano).")
            .Produces<Paged<PendingRow>>(200);

        measurements.MapPut("/{id:long}", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
                IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("la misurazione");
                var (request, evidence, problem) = await ReadSubmissionAsync(http, ct);
                if (problem is not null) return problem;
                return OutcomeHttp.ToHttp(await SubmitMeasurement.UpdateAsync(db, user, clock, files, id, version, request!, evidence, ct), context, forbidden: SubmitForbidden);
            })
            .RequireAuthorization(Policies.Authenticated)
            .Accepts<MeasurementRequest>("application/json", "multipart/form-data")
            .WithName("correctMeasurement").WithSummary("Corregge un valore in attesa o respinto e lo invia di nuovo alla validazione (chi può inviarlo). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        measurements.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "la misurazione", version => DeleteMeasurement.HandleAsync(db, user, id, version, ct),
                    forbidden: DeleteMeasurement.ForbiddenDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("deleteMeasurement").WithSummary("Ritira un valore ancora in attesa di validazione (chi lo ha inviato) o elimina un valore in attesa o respinto (ufficio di piano). Un valore validato non si elimina mai: si sostituisce con un nuovo valore per lo stesso periodo (409). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);

        measurements.MapPost("/{id:long}/validation", (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la misurazione", version => ReviewMeasurement.ValidateAsync(db, user, clock, id, version, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("validateMeasurement").WithSummary("Valida un valore in attesa (ufficio di piano): da quel momento conta nel raggiungimento e nei dati pubblici; un valore validato prima per lo stesso periodo diventa «sostituito». Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);

        measurements.MapPost("/{id:long}/rejection", (long id, RejectionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la misurazione", version => ReviewMeasurement.RejectAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("rejectMeasurement").WithSummary("Respinge un valore in attesa con il motivo, obbligatorio (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        measurements.MapGet("/{id:long}/evidence", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                var (found, allowed, m) = await ListMeasurements.EvidenceAsync(db, user, id, ct);
                if (!found) return OutcomeHttp.NotFound("Nessun file di evidenza per questa misurazione.");
                if (!allowed) return Problems.Forbidden.Result("L'evidenza è riservata all'ufficio di piano e al settore responsabile dell'indicatore.");
                if (await files.OpenAsync(Evidence.Area, m!.EvidenceStoredName!, ct) is not { } file) return OutcomeHttp.NotFound("Il file di evidenza non è più disponibile.");
                return TypedResults.File(file.Content, m.EvidenceContentType ?? "application/octet-stream", m.EvidenceName ?? "evidenza", file.LastModified);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("downloadMeasurementEvidence").WithSummary("Scarica il file di evidenza di una misurazione (ufficio di piano e settore responsabile).")
            .Produces(200).ProducesProblem(403).ProducesProblem(404);

        measurements.MapPost("/import", async Task<IResult> (long? plan, string? numbers, HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (CsvUpload.NotCsv(request, ImportMeasurements.Columns) is { } notCsv) return notCsv;
                if (!CsvUpload.TryNumberStyle(numbers, out var style, out var badNumbers)) return badNumbers;
                if (plan is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["plan"] = ["Indica il piano con il parametro plan."] });
                if (await CsvUpload.ReadAtMostAsync(request.Body, ImportMeasurements.MaxBytes, ct) is not { } content) return CsvUpload.TooLarge(ImportMeasurements.MaxBytes);
                return await ImportMeasurements.HandleAsync(db, user, clock, plan.Value, content, style, ct) switch
                {
                    MeasurementImportResult.Imported imported => TypedResults.Ok(new MeasurementImportResponse(imported.Count)),
                    MeasurementImportResult.Rejected rejected => CsvUpload.Rejected(rejected.Errors, "non è stata importata nessuna riga"),
                    _ => Problems.Forbidden.Result("Solo l'ufficio di piano può importare misurazioni."),
                };
            })
            .RequireAuthorization(Policies.PlanOffice)
            .AcceptsCsvImport<MeasurementImportResponse>()
            .WithName("importMeasurements").WithSummary("Importa misurazioni degli indicatori di un piano (?plan=id) da un file CSV UTF-8 con le colonne indicator_code, period, value, note (ufficio di piano), tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con ogni errore e il suo numero di riga. I valori importati restano da validare.");
    }

    private const string SubmitForbidden = "Inviano i valori di un indicatore solo il settore responsabile e l'ufficio di piano.";

    /// <summary>The submission as JSON, or as a multipart form with the optional file "evidence".</summary>
    private static async Task<(MeasurementRequest?, EvidenceUpload?, IResult?)> ReadSubmissionAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
            if (form is null) return (null, null, problem);
            // A form field of a machine's request: read only when the Italian and the English rule agree.
            var ok = IndicatorRules.TryParseNumber(form["value"], NumberStyle.Undeclared, out var value, out var numberError);
            if (!ok) return (null, null, Problems.Invalid.Result("Correggi i campi indicati.", new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["value"] = [numberError!.ToString()] } }));
            var file = form.Files.GetFile("evidence");
            return (new MeasurementRequest { Period = form["period"], Value = value, Note = form["note"] },
                file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), null);
        }
        if (!http.HasJsonContentType())
        {
            return (null, null, Problems.UnsupportedMediaType.Result("Invia application/json oppure multipart/form-data."));
        }
        try
        {
            var body = await http.ReadFromJsonAsync<MeasurementRequest>(ct);
            return body is null ? (null, null, Problems.BadRequest.Result("Il corpo della richiesta è vuoto.")) : (body, null, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null, Problems.BadRequest.Result("Il JSON inviato non è valido."));
        }
    }
}
