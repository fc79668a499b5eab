using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Dashboard;
using Metropoli.Agreements.Documents;
using Metropoli.Agreements.Governance;
using Metropoli.Agreements.Import;
using Metropoli.Agreements.Obligations;
using Metropoli.Agreements.Parties;
using Metropoli.Agreements.Register;
using Metropoli.Agreements.Themes;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Agreements;

public sealed record AgreementImportResponse(int Agreements, int Parties);

/// <summary>/api/v1/agreements and what hangs from it. Reading follows the visibility rules of
/// <see cref="AgreementAccess"/> (a hidden agreement answers 404, as a missing one); writing needs those
/// who edit the agreement, except the status of an obligation, which the Comune that owes it also updates.</summary>
public static class AgreementsApi
{
    private const string Tag = "Intese";

    public static void MapAgreementsApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var agreements = api.MapGroup("/agreements").WithTags(Tag);
        MapAgreements(agreements, app);
        MapChildren(agreements);
        MapObligations(api.MapGroup("/agreement-obligations").WithTags(Tag));
        MapGovernance(api);
        MapThemes(api.MapGroup("/agreement-themes").WithTags(Tag));

        api.MapGet("/agreement-documents/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                var d = await UploadDocument.FindAsync(db, user, id, ct);
                if (d is null) return OutcomeHttp.NotFound("Nessun documento con questo identificativo.");
                if (await files.OpenAsync(UploadDocument.Area, d.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, d.ContentType, d.FileName, file.LastModified);
            })
            .AllowAnonymous().WithTags(Tag)
            .WithName("downloadAgreementDocument").WithSummary("Scarica un documento di un'intesa, per chi può vedere l'intesa (le altre rispondono 404).")
            .Produces(200).ProducesProblem(404);
    }

    private static void MapAgreements(RouteGroupBuilder g, WebApplication app)
    {
        g.MapGet("/", async Task<Results<Ok<Paged<AgreementRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListAgreements.HandleAsync(db, user, query, filter, ct, cache));
            })
            .AllowAnonymous()
            .WithName("listAgreements").WithSummary("Il registro delle intese: per il pubblico solo le intese pubbliche in vigore, concluse o scadute; filtri per tipo, stato, tema, parte, zona, Comune, date, obiettivo e azione del piano; ricerca; ordinamento; paginazione.");

        app.MapGet("/intese/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListAgreements.AllAsync(db, user, query, filter, ct);
                return TypedResults.File(ExportAgreements.ToCsv(rows, $"{request.Scheme}://{request.Host}"), "text/csv; charset=utf-8", "intese.csv");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/intese/export.json", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] AgreementFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListAgreements.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ListAgreements.AllAsync(db, user, query, filter, ct);
                return TypedResults.Ok(new Paged<AgreementRow>(rows, rows.Count, rows.Count, 0));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        g.MapGet("/dashboard", async Task<Ok<AgreementDashboardView>> (ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await AgreementDashboard.HandleAsync(db, user, clock, ct)))
            .AllowAnonymous()
            .WithName("getAgreementDashboard").WithSummary("Il cruscotto delle intese visibili: per tipo, stato, tema e zona; in scadenza entro 30 e 90 giorni; obblighi scaduti per parte.");

        g.MapPost("/", async Task<IResult> (AgreementRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveAgreement.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, id, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createAgreement").WithSummary("Registra una proposta di intesa (ufficio di piano, amministratori, referenti di settore per il proprio settore).")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(422);

        g.MapGet("/{id:long}", async Task<Results<Ok<AgreementDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetAgreement.HandleAsync(db, user, clock, id, ct), x => x.Version, context, AgreementAccess.NotFoundDetail))
            .AllowAnonymous()
            .WithName("getAgreement").WithSummary("Un'intesa con parti, obblighi, atti aggiuntivi, documenti, organi di governo, collegamenti al piano e al territorio e la cronologia degli stati. Un'intesa non visibile risponde 404. La risposta porta l'ETag della versione.")
            .Produces<AgreementDetail>(200).ProducesProblem(404);

        g.MapPut("/{id:long}", (long id, AgreementRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'intesa", version => SaveAgreement.UpdateAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreement").WithSummary("Sostituisce i dati di un'intesa (non lo stato). Richiede If-Match; un'intesa conclusa, scaduta o ritirata risponde 409.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        g.MapPost("/{id:long}/transitions", (long id, AgreementTransitionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'intesa", version => TransitionAgreement.HandleAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("transitionAgreement").WithSummary("Cambia lo stato di un'intesa con il motivo: proposta → in istruttoria → approvata (con l'atto) → sottoscritta (data, almeno due parti) → in vigore (dalla decorrenza) → conclusa o scaduta; ritirata fino alla conclusione. Un passaggio non previsto risponde 409 con il motivo, una condizione mancante 422. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        g.MapPost("/{id:long}/renewal", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, newId) = await SaveAgreement.RenewAsync(db, user, clock, id, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{newId}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, newId, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("renewAgreement").WithSummary("Avvia il rinnovo di un'intesa in vigore, scaduta o conclusa: una nuova proposta collegata alla precedente, con gli stessi dati, parti e collegamenti.")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        g.MapPost("/import", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
                {
                    return Problems.UnsupportedMediaType.Result("Invia il file come text/csv in UTF-8, con l'intestazione " + string.Join(",", ImportAgreements.Columns) + ".");
                }
                var content = await ReadAtMostAsync(request.Body, ImportAgreements.MaxBytes, ct);
                if (content is null) return Problems.TooLarge.Result("Il file supera la dimensione massima di 2 MB: dividilo in più file.");
                return await ImportAgreements.HandleAsync(db, user, clock, content, ct) switch
                {
                    AgreementImportResult.Imported i => TypedResults.Ok(new AgreementImportResponse(i.Agreements, i.Parties)),
                    AgreementImportResult.Rejected r => Problems.ImportRejected.Result($"Il file contiene {r.Errors.Count} errori: non è stato importato nulla. Correggi le righe indicate e invia di nuovo il file.", new Dictionary<string, object?> { ["errors"] = r.Errors }),
                    _ => Problems.Forbidden.Result("Solo l'ufficio di piano può importare intese."),
                };
            })
            .RequireAuthorization(Policies.PlanOffice)
            .Accepts<string>("text/csv")
            .WithName("importAgreements").WithSummary("Importa intese e parti da un file CSV UTF-8, una riga per intesa (ufficio di piano). Tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con ogni errore e il suo numero di riga.")
            .Produces<AgreementImportResponse>(200).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
    }

    private static void MapChildren(RouteGroupBuilder g)
    {
        g.MapPost("/{id:long}/parties", async Task<IResult> (long id, PartyRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, partyId) = await SaveParty.AddAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? new { id = partyId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementParty").WithSummary("Aggiunge una parte dal registro delle organizzazioni, con il ruolo (promoter, lead, signatory, adherent). Dopo la sottoscrizione solo come aderente.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        g.MapDelete("/{id:long}/parties/{party:long}", (long id, long party, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "la parte (campo version)", version => SaveParty.RemoveAsync(db, user, id, party, version, ct),
                    notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("removeAgreementParty").WithSummary("Toglie una parte senza obblighi da un'intesa non ancora sottoscritta. Richiede If-Match con la versione della parte.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);

        g.MapPost("/{id:long}/obligations", async Task<IResult> (long id, ObligationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, oid) = await SaveObligation.CreateAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreement-obligations/{oid}", outcome is Outcome.Done ? await SaveObligation.GetAsync(db, user, clock, oid, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createAgreementObligation").WithSummary("Aggiunge un obbligo o un traguardo di una parte, con la scadenza.")
            .Produces<ObligationDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        g.MapPost("/{id:long}/amendments", async Task<IResult> (long id, AmendmentRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("l'intesa");
                var (outcome, _) = await AddAmendment.HandleAsync(db, user, clock, id, version, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, id, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementAmendment").WithSummary("Registra un atto aggiuntivo numerato di un'intesa sottoscritta o in vigore; può spostare la scadenza. Richiede If-Match con la versione dell'intesa.")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        g.MapPost("/{id:long}/documents", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType)
                    return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                IFormCollection form;
                try
                {
                    form = await http.ReadFormAsync(ct);
                }
                catch (InvalidDataException)
                {
                    return Problems.TooLarge.Result(Evidence.SizeError);
                }
                catch (IOException) when (!ct.IsCancellationRequested)
                {
                    // A malformed multipart body (no parts, a missing boundary, cut short): the client's error.
                    return Problems.BadRequest.Result("Il corpo multipart/form-data non è leggibile.");
                }
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

        g.MapPost("/{id:long}/bodies", async Task<IResult> (long id, BodyRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, bodyId) = await SaveGovernance.AddBodyAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? new { id = bodyId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementBody").WithSummary("Aggiunge un organo di governo dell'intesa (cabina di regia, comitato tecnico) con i componenti.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
    }

    private static void MapObligations(RouteGroupBuilder g)
    {
        g.MapGet("/{id:long}", async Task<Results<Ok<ObligationDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await SaveObligation.GetAsync(db, user, clock, id, ct), x => x.Version, context, "Nessun obbligo con questo identificativo."))
            .AllowAnonymous()
            .WithName("getAgreementObligation").WithSummary("Un obbligo o traguardo, con lo stato e se è scaduto. La risposta porta l'ETag della versione.")
            .Produces<ObligationDetail>(200).ProducesProblem(404);

        g.MapPut("/{id:long}", (long id, ObligationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'obbligo", version => SaveObligation.UpdateAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreementObligation").WithSummary("Modifica un obbligo (parte, tipo, titolo, descrizione, scadenza). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        g.MapPut("/{id:long}/status", (long id, ObligationStatusRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'obbligo", version => SaveObligation.UpdateStatusAsync(db, user, clock, id, version, request, ct),
                    notFound: AgreementAccess.NotFoundDetail, forbidden: "Aggiornano un obbligo chi gestisce l'intesa e il referente del Comune che lo deve."))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreementObligationStatus").WithSummary("Aggiorna lo stato di un obbligo (open, done con la data, waived con il motivo) e la nota di adempimento: chi gestisce l'intesa e il referente del Comune obbligato. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }

    private static void MapGovernance(RouteGroupBuilder api)
    {
        api.MapPost("/agreement-bodies/{id:long}/meetings", async Task<IResult> (long id, MeetingRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, meetingId) = await SaveGovernance.AddMeetingAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreement-meetings/{meetingId}", outcome is Outcome.Done ? new { id = meetingId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated).WithTags(Tag)
            .WithName("addAgreementMeeting").WithSummary("Registra una riunione di un organo di governo, con ordine del giorno e verbale.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        api.MapPut("/agreement-meetings/{id:long}", (long id, MeetingRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la riunione (campo version)", version => SaveGovernance.UpdateMeetingAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated).WithTags(Tag)
            .WithName("updateAgreementMeeting").WithSummary("Modifica una riunione (data, luogo, ordine del giorno, verbale). Richiede If-Match con la versione della riunione.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }

    private static void MapThemes(RouteGroupBuilder g)
    {
        g.MapGet("/", async Task<Ok<Paged<ThemeRow>>> (AppDbContext db, CancellationToken ct) =>
            {
                var themes = await SaveTheme.ListAsync(db, ct);
                return TypedResults.Ok(new Paged<ThemeRow>(themes, themes.Count, themes.Count, 0));
            })
            .AllowAnonymous()
            .WithName("listAgreementThemes").WithSummary("I temi delle intese, dalle liste del piano, con il numero di intese collegate.");

        g.MapPost("/", async Task<IResult> (ThemeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var outcome = await SaveTheme.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, "/api/v1/agreement-themes", outcome is Outcome.Done ? new { code = request.Code?.Trim() } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("createAgreementTheme").WithSummary("Aggiunge un tema (amministratori).")
            .Produces(201).ProducesProblem(403).ProducesProblem(422);

        g.MapPut("/{code}", (string code, ThemeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il tema (campo version)", version => SaveTheme.UpdateAsync(db, user, clock, code, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Administrator)
            .WithName("updateAgreementTheme").WithSummary("Rinomina o riordina un tema (amministratori); il codice non cambia. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }

    private static long? ParseId(string? s) =>
        long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
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
}
