using System.Security.Claims;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Import;
using Metropoli.StrategicPlan.Plans;
using Metropoli.StrategicPlan.Reference;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Metropoli.StrategicPlan;

public sealed record PlanImportResponse(int Areas, int Objectives, int Actions);

/// <summary>/api/v1/plans, /plan-areas, /plan-objectives, /plan-actions and the reference data. Reading is
/// public (drafts only for the plan office); writing needs the plan office, except the monitoring fields
/// of an action, which its owner sector also updates.</summary>
public static class StrategicPlanApi
{
    private const string Tag = "Piano strategico";

    public static void MapStrategicPlanApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var plans = api.MapGroup("/plans").WithTags(Tag);
        MapPlans(plans);
        MapImport(plans);
        MapAreas(api.MapGroup("/plan-areas").WithTags(Tag));
        MapObjectives(api.MapGroup("/plan-objectives").WithTags(Tag));
        MapActions(api.MapGroup("/plan-actions").WithTags(Tag));

        api.MapGet("/dup-missions", async Task<Ok<Paged<DupMissionRow>>> (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListReference.DupMissionsAsync(db, ct)))
            .AllowAnonymous().WithTags(Tag)
            .WithName("listDupMissions").WithSummary("La classificazione del bilancio per Missioni e Programmi (D.Lgs. 118/2011, Allegato 14) a cui si collegano le azioni: 23 missioni con i loro programmi.");
        api.MapGet("/plan-tags", async Task<Ok<Paged<PlanTagRow>>> (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListReference.TagsAsync(db, ct)))
            .AllowAnonymous().WithTags(Tag)
            .WithName("listPlanTags").WithSummary("I pilastri del piano e le missioni PNRR con cui si etichettano le azioni.");
    }

    private static void MapPlans(RouteGroupBuilder plans)
    {
        plans.MapGet("/", async Task<Results<Ok<Paged<PlanRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] PlanFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListPlans.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListPlans.HandleAsync(db, user, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listPlans").WithSummary("I piani strategici: adottati, approvati e archiviati per tutti; anche le bozze per l'ufficio di piano.");

        plans.MapPost("/", async Task<IResult> (PlanRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SavePlan.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/plans/{id}", outcome is Outcome.Done ? await GetPlan.HandleAsync(db, user, id, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("createPlan").WithSummary("Crea un piano in bozza (ufficio di piano e amministratori).")
            .Produces<PlanDetail>(201).ProducesProblem(422);

        plans.MapGet("/{id:long}", async Task<Results<Ok<PlanDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetPlan.HandleAsync(db, user, id, ct), x => x.Version, context, PlanAccess.PlanNotFound))
            .AllowAnonymous()
            .WithName("getPlan").WithSummary("Un piano, con gli atti di adozione e approvazione e il conteggio delle azioni per stato. Una bozza risponde 404 a chi non è dell'ufficio di piano. La risposta porta l'ETag della versione.")
            .ProducesProblem(404);

        plans.MapPut("/{id:long}", (long id, PlanRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il piano", version => SavePlan.UpdateAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("updatePlan").WithSummary("Modifica nome, periodo, descrizione e piano precedente (ufficio di piano). Richiede If-Match; un piano archiviato risponde 409.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        plans.MapPost("/{id:long}/transitions", (long id, TransitionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "il piano", version => TransitionPlan.HandleAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("transitionPlan").WithSummary("Fa avanzare lo stato del piano: bozza → adottato → approvato → archiviato, con l'atto (organo, numero, data) per adozione e approvazione. Un passaggio non previsto risponde 409 con il motivo; un atto mancante o un piano senza azioni 422. Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        plans.MapGet("/{id:long}/areas", async Task<Results<Ok<Paged<AreaNode>>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var tree = await PlanTree.HandleAsync(db, user, id, ct);
                if (tree is null) return Problems.NotFound.Result(PlanAccess.PlanNotFound);
                return TypedResults.Ok(new Paged<AreaNode>(tree, tree.Count, tree.Count, 0));
            })
            .AllowAnonymous()
            .WithName("listPlanAreas").WithSummary("Le aree (driver e aree di policy) del piano con i loro obiettivi, il numero di azioni e l'avanzamento medio.")
            .ProducesProblem(404);

        plans.MapPost("/{id:long}/areas", async Task<IResult> (long id, AreaRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, areaId) = await SaveArea.CreateAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/plan-areas/{areaId}", outcome is Outcome.Done ? await SaveArea.GetAsync(db, user, areaId, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("createPlanArea").WithSummary("Aggiunge un'area al piano (ufficio di piano).")
            .Produces<AreaDetail>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    private static void MapImport(RouteGroupBuilder plans) =>
        plans.MapPost("/{id:long}/import", async Task<IResult> (long id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
                {
                    return Problems.UnsupportedMediaType.Result("Invia il file come text/csv in UTF-8, con l'intestazione " + string.Join(",", ImportPlanStructure.Columns) + ".");
                }
                var content = await ReadAtMostAsync(request.Body, ImportPlanStructure.MaxBytes, ct);
                if (content is null)
                {
                    return Problems.TooLarge.Result("Il file supera la dimensione massima di 2 MB: dividilo in più file.");
                }
                return await ImportPlanStructure.HandleAsync(db, user, clock, id, content, ct) switch
                {
                    PlanImportResult.Imported imported => TypedResults.Ok(new PlanImportResponse(imported.Areas, imported.Objectives, imported.Actions)),
                    PlanImportResult.Rejected rejected => Problems.ImportRejected.Result($"Il file contiene {rejected.Errors.Count} errori: non è stato importato nulla. Correggi le righe indicate e invia di nuovo il file.", new Dictionary<string, object?> { ["errors"] = rejected.Errors }),
                    PlanImportResult.Refused refused => Problems.Refused.Result(refused.Reason),
                    PlanImportResult.NotFound => OutcomeHttp.NotFound(PlanAccess.PlanNotFound),
                    _ => Problems.Forbidden.Result("Solo l'ufficio di piano può importare la struttura di un piano."),
                };
            })
            .RequireAuthorization(Policies.PlanOffice)
            .Accepts<string>("text/csv")
            .WithName("importPlanStructure").WithSummary("Importa la struttura di un piano da un file CSV UTF-8, una riga per azione (ufficio di piano). Tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con l'elenco degli errori e il numero di riga di ciascuno.")
            .Produces<PlanImportResponse>(200).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

    /// <summary>The body, or null when it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void MapAreas(RouteGroupBuilder areas)
    {
        areas.MapGet("/{id:long}", async Task<Results<Ok<AreaDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await SaveArea.GetAsync(db, user, id, ct), x => x.Version, context, "Nessuna area con questo identificativo."))
            .AllowAnonymous()
            .WithName("getPlanArea").WithSummary("Un'area del piano. La risposta porta l'ETag della versione.")
            .ProducesProblem(404);
        areas.MapPut("/{id:long}", (long id, AreaRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'area", version => SaveArea.UpdateAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("updatePlanArea").WithSummary("Modifica un'area (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        areas.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "l'area", version => SaveArea.DeleteAsync(db, user, id, version, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("deletePlanArea").WithSummary("Elimina un'area vuota di un piano in bozza (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);
    }

    private static void MapObjectives(RouteGroupBuilder objectives)
    {
        objectives.MapPost("/", async Task<IResult> (ObjectiveRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveObjective.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/plan-objectives/{id}", outcome is Outcome.Done ? await SaveObjective.GetAsync(db, user, id, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("createPlanObjective").WithSummary("Aggiunge un obiettivo a un'area (ufficio di piano).")
            .Produces<ObjectiveDetail>(201).ProducesProblem(409).ProducesProblem(422);
        objectives.MapGet("/{id:long}", async Task<Results<Ok<ObjectiveDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await SaveObjective.GetAsync(db, user, id, ct), x => x.Version, context, "Nessun obiettivo con questo identificativo."))
            .AllowAnonymous()
            .WithName("getPlanObjective").WithSummary("Un obiettivo, con le sue azioni. La risposta porta l'ETag della versione.")
            .ProducesProblem(404);
        objectives.MapPut("/{id:long}", (long id, ObjectiveRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'obiettivo", version => SaveObjective.UpdateAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("updatePlanObjective").WithSummary("Modifica un obiettivo, anche spostandolo in un'altra area dello stesso piano (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        objectives.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "l'obiettivo", version => SaveObjective.DeleteAsync(db, user, id, version, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("deletePlanObjective").WithSummary("Elimina un obiettivo senza azioni di un piano in bozza (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);
    }

    private static void MapActions(RouteGroupBuilder actions)
    {
        actions.MapGet("/", async Task<Results<Ok<Paged<ActionRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] ActionFilter filter, ClaimsPrincipal user, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = ListActions.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListActions.CachedAsync(cache, db, user, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listPlanActions").WithSummary("Le azioni dei piani: filtri per piano, area, obiettivo, stato, settore, zona, Comune e pilastro; ricerca per codice o titolo; ordinamento (tree = ordine del piano); paginazione.");

        actions.MapPost("/", async Task<IResult> (ActionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveAction.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/plan-actions/{id}", outcome is Outcome.Done ? await GetAction.HandleAsync(db, user, id, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("createPlanAction").WithSummary("Aggiunge un'azione a un obiettivo (ufficio di piano).")
            .Produces<ActionDetail>(201).ProducesProblem(409).ProducesProblem(422);

        actions.MapGet("/{id:long}", async Task<Results<Ok<ActionDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetAction.HandleAsync(db, user, id, ct), x => x.Version, context, "Nessuna azione con questo identificativo."))
            .AllowAnonymous()
            .WithName("getPlanAction").WithSummary("Un'azione con tutti i suoi dati: settore, capofila e partner, date, budget, stato, avanzamento, collegamento al DUP, Comuni e zone, pilastri, azione da cui deriva. La risposta porta l'ETag della versione.")
            .ProducesProblem(404);

        actions.MapPut("/{id:long}", (long id, ActionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'azione", version => SaveAction.UpdateAsync(db, user, clock, id, version, request, ct), forbidden: SaveAction.SectorOnlyProgress))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updatePlanAction").WithSummary("Sostituisce i dati di un'azione. L'ufficio di piano modifica tutto; il referente del settore responsabile solo stato, avanzamento, date e stato di attuazione (altrimenti 403). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        actions.MapPut("/{id:long}/progress", (long id, ActionProgressRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'azione", version => SaveAction.UpdateProgressAsync(db, user, clock, id, version, request, ct), forbidden: SaveAction.SectorOnlyProgress))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updatePlanActionProgress").WithSummary("Aggiorna stato, avanzamento, date e stato di attuazione di un'azione (referente del settore responsabile, ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        actions.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "l'azione", version => SaveAction.DeleteAsync(db, user, id, version, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("deletePlanAction").WithSummary("Elimina un'azione di un piano in bozza (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);

        actions.MapPost("/{id:long}/carry-over", async Task<IResult> (long id, CarryOverRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, newId) = await SaveAction.CarryOverAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/plan-actions/{newId}", outcome is Outcome.Done ? await GetAction.HandleAsync(db, user, newId, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("carryOverPlanAction").WithSummary("Riporta l'azione in un piano successivo, sotto uno dei suoi obiettivi: la nuova azione conserva il collegamento a quella da cui deriva (ufficio di piano).")
            .Produces<ActionDetail>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }
}
