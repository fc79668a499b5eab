using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Exports;
using Metropoli.Services.Catalogue;
using Metropoli.Services.Procurements;
using Metropoli.Services.Recruitment;
using Metropoli.Services.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Services;

/// <summary>/api/v1/services (the catalogue), /api/v1/service-requests (the desk), /api/v1/procurements (the procedures of
/// the Stazione Unica Appaltante) and the open-data files of the procedures. Reading a request needs to be its Comune or
/// its office (others get 404, as for a missing one); the catalogue and the procedures are public.</summary>
public static class ServicesApi
{
    internal const string Tag = "Casa dei Comuni";

    public static void MapServicesApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var services = api.MapGroup("/services").WithTags(Tag);
        services.MapGet("/", async Task<Results<Ok<Paged<ServiceRow>>, ValidationProblem>> ([AsParameters] ListQuery query, AppDbContext db, ReadCache cache, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await CatalogueHandlers.CachedAsync(cache, db, clock, query, ct));
            })
            .AllowAnonymous()
            .WithName("listServices").WithSummary("Il catalogo dei servizi della Casa dei Comuni, con il numero di Comuni aderenti (convenzioni in vigore).");

        services.MapGet("/{slug}", async Task<Results<Ok<ServiceDetail>, ProblemHttpResult>> (string slug, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await CatalogueHandlers.GetAsync(db, clock, slug, ct), x => x.Version, context, ServiceAccess.ServiceNotFound))
            .AllowAnonymous()
            .WithName("getService").WithSummary("Un servizio: descrizione, chi può usarlo, come aderire, costi, ufficio, livelli di servizio in giorni lavorativi, documenti, convenzioni e Comuni aderenti.")
            .Produces<ServiceDetail>(200).ProducesProblem(404);

        services.MapPost("/", async Task<IResult> (ServiceInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, slug) = await CatalogueHandlers.CreateAsync(db, user, clock, input, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/services/{slug}", outcome is Outcome.Done ? await CatalogueHandlers.GetAsync(db, clock, slug, ct) : null);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createService").WithSummary("Aggiunge un servizio al catalogo (amministratori).")
            .Produces<ServiceDetail>(201).ProducesProblem(403).ProducesProblem(422);

        services.MapPut("/{slug}", (string slug, ServiceInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il servizio", version => CatalogueHandlers.UpdateAsync(db, user, clock, slug, version, input, ct), notFound: ServiceAccess.ServiceNotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateService").WithSummary("Modifica un servizio del catalogo (amministratori). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        var requests = api.MapGroup("/service-requests").WithTags(Tag);
        requests.MapGet("/", async Task<Results<Ok<Paged<RequestRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] RequestFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = RequestHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await RequestHandlers.ListAsync(db, user, query, filter, ct));
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("listServiceRequests").WithSummary("Le richieste che l'utente può vedere: quelle del proprio Comune, o quelle dei servizi gestiti dal proprio settore.");

        requests.MapPost("/", async Task<IResult> (NewRequestInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await RequestHandlers.CreateAsync(db, user, clock, input, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/service-requests/{id}", outcome is Outcome.Done ? await RequestHandlers.GetAsync(db, user, clock, id, ct) : null);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createServiceRequest").WithSummary("Il referente comunale invia una richiesta a un servizio a cui il Comune ha aderito. Senza convenzione di adesione in vigore risponde 409 con il motivo e come aderire.")
            .Produces<RequestDetail>(201).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);

        requests.MapGet("/{id:long}", async Task<Results<Ok<RequestDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await RequestHandlers.GetAsync(db, user, clock, id, ct), x => x.Version, context, ServiceAccess.RequestNotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("getServiceRequest").WithSummary("Una richiesta con la cronologia, i messaggi e i tempi di servizio (prima risposta e risposta completa). La risposta porta l'ETag.")
            .Produces<RequestDetail>(200).ProducesProblem(404);

        requests.MapPost("/{id:long}/transitions", (long id, TransitionInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la richiesta", version => RequestHandlers.TransitionAsync(db, user, clock, id, version, input, ct),
                    notFound: ServiceAccess.RequestNotFound, forbidden: ServiceAccess.OfficeOnly))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("transitionServiceRequest").WithSummary("Cambia lo stato di una richiesta con il motivo (in lavorazione, in attesa del Comune, evasa, chiusa con la valutazione del Comune). Un passaggio non previsto risponde 409. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        requests.MapPost("/{id:long}/messages", async Task<IResult> (long id, MessageInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.ToHttp(await RequestHandlers.AddMessageAsync(db, user, clock, id, input, ct), context, ServiceAccess.RequestNotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addServiceRequestMessage").WithSummary("Un messaggio sulla richiesta, dal Comune o dall'ufficio. Il messaggio del Comune a una richiesta in attesa la riporta in lavorazione.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        requests.MapPost("/{id:long}/attachments", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType) return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var (outcome, attachment) = await Attachments.UploadAsync(db, user, clock, files, id, file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done
                    ? TypedResults.Created($"/api/v1/service-request-attachments/{attachment}/file", new { id = attachment })
                    : OutcomeHttp.ToHttp(outcome, context, ServiceAccess.RequestNotFound);
            })
            .RequireAuthorization(Policies.Authenticated)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("attachToServiceRequest").WithSummary("Allega un file a una richiesta aperta (campo «file»: PDF, PNG, JPG, CSV o XLSX, al più 10 MB), dal Comune o dall'ufficio. Ne registra lo SHA-256.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        api.MapGet("/service-request-attachments/{id:long}/file", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                var a = await Attachments.FindAsync(db, user, id, ct);
                if (a is null) return OutcomeHttp.NotFound("Nessun allegato con questo identificativo.");
                if (await files.OpenAsync(Attachments.Area, a.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, a.ContentType, a.FileName, file.LastModified);
            })
            .RequireAuthorization(Policies.Authenticated).WithTags(Tag)
            .WithName("downloadServiceRequestAttachment").WithSummary("Scarica un allegato di una richiesta, per chi vede la richiesta (gli altri ricevono 404).")
            .Produces(200).ProducesProblem(404);

        var procurements = api.MapGroup("/procurements").WithTags(Tag);
        procurements.MapGet("/", async Task<Results<Ok<Paged<ProcurementRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] ProcurementFilter filter, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = ProcurementHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ProcurementHandlers.CachedAsync(cache, db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listProcurements").WithSummary("Le procedure di gara della Stazione Unica Appaltante, con fasi, offerte, aggiudicazione e ribasso; filtri per Comune e zona.");

        procurements.MapGet("/{id:long}", async Task<Results<Ok<ProcurementRow>, ProblemHttpResult>> (long id, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await ProcurementHandlers.GetAsync(db, id, ct), x => x.Version, context, ServiceAccess.ProcurementNotFound))
            .AllowAnonymous()
            .WithName("getProcurement").WithSummary("Una procedura di gara. La risposta porta l'ETag.")
            .Produces<ProcurementRow>(200).ProducesProblem(404);

        procurements.MapPost("/", async Task<IResult> (ProcurementInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await ProcurementHandlers.CreateAsync(db, user, clock, input, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/procurements/{id}", outcome is Outcome.Done ? await ProcurementHandlers.GetAsync(db, id, ct) : null);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createProcurement").WithSummary("Registra una procedura (ufficio della stazione appaltante), da una richiesta del Comune o direttamente. Fasi fuori ordine: 422 con il campo.")
            .Produces<ProcurementRow>(201).ProducesProblem(403).ProducesProblem(422);

        procurements.MapPut("/{id:long}", (long id, ProcurementInput input, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la procedura", version => ProcurementHandlers.UpdateAsync(db, user, clock, id, version, input, ct),
                    notFound: ServiceAccess.ProcurementNotFound, forbidden: ServiceAccess.OfficeOnly))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateProcurement").WithSummary("Aggiorna una procedura: fasi, offerte, aggiudicazione. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        api.MapRecruitmentApi(app);

        app.MapGet("/casa-dei-comuni/procedure/export.csv", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] ProcurementFilter filter, AppDbContext db, HttpRequest request, CancellationToken ct) =>
            {
                var errors = ProcurementHandlers.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var rows = await ProcurementHandlers.ListAsync(db, query, filter, ct, all: true);
                return Downloads.File(request.HttpContext, "procedure-sua", "Procedure della Stazione Unica Appaltante", ProcurementExport.Columns($"{request.Scheme}://{request.Host}"), rows.Items);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/casa-dei-comuni/procedure/export.json", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] ProcurementFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ProcurementHandlers.Validate(query, filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return TypedResults.Ok(await ProcurementHandlers.ListAsync(db, query, filter, ct, all: true));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
