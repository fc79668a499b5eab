using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

public static class MayorApi
{
    public static void MapMayorApi(this WebApplication app)
    {
        var group = app.MapApiV1().MapGroup("/municipalities/{istatCode}/mayor").WithTags("Territorio");
        group.MapGet("/", async Task<IResult> (string istatCode, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                if (!await db.Set<Model.Municipality>().AnyAsync(m => m.IstatCode == istatCode, ct))
                {
                    return OutcomeHttp.NotFound($"Nessun Comune con codice ISTAT {istatCode}.");
                }
                var mayor = await UpdateMayor.GetAsync(db, istatCode, ct);
                if (mayor is null) return OutcomeHttp.NotFound("Per questo Comune non è ancora registrato un sindaco.");
                ETags.Set(context, mayor.Version);
                return TypedResults.Ok(mayor);
            })
            .AllowAnonymous()
            .WithName("getMunicipalityMayor").WithSummary("Il sindaco di un Comune (l'ultimo mandato registrato), con l'ETag della versione.")
            .Produces<MayorInfo>().ProducesProblem(404);
        group.MapPut("/", async Task<IResult> (string istatCode, MayorRequest request, ClaimsPrincipal user,
                AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("GET /api/v1/municipalities/{istatCode}/mayor (\"0\" se non c'è ancora un sindaco)");
                return OutcomeHttp.ToHttp(await UpdateMayor.HandleAsync(db, user, clock, istatCode, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateMunicipalityMayor")
            .WithSummary("Aggiorna il sindaco di un Comune (amministratori e referenti di quel Comune); newTerm=true apre un nuovo mandato. Richiede If-Match (\"0\" se non c'è ancora un sindaco).")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
