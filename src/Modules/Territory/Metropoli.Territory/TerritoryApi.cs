using System.Security.Claims;
using Metropoli.Territory.Municipalities;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Territory;

public static class TerritoryApi
{
    public static void MapTerritoryApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var municipalities = api.MapGroup("/municipalities").WithTags("Territorio");
        municipalities.MapGet("/", async Task<Results<Ok<Paged<MunicipalityRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] MunicipalityFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListMunicipalities.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListMunicipalities.HandleAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listMunicipalities").WithSummary("I Comuni: filtro per zona e popolazione, ricerca, ordinamento, paginazione.");
        municipalities.MapGet("/{istatCode}", async Task<Results<Ok<MunicipalityDetail>, ProblemHttpResult>> (
                string istatCode, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var m = await GetMunicipality.HandleAsync(db, istatCode, ct);
                if (m is null)
                {
                    return Problems.NotFound.Result($"Nessun Comune con codice ISTAT {istatCode}.");
                }
                ETags.Set(context, m.Version);
                return TypedResults.Ok(m);
            })
            .AllowAnonymous()
            .WithName("getMunicipality").WithSummary("Un Comune, per codice ISTAT (6 cifre). La risposta porta l'ETag della versione.")
            .ProducesProblem(404);
        municipalities.MapPut("/{istatCode}/contacts", async Task<IResult> (
                string istatCode, ContactsRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null)
                {
                    return Problems.PreconditionRequired.Result("Invia l'intestazione If-Match con l'ETag letto dal Comune, per non sovrascrivere modifiche altrui.");
                }
                return OutcomeHttp.ToHttp(await UpdateContacts.HandleAsync(db, user, clock, istatCode, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Authenticated)
            .WithName("updateMunicipalityContacts").WithSummary("Aggiorna i contatti di un Comune (amministratori e referenti di quel Comune). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
    }
}
