using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>The plan's structure: its areas and their objectives.</summary>
internal static class StructureApi
{
    public static void Map(RouteGroupBuilder plans, RouteGroupBuilder areas, RouteGroupBuilder objectives)
    {
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
}
