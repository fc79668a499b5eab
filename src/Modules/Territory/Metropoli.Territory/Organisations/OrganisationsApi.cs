using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Territory.Organisations;

public sealed record ImportResponse(int Imported);

/// <summary>/api/v1/organizations: the registry is public to read; administrators write it.</summary>
public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this WebApplication app)
    {
        var group = app.MapApiV1().MapGroup("/organizations").WithTags("Territorio");
        group.MapGet("/", async Task<Results<Ok<Paged<OrganisationRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] OrganisationFilter filter, AppDbContext db, CancellationToken ct) =>
            {
                var errors = ListOrganisations.Validate(query, filter);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListOrganisations.HandleAsync(db, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listOrganizations").WithSummary("Le organizzazioni (Regione, Comuni, società, università, Terzo settore…): ricerca per nome o codice, filtro per tipo, ordinamento, paginazione.");

        group.MapGet("/{id:long}", async Task<Results<Ok<OrganisationDetail>, ProblemHttpResult>> (
                long id, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var o = await GetOrganisation.HandleAsync(db, id, ct);
                if (o is null)
                {
                    return Problems.NotFound.Result($"Nessuna organizzazione con id {id}.");
                }
                ETags.Set(context, o.Version);
                return TypedResults.Ok(o);
            })
            .AllowAnonymous()
            .WithName("getOrganization").WithSummary("Un'organizzazione. La risposta porta l'ETag della versione.")
            .ProducesProblem(404);

        group.MapPost("/", async Task<IResult> (OrganisationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await CreateOrganisation.HandleAsync(db, user, clock, request, ct);
                if (outcome is not Outcome.Done done)
                {
                    return OutcomeHttp.ToHttp(outcome, context);
                }
                ETags.Set(context, done.Version);
                return TypedResults.Created($"/api/v1/organizations/{id}", await GetOrganisation.HandleAsync(db, id, ct));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("createOrganization").WithSummary("Aggiunge un'organizzazione (amministratori). Codice fiscale e partita IVA sono verificati con il carattere di controllo; il codice fiscale non può ripetersi.")
            .Produces<OrganisationDetail>(201).ProducesProblem(422);

        group.MapPut("/{id:long}", async Task<IResult> (
                long id, OrganisationRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null)
                {
                    return Problems.PreconditionRequired.Result("Invia l'intestazione If-Match con l'ETag letto dall'organizzazione, per non sovrascrivere modifiche altrui.");
                }
                return OutcomeHttp.ToHttp(await UpdateOrganisation.HandleAsync(db, user, clock, id, version, request, ct), context);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("updateOrganization").WithSummary("Aggiorna un'organizzazione (amministratori). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        group.MapPost("/import", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (CsvUpload.NotCsv(request, ImportOrganisations.Columns) is { } notCsv) return notCsv;
                if (await CsvUpload.ReadAtMostAsync(request.Body, ImportOrganisations.MaxBytes, ct) is not { } content) return CsvUpload.TooLarge(ImportOrganisations.MaxBytes);
                return await ImportOrganisations.HandleAsync(db, user, clock, content, ct) switch
                {
                    ImportResult.Imported imported => TypedResults.Ok(new ImportResponse(imported.Count)),
                    ImportResult.Rejected rejected => CsvUpload.Rejected(rejected.Errors, "non è stata importata nessuna riga"),
                    _ => Problems.Forbidden.Result("Solo gli amministratori possono importare organizzazioni."),
                };
            })
            .RequireAuthorization(Policies.Administrator)
            .AcceptsCsvImport<ImportResponse>()
            .WithName("importOrganizations").WithSummary("Importa organizzazioni da un file CSV UTF-8 (amministratori), tutto o niente: con anche una sola riga errata non importa nulla e risponde 422 con l'elenco degli errori e il numero di riga di ciascuno.");
    }
}
