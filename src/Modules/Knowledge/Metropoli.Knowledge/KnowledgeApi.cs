using System.Security.Claims;
using Metropoli.Knowledge.Adoptions;
using Metropoli.Knowledge.Model;
using Metropoli.Knowledge.Practices;
using Metropoli.Knowledge.StandardActs;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Metropoli.Platform.Exports;
using Metropoli.Platform.Files;

namespace Metropoli.Knowledge;

/// <summary>/api/v1/standard-acts and /api/v1/adoptions, and the open-data files under /atti-tipo. Reading is public;
/// editors write acts and versions; a municipality officer records their own Comune's adoptions (ADR 0048).</summary>
public static class KnowledgeApi
{
    internal const string Tag = "Conoscenza";

    public static void MapKnowledgeApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var acts = api.MapGroup("/standard-acts").WithTags(Tag);
        acts.MapGet("/", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] StandardActFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = StandardActHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await StandardActHandlers.PageAsync(db, query, filter, ct));
            })
            .AllowAnonymous().WithName("listStandardActs")
            .WithSummary("Gli atti tipo (regolamenti, delibere e moduli tipo) che la Città metropolitana offre ai Comuni: filtri per tipo e tema, ricerca (q), ordinamento, pagine.")
            .Produces<Paged<StandardActRow>>(200).ProducesProblem(400);
        acts.MapGet("/{id:long}", async (long id, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await StandardActHandlers.GetAsync(db, id, ct), a => a.Version, context, KnowledgeAccess.ActNotFound))
            .AllowAnonymous().WithName("getStandardAct").WithSummary("Un atto tipo con le versioni (file e SHA-256) e le adozioni dei Comuni; la risposta porta l'ETag.")
            .Produces<StandardActDetail>(200).ProducesProblem(404);
        acts.MapPost("/", async (StandardActRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await StandardActHandlers.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/standard-acts/{id}", outcome is Outcome.Done ? await StandardActHandlers.GetAsync(db, id, ct) : null, KnowledgeAccess.ActNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("createStandardAct").WithSummary("Crea un atto tipo (redazione: ufficio di piano, amministratori).")
            .Produces<StandardActDetail>(201).ProducesProblem(403).ProducesProblem(422);
        acts.MapPut("/{id:long}", (long id, StandardActRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'atto tipo", v => StandardActHandlers.UpdateAsync(db, user, clock, id, v, request, ct), notFound: KnowledgeAccess.ActNotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("updateStandardAct").WithSummary("Modifica i dati di un atto tipo (redazione). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        acts.MapPost("/{id:long}/versions", async Task<IResult> (long id, HttpRequest http, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, IFileStore files, HttpContext context, CancellationToken ct) =>
            {
                if (!http.HasFormContentType) return Problems.UnsupportedMediaType.Result("Invia multipart/form-data con il file nel campo «file».");
                var (form, problem) = await Multipart.ReadFormAsync(http, Evidence.SizeError, ct);
                if (form is null) return problem!;
                var file = form.Files.GetFile("file");
                var (outcome, number) = await StandardActHandlers.AddVersionAsync(db, user, clock, files, id, form["changes"], form["publishedOn"],
                    file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
                return outcome is Outcome.Done
                    ? TypedResults.Created($"/api/v1/standard-acts/{id}", new { number })
                    : OutcomeHttp.ToHttp(outcome, context, KnowledgeAccess.ActNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithName("addStandardActVersion")
            .WithSummary("Pubblica una nuova versione (campo «file»: PDF, PNG, JPG, CSV o XLSX, al più 10 MB; «changes»: che cosa cambia; «publishedOn»). Ne registra lo SHA-256 e avvisa i Comuni che hanno adottato una versione precedente.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        api.MapGet("/standard-act-versions/{id:long}/file", async Task<IResult> (long id, AppDbContext db, IFileStore files, CancellationToken ct) =>
            {
                if (await StandardActHandlers.FindVersionAsync(db, id, ct) is not { } v) return OutcomeHttp.NotFound(KnowledgeAccess.VersionNotFound);
                if (await files.OpenAsync(StandardActHandlers.Area, v.StoredName, ct) is not { } file) return OutcomeHttp.NotFound("Il file non è più disponibile.");
                return TypedResults.File(file.Content, v.ContentType, v.FileName, file.LastModified);
            })
            .AllowAnonymous().WithTags(Tag).WithName("downloadStandardActVersion").WithSummary("Scarica il file di una versione di un atto tipo.")
            .Produces(200).ProducesProblem(404);

        var adoptions = api.MapGroup("/adoptions").WithTags(Tag);
        adoptions.MapGet("/", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] AdoptionFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = AdoptionHandlers.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await AdoptionHandlers.PageAsync(db, query, filter, ct));
            })
            .AllowAnonymous().WithName("listAdoptions").WithSummary("Le adozioni degli atti tipo da parte dei Comuni, per zona e Comune (filtri: standardActId, zone, istatCode; pagine).")
            .Produces<Paged<AdoptionView>>(200).ProducesProblem(400);
        adoptions.MapPost("/", async (AdoptionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await AdoptionHandlers.RecordAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/adoptions?standardActId={request.StandardActId}", outcome is Outcome.Done ? new { id } : null, KnowledgeAccess.ActNotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("recordAdoption")
            .WithSummary("Un referente comunale registra che il proprio Comune ha adottato una versione di un atto tipo (numero e data dell'atto, indirizzo della pubblicazione). 403 per un altro Comune.")
            .Produces(201).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);

        var practices = api.MapGroup("/practices").WithTags(Tag);
        practices.MapGet("/", async Task<IResult> ([AsParameters] ListQuery query, string? theme, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (theme is { Length: > 0 } && !KnowledgeThemes.IsKnown(theme)) errors["theme"] = ["Tema sconosciuto."];
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PracticeHandlers.PageAsync(db, user, query, theme, ct));
            })
            .AllowAnonymous().WithName("listPractices")
            .WithSummary("Le buone pratiche pubblicate (e, per chi le scrive o le rivede, quelle non ancora pubblicate che può vedere): ricerca (q), tema, pagine.")
            .Produces<Paged<PracticeRow>>(200).ProducesProblem(400);
        practices.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await PracticeHandlers.GetAsync(db, user, id, ct), p => p.Version, context, PracticeHandlers.NotFound))
            .AllowAnonymous().WithName("getPractice").WithSummary("Una buona pratica (testi in Markdown come scritti), le azioni del Piano collegate e i Comuni che la riusano; la bozza solo per chi la scrive.")
            .Produces<PracticeDetail>(200).ProducesProblem(404);
        practices.MapPost("/", async (PracticeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await PracticeHandlers.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/practices/{id}", outcome is Outcome.Done ? await PracticeHandlers.GetAsync(db, user, id, ct) : null, PracticeHandlers.NotFound);
            })
            .RequireAuthorization(Policies.Authenticated).WithName("createPractice")
            .WithSummary("Scrive una buona pratica in bozza: un referente comunale per il proprio Comune, la redazione per la Città metropolitana.")
            .Produces<PracticeDetail>(201).ProducesProblem(403).ProducesProblem(422);
        practices.MapPut("/{id:long}", (long id, PracticeRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la buona pratica", v => PracticeHandlers.UpdateAsync(db, user, clock, id, v, request, ct), notFound: PracticeHandlers.NotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("updatePractice").WithSummary("Modifica una bozza o una pratica restituita (chi la scrive). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        practices.MapPost("/{id:long}/transitions", (long id, PracticeTransition request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la buona pratica", v => PracticeHandlers.MoveAsync(db, user, clock, id, v, request, ct), notFound: PracticeHandlers.NotFound))
            .RequireAuthorization(Policies.Authenticated).WithName("movePractice")
            .WithSummary("Invia alla redazione (chi la scrive), pubblica o restituisce con il motivo (la redazione). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        practices.MapPost("/{id:long}/reuses", async (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Added(await PracticeHandlers.ReuseAsync(db, user, clock, id, ct), context))
            .RequireAuthorization(Policies.Authenticated).WithName("reusePractice").WithSummary("Il referente di un altro Comune dichiara che il suo Comune riusa la pratica (una volta per Comune).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/atti-tipo/export.csv", async (HttpContext context, AppDbContext db, CancellationToken ct) =>
                Downloads.File(context, "atti-tipo", "Atti tipo",
                [
                    new ExportColumn<StandardActRow>("id", "Identificativo", r => r.Id), new("kind", "Tipo", r => r.Kind, (r, _) => StandardActKinds.Label(r.Kind)),
                    new("title", "Titolo", r => r.Title), new("theme", "Tema", r => r.Theme, (r, _) => KnowledgeThemes.Label(r.Theme)),
                    new("latest_version", "Ultima versione", r => r.LatestVersion), new("latest_on", "Data dell'ultima versione", r => r.LatestOn),
                    new("adopting_comuni", "Comuni che l'hanno adottato", r => r.Adoptions), new("demo", "Dati dimostrativi", r => r.IsDemo, (r, _) => r.IsDemo ? "sì" : "no"),
                ], await StandardActHandlers.AllAsync(db, ct)))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/atti-tipo/adozioni.csv", async Task<IResult> ([AsParameters] AdoptionFilter filter, HttpContext context, AppDbContext db, CancellationToken ct) =>
            {
                var errors = AdoptionHandlers.Validate(new ListQuery(), filter);
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                return Downloads.File(context, "adozioni-atti-tipo", "Adozioni degli atti tipo",
                [
                    new ExportColumn<AdoptionView>("zone", "Zona", r => r.Zone), new("comune", "Comune", r => r.Comune), new("istat_code", "Codice ISTAT", r => r.IstatCode),
                    new("standard_act_id", "Identificativo dell'atto tipo", r => r.ActId), new("standard_act", "Atto tipo", r => r.ActTitle),
                    new("version", "Versione", r => r.VersionNumber), new("act_number", "Numero dell'atto del Comune", r => r.ActNumber),
                    new("adopted_on", "Data dell'atto", r => r.AdoptedOn), new("link", "Pubblicazione", r => r.Link),
                    new("demo", "Dati dimostrativi", r => r.IsDemo, (r, _) => r.IsDemo ? "sì" : "no"),
                ], await AdoptionHandlers.AllAsync(db, filter, ct));
            })
            .AllowAnonymous().ExcludeFromDescription();
    }
}
