using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Agreements;

/// <summary>One agreement: proposal, reading, changes, status transitions, renewal and addenda.</summary>
internal static class AgreementApi
{
    public static void Map(RouteGroupBuilder agreements)
    {
        agreements.MapPost("/", async Task<IResult> (AgreementRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveAgreement.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, id, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("createAgreement").WithSummary("Registra una proposta di intesa (ufficio di piano, amministratori, referenti di settore per il proprio settore).")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(422);

        agreements.MapGet("/{id:long}", async Task<Results<Ok<AgreementDetail>, ProblemHttpResult>> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetAgreement.HandleAsync(db, user, clock, id, ct), x => x.Version, context, AgreementAccess.NotFoundDetail))
            .AllowAnonymous()
            .WithName("getAgreement").WithSummary("Un'intesa con parti, obblighi, atti aggiuntivi, documenti, organi di governo, collegamenti al piano e al territorio e la cronologia degli stati. Un'intesa non visibile risponde 404. La risposta porta l'ETag della versione.")
            .Produces<AgreementDetail>(200).ProducesProblem(404);

        agreements.MapPut("/{id:long}", (long id, AgreementRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'intesa", version => SaveAgreement.UpdateAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateAgreement").WithSummary("Sostituisce i dati di un'intesa (non lo stato). Richiede If-Match; un'intesa conclusa, scaduta o ritirata risponde 409.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        agreements.MapPost("/{id:long}/transitions", (long id, AgreementTransitionRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'intesa", version => TransitionAgreement.HandleAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("transitionAgreement").WithSummary("Cambia lo stato di un'intesa con il motivo: proposta → in istruttoria → approvata (con l'atto) → sottoscritta (data, almeno due parti) → in vigore (dalla decorrenza) → conclusa o scaduta; ritirata fino alla conclusione. Un passaggio non previsto risponde 409 con il motivo, una condizione mancante 422. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        agreements.MapPost("/{id:long}/renewal", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, newId) = await SaveAgreement.RenewAsync(db, user, clock, id, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{newId}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, newId, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("renewAgreement").WithSummary("Avvia il rinnovo di un'intesa in vigore, scaduta o conclusa: una nuova proposta collegata alla precedente, con gli stessi dati, parti e collegamenti.")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        agreements.MapPost("/{id:long}/amendments", async Task<IResult> (long id, AmendmentRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("l'intesa");
                var (outcome, _) = await AddAmendment.HandleAsync(db, user, clock, id, version, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? await GetAgreement.HandleAsync(db, user, clock, id, ct) : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementAmendment").WithSummary("Registra un atto aggiuntivo numerato di un'intesa sottoscritta o in vigore; può spostare la scadenza. Richiede If-Match con la versione dell'intesa.")
            .Produces<AgreementDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
