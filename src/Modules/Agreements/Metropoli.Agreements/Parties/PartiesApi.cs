using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Parties;

/// <summary>The parties of an agreement, from the organisations registry.</summary>
internal static class PartiesApi
{
    public static void Map(RouteGroupBuilder agreements)
    {
        agreements.MapPost("/{id:long}/parties", async Task<IResult> (long id, PartyRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, partyId) = await SaveParty.AddAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? new { id = partyId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementParty").WithSummary("Aggiunge una parte dal registro delle organizzazioni, con il ruolo (promoter, lead, signatory, adherent). Dopo la sottoscrizione solo come aderente.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        agreements.MapDelete("/{id:long}/parties/{party:long}", (long id, long party, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "la parte (campo version)", version => SaveParty.RemoveAsync(db, user, id, party, version, ct),
                    notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("removeAgreementParty").WithSummary("Toglie una parte senza obblighi da un'intesa non ancora sottoscritta. Richiede If-Match con la versione della parte.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);
    }
}
