using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The plan's actions: the plan office edits them all; the owner sector updates the monitoring fields.</summary>
internal static class ActionsApi
{
    public static void Map(RouteGroupBuilder actions)
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
