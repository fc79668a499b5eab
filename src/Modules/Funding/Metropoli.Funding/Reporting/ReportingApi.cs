using System.Globalization;
using System.Security.Claims;
using Metropoli.Funding.Applications;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Funding.Reporting;

/// <summary>Reporting of funded projects (/api/v1/projects/{cup}/expenditures and /milestones, the office's decisions)
/// and the documents of applications.</summary>
internal static class ReportingApi
{
    private const string ProjectNotFound = "Nessun progetto con questo CUP.";

    public static void Map(RouteGroupBuilder api)
    {
        var projects = api.MapGroup("/projects").WithTags(FundingApi.Tag);
        projects.MapGet("/{cup}/expenditures", async Task<IResult> (string cup, [AsParameters] ListQuery query, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return cup.Length <= 20 && await ProjectReporting.ValidatedAsync(db, cup, query, ct) is { } page ? TypedResults.Ok(page) : OutcomeHttp.NotFound(ProjectNotFound);
            })
            .AllowAnonymous()
            .WithName("listProjectExpenditures").WithSummary("Le spese validate di un progetto (le sole pubblicate): importo, data, richiesta di pagamento, documento con SHA-256; paginazione.")
            .Produces<Paged<ExpenditureRow>>(200).ProducesProblem(404);

        projects.MapPost("/{cup}/expenditures", async Task<IResult> (string cup, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType) return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il documento nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var request = new ExpenditureRequest(
                    decimal.TryParse(form["amount"], NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null,
                    DateOnly.TryParseExact(form["paidOn"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                    form["description"], form["paymentRequest"]);
                if (cup.Length > 20) return OutcomeHttp.NotFound(ProjectNotFound);
                var (outcome, id) = await ProjectReporting.AddExpenditureAsync(db, user, clock, files, cup, request,
                    file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/projects/{cup}/expenditures", new { id }) : OutcomeHttp.ToHttp(outcome, context, ProjectNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithName("addProjectExpenditure").WithSummary("Registra una spesa (referente del Comune attuatore): campi «amount», «paidOn» (aaaa-mm-gg), «description», «paymentRequest», «file» (PDF, PNG, JPG, CSV o XLSX, al più 10 MB; SHA-256 registrato). Oltre l'importo finanziato: 422 amount. Resta da validare.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        api.MapPost("/funding-expenditures/{id:long}/decision", (long id, ReportDecisionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la spesa", version => ProjectReporting.DecideExpenditureAsync(db, user, clock, id, version, request, ct), notFound: "Nessuna spesa con questo identificativo."))
            .RequireAuthorization(Policies.Authenticated).WithTags(FundingApi.Tag)
            .WithName("decideFundingExpenditure").WithSummary("L'ufficio valida («validated») o respinge con il motivo («rejected») una spesa da validare. Richiede If-Match (la versione della riga).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        projects.MapGet("/{cup}/milestones", async Task<IResult> (string cup, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                cup.Length <= 20 && await ProjectReporting.GetAsync(db, user, clock, cup, ct) is { } report ? TypedResults.Ok(report.Milestones) : OutcomeHttp.NotFound(ProjectNotFound))
            .AllowAnonymous()
            .WithName("listProjectMilestones").WithSummary("Milestone e target di un progetto con la scadenza; l'avanzamento è pubblicato solo se validato.")
            .Produces<IReadOnlyList<MilestoneRow>>(200).ProducesProblem(404);

        projects.MapPost("/{cup}/milestones", async Task<IResult> (string cup, MilestoneRequest request, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                if (cup.Length > 20) return OutcomeHttp.NotFound(ProjectNotFound);
                var (outcome, id) = await ProjectReporting.AddMilestoneAsync(db, user, cup, request, ct);
                return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/projects/{cup}/milestones", new { id }) : OutcomeHttp.ToHttp(outcome, context, ProjectNotFound);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addProjectMilestone").WithSummary("Aggiunge una milestone o un target con la scadenza (Comune attuatore, ufficio).")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        api.MapPost("/funding-milestones/{id:long}/progress", (long id, ProgressRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la milestone", version => ProjectReporting.ReportProgressAsync(db, user, clock, id, version, request, ct), notFound: "Nessuna milestone con questo identificativo."))
            .RequireAuthorization(Policies.Authenticated).WithTags(FundingApi.Tag)
            .WithName("reportFundingMilestoneProgress").WithSummary("Il Comune attuatore dichiara raggiunta una milestone (o il valore di un target): resta da validare. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        api.MapPost("/funding-milestones/{id:long}/decision", (long id, ReportDecisionRequest request, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la milestone", version => ProjectReporting.DecideMilestoneAsync(db, user, id, version, request, ct), notFound: "Nessuna milestone con questo identificativo."))
            .RequireAuthorization(Policies.Authenticated).WithTags(FundingApi.Tag)
            .WithName("decideFundingMilestone").WithSummary("L'ufficio valida o respinge con il motivo l'avanzamento dichiarato. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        api.MapPost("/funding-applications/{id:long}/documents", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType) return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var (outcome, docId) = await ApplicationDocuments.UploadAsync(db, user, clock, files, id, form["title"],
                    file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done ? TypedResults.Created($"/api/v1/funding-application-documents/{docId}/file", new { id = docId })
                    : OutcomeHttp.ToHttp(outcome, context, "Nessuna domanda con questo identificativo.");
            })
            .RequireAuthorization(Policies.Authenticated).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithTags(FundingApi.Tag)
            .WithName("uploadFundingApplicationDocument").WithSummary("Allega un documento alla domanda in bozza (campo «file»: PDF, PNG, JPG, CSV o XLSX, al più 10 MB; «title»). Ne registra lo SHA-256.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        api.MapGet("/funding-application-documents/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                var d = await ApplicationDocuments.FindAsync(db, user, id, ct);
                if (d is null) return OutcomeHttp.NotFound("Nessun documento con questo identificativo.");
                if (await files.OpenAsync(ApplicationDocuments.Area, d.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, d.ContentType, d.FileName, file.LastModified);
            })
            .AllowAnonymous().WithTags(FundingApi.Tag)
            .WithName("downloadFundingApplicationDocument").WithSummary("Scarica un documento di una domanda, per chi può vedere la domanda (le altre rispondono 404).")
            .Produces(200).ProducesProblem(404);
    }
}
