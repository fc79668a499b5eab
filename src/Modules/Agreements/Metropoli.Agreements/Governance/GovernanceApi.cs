using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Governance;

/// <summary>Steering bodies of an agreement and their meetings.</summary>
internal static class GovernanceApi
{
    public static void Map(RouteGroupBuilder agreements, RouteGroupBuilder api)
    {
        agreements.MapPost("/{id:long}/bodies", async Task<IResult> (long id, BodyRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, bodyId) = await SaveGovernance.AddBodyAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreements/{id}", outcome is Outcome.Done ? new { id = bodyId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("addAgreementBody").WithSummary("Aggiunge un organo di governo dell'intesa (cabina di regia, comitato tecnico) con i componenti.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        api.MapPost("/agreement-bodies/{id:long}/meetings", async Task<IResult> (long id, MeetingRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, meetingId) = await SaveGovernance.AddMeetingAsync(db, user, clock, id, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/agreement-meetings/{meetingId}", outcome is Outcome.Done ? new { id = meetingId } : null, AgreementAccess.NotFoundDetail);
            })
            .RequireAuthorization(Policies.Authenticated).WithTags(AgreementsApi.Tag)
            .WithName("addAgreementMeeting").WithSummary("Registra una riunione di un organo di governo, con ordine del giorno e verbale.")
            .Produces(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        api.MapPut("/agreement-meetings/{id:long}", (long id, MeetingRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "la riunione (campo version)", version => SaveGovernance.UpdateMeetingAsync(db, user, clock, id, version, request, ct), notFound: AgreementAccess.NotFoundDetail))
            .RequireAuthorization(Policies.Authenticated).WithTags(AgreementsApi.Tag)
            .WithName("updateAgreementMeeting").WithSummary("Modifica una riunione (data, luogo, ordine del giorno, verbale). Richiede If-Match con la versione della riunione.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
