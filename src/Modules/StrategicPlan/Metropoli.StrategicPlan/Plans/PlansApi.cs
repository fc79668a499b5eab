using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>Plans: the list, a plan, its changes and its status lifecycle with the acts.</summary>
internal static class PlansApi
{
    public static void Map(RouteGroupBuilder plans)
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
    }
}
