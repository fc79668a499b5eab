using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Municipalities;

/// <summary>A Comune's zone history, its moves and the confirmation of its seeded assignment.</summary>
public static class ZoneMembershipsApi
{
    public static void MapZoneMembershipsApi(this WebApplication app)
    {
        var group = app.MapApiV1().MapGroup("/municipalities/{istatCode}/zone-memberships").WithTags("Territorio");
        group.MapGet("/", async Task<IResult> (string istatCode, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var items = await GetZoneHistory.HandleAsync(db, istatCode, ct);
                if (items is null) return OutcomeHttp.NotFound($"Nessun Comune con codice ISTAT {istatCode}.");
                if (items.FirstOrDefault(m => m.ValidTo is null) is { } current)
                {
                    ETags.Set(context, current.Version);
                }
                return TypedResults.Ok(new Paged<ZoneMembershipRow>(items, items.Count, items.Count, 0));
            })
            .AllowAnonymous()
            .WithName("listZoneMemberships")
            .WithSummary("La storia delle zone di un Comune, dalla più recente; validTo è l'ultimo giorno (incluso). L'ETag è la versione dell'appartenenza in corso.")
            .Produces<Paged<ZoneMembershipRow>>().ProducesProblem(404);
        group.MapPost("/", async Task<IResult> (string istatCode, MoveRequest request, ClaimsPrincipal user,
                AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("GET /api/v1/municipalities/{istatCode}/zone-memberships");
                return OutcomeHttp.ToHttp(await MoveMunicipality.HandleAsync(db, user, clock, istatCode, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("moveMunicipality")
            .WithSummary("Sposta un Comune in un'altra zona dal giorno validFrom, con l'atto che lo decide; con correction=true corregge l'assegnazione attuale senza creare storia (solo amministratori). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        group.MapPost("/confirmation", async Task<IResult> (string istatCode, ClaimsPrincipal user,
                AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("GET /api/v1/municipalities/{istatCode}/zone-memberships");
                return OutcomeHttp.ToHttp(await ConfirmZoneAssignment.HandleAsync(db, user, clock, istatCode, version, ct), context);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("confirmZoneAssignment")
            .WithSummary("Conferma l'assegnazione attuale alla zona: la fonte diventa \"confirmed\" (solo amministratori). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);
    }
}
