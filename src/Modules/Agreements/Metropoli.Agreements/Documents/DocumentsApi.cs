using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Documents;

/// <summary>Documents of an agreement: upload (the evidence rules, SHA-256 recorded) and download for those who may see the agreement.</summary>
internal static class DocumentsApi
{
    public static void Map(RouteGroupBuilder agreements, RouteGroupBuilder api)
    {
        agreements.MapPost("/{id:long}/documents", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType)
                    return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var request = new DocumentRequest(form["kind"], form["title"], ParseId(form["obligationId"]), ParseId(form["meetingId"]));
                var (outcome, docId) = await UploadDocument.HandleAsync(db, user, clock, files, id, request,
                    file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done
                    ? TypedResults.Created($"/api/v1/agreement-documents/{docId}/file", new { id = docId })
                    : OutcomeHttp.ToHttp(outcome, context, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("uploadAgreementDocument").WithSummary("Carica un documento (campo «file»: PDF, PNG, JPG, CSV o XLSX, al più 10 MB; «kind»: signed-text, annex, minutes, evidence; «title»; facoltativi «obligationId» e «meetingId»). Ne registra lo SHA-256.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        api.MapPost("/agreement-documents/{id:long}/acceptance", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var outcome = await UploadDocument.AcceptAsync(db, user, clock, id, ct);
                return outcome is Outcome.Done ? TypedResults.NoContent() : OutcomeHttp.ToHttp(outcome, context, "Nessun documento con questo identificativo.");
            })
            .RequireAuthorization(Policies.Authenticated).WithTags(AgreementsApi.Tag)
            .WithName("acceptAgreementDocument").WithSummary("L'ufficio titolare dell'intesa accetta l'evidenza caricata da un referente comunale: da quel momento il documento è visibile con l'intesa. Un documento già accettato risponde 409.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/agreement-documents/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                var d = await UploadDocument.FindAsync(db, user, id, ct);
                if (d is null) return OutcomeHttp.NotFound("Nessun documento con questo identificativo.");
                if (await files.OpenAsync(UploadDocument.Area, d.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, d.ContentType, d.FileName, file.LastModified);
            })
            .AllowAnonymous().WithTags(AgreementsApi.Tag)
            .WithName("downloadAgreementDocument").WithSummary("Scarica un documento di un'intesa, per chi può vedere l'intesa (le altre rispondono 404).")
            .Produces(200).ProducesProblem(404);
    }

    private static long? ParseId(string? s) =>
        long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
