using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Obligations;

/// <summary>Obligations and milestones of the parties; their status is also updated by the Comune that owes them.</summary>
internal static class ObligationsApi
{
    public static void Map(RouteGroupBuilder agreements, RouteGroupBuilder obligations)
    {
        agreements.MapPost("/{id:long}/obligations", async Task<IResult> (long id, ObligationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, oid) = await SaveObligation.CreateAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreement-obligations/{oid}", outcome is Outcome.Done ? await SaveObligation.GetAsync(db, user, clock, oid, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createAgreementObligation").WithSummary("Aggiunge un obbligo o un traguardo di una parte, con la scadenza.")
            .Produces<ObligationDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        obligations.MapGet("/{id:long}", async Task<Results<Ok<ObligationDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await SaveObligation.GetAsync(db, user, clock, id, ct), x => x.Version, context, "Nessun obbligo con questo identificativo."))
            .AllowAnonymous()
            .WithName("getAgreementObligation").WithSummary("Un obbligo o traguardo, con lo stato e se è scaduto. La risposta porta l'ETag della versione.")
            .Produces<ObligationDetail>(200).ProducesProblem(404);

        obligations.MapPut("/{id:long}", (long id, ObligationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'obbligo", version => SaveObligation.UpdateAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreementObligation").WithSummary("Modifica un obbligo (parte, tipo, titolo, descrizione, scadenza). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        obligations.MapPut("/{id:long}/status", (long id, ObligationStatusRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'obbligo", version => SaveObligation.UpdateStatusAsync(db, user, clock, id, version, request, ct),
                    notFound: AgreementAccess.NotFoundDetail, forbidden: "Aggiornano un obbligo chi gestisce l'intesa e il referente del Comune che lo deve."))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreementObligationStatus").WithSummary("Aggiorna lo stato di un obbligo (open, done con la data, waived con il motivo) e la nota di adempimento: chi gestisce l'intesa e il referente del Comune obbligato. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
