using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Funding.Applications;

/// <summary>/api/v1/funding-applications: the applications of the Comuni to the calls.</summary>
internal static class ApplicationsApi
{
    private const string NotFound = "Nessuna domanda con questo identificativo.";

    public sealed record ApplicationFilter
    {
        [Description("Identificativo del bando.")]
        public long? Call { get; init; }
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/funding-applications").WithTags(FundingApi.Tag);
        g.MapGet("/", async Task<Results<Ok<Paged<ApplicationRow>>, ValidationProblem>> ([AsParameters] ListQuery query, [AsParameters] ApplicationFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ApplicationHandlers.ListAsync(db, user, query, filter.Call, ct));
            })
            .AllowAnonymous()
            .WithName("listFundingApplications").WithSummary("Le domande dei Comuni ai bandi: le bozze solo per il Comune capofila o partner e per l'ufficio di piano.");

        g.MapGet("/{id:long}", async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await ApplicationHandlers.GetAsync(db, user, id, ct), x => x.Version, context, NotFound))
            .AllowAnonymous()
            .WithName("getFundingApplication").WithSummary("Una domanda con i partner, i passaggi possibili per chi chiede e la cronologia motivata degli stati. La risposta porta l'ETag.")
            .Produces<ApplicationDetail>(200).ProducesProblem(404);

        g.MapPost("/", async Task<IResult> (ApplicationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await ApplicationHandlers.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/funding-applications/{id}", outcome is Outcome.Done ? await ApplicationHandlers.GetAsync(db, user, id!.Value, ct) : null, NotFound);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createFundingApplication").WithSummary("Una domanda in bozza: il referente comunale per il proprio Comune capofila, l'ufficio di piano per ogni Comune.")
            .Produces<ApplicationDetail>(201).ProducesProblem(403).ProducesProblem(422);

        g.MapPost("/{id:long}/transitions", (long id, ApplicationTransitionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la domanda", version => ApplicationHandlers.TransitionAsync(db, user, clock, id, version, request, ct), notFound: NotFound))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("transitionFundingApplication").WithSummary("Cambia lo stato di una domanda: bozza → presentata (bando aperto, Comuni ammissibili, partner sufficienti) → ammessa → finanziata o non finanziata (ufficio di piano, con il motivo); ritirata dal capofila con il motivo. Un passaggio non previsto risponde 409. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
