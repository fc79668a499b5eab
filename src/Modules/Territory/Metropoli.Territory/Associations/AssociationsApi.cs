using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Territory.Associations;

public static class AssociationsApi
{
    public static void MapAssociationsApi(this WebApplication app)
    {
        var group = app.MapApiV1().MapGroup("/associations").WithTags("Territorio");
        group.MapGet("/", async Task<Results<Ok<Paged<AssociationRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] AssociationFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListAssociations.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListAssociations.HandleAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listAssociations").WithSummary("Unioni di Comuni, convenzioni per funzioni associate e consorzi: filtro per tipo e Comune, ricerca, ordinamento, paginazione.");
        group.MapGet("/{id:long}", async Task<IResult> (long id, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var a = await GetAssociation.HandleAsync(db, id, ct);
                if (a is null) return OutcomeHttp.NotFound($"Nessuna associazione con identificativo {id}.");
                ETags.Set(context, a.Version);
                return TypedResults.Ok(a);
            })
            .AllowAnonymous()
            .WithName("getAssociation").WithSummary("Un'associazione di Comuni, con i Comuni aderenti (e le loro date) e le funzioni condivise.")
            .Produces<AssociationDetail>().ProducesProblem(404);
        group.MapPost("/", async Task<IResult> (AssociationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock,
                HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveAssociation.CreateAsync(db, user, clock, request, ct);
                if (outcome is not Outcome.Done done || id is null) return OutcomeHttp.ToHttp(outcome, context);
                ETags.Set(context, done.Version);
                return TypedResults.Created($"/api/v1/associations/{id}", await GetAssociation.HandleAsync(db, id.Value, ct));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("createAssociation").WithSummary("Registra un'associazione di Comuni (solo amministratori).")
            .Produces<AssociationDetail>(201).ProducesProblem(422);
        group.MapPut("/{id:long}", async Task<IResult> (long id, AssociationRequest request, ClaimsPrincipal user, AppDbContext db,
                TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("GET /api/v1/associations/{id}");
                return OutcomeHttp.ToHttp(await SaveAssociation.UpdateAsync(db, user, clock, id, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("updateAssociation").WithSummary("Modifica un'associazione e sostituisce l'elenco degli aderenti (solo amministratori). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
