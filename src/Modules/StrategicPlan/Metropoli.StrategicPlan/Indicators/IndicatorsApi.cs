using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.StrategicPlan.Measurements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>/api/v1/indicators, the plan's thresholds, and (in <see cref="MeasurementsApi"/>) /api/v1/measurements:
/// definitions and validated figures are public (for plans the caller may see); submitting is for the owner sector
/// and the plan office; validating, rejecting, importing and defining indicators for the plan office; evidence files
/// for those in the workflow.</summary>
public static class IndicatorsApi
{
    internal const string Tag = "Indicatori e misurazioni";

    public const string NotFoundDetail = "Nessun indicatore con questo identificativo.";

    public static void MapIndicatorsApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        var indicators = api.MapGroup("/indicators").WithTags(Tag);
        MeasurementsApi.Map(indicators, api.MapGroup("/measurements").WithTags(Tag));

        api.MapGet("/plans/{id:long}/indicator-thresholds", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await Thresholds.GetAsync(db, user, id, ct), x => x.Version, context, PlanAccess.PlanNotFound))
            .AllowAnonymous().WithTags(Tag)
            .WithName("getIndicatorThresholds").WithSummary("Le soglie di raggiungimento con cui il piano classifica i suoi indicatori (in linea, a rischio, fuori obiettivo). La risposta porta l'ETag della versione (0 se valgono le soglie predefinite).")
            .Produces<ThresholdsResponse>(200).ProducesProblem(404);

        api.MapPut("/plans/{id:long}/indicator-thresholds", (long id, ThresholdsRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "le soglie", version => Thresholds.SaveAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice).WithTags(Tag)
            .WithName("updateIndicatorThresholds").WithSummary("Cambia le soglie del piano (ufficio di piano): in linea da onTrack%, a rischio da atRisk%, sotto fuori obiettivo. Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        indicators.MapGet("/", async Task<Results<Ok<Paged<IndicatorRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] IndicatorFilter filter, ClaimsPrincipal user, AppDbContext db, ReadCache cache, CancellationToken ct) =>
            {
                var errors = ListIndicators.Validate(query);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListIndicators.CachedAsync(cache, db, user, query, filter, ct));
            })
            .AllowAnonymous()
            .WithName("listIndicators").WithSummary("Gli indicatori dei piani visibili, filtrabili per piano, azione e obiettivo, con l'ultimo valore validato, il raggiungimento e lo stato.");

        indicators.MapPost("/", async Task<IResult> (IndicatorRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, id) = await SaveIndicator.CreateAsync(db, user, clock, request, ct);
                return OutcomeHttp.Created(outcome, context, $"/api/v1/indicators/{id}", outcome is Outcome.Done ? await GetIndicator.HandleAsync(db, user, id, ct) : null);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("createIndicator").WithSummary("Definisce un indicatore di un'azione o di un obiettivo, con i valori obiettivo annuali (ufficio di piano).")
            .Produces<IndicatorDetail>(201).ProducesProblem(409).ProducesProblem(422);

        indicators.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.Found(await GetIndicator.HandleAsync(db, user, id, ct), x => x.Version, context, NotFoundDetail))
            .AllowAnonymous()
            .WithName("getIndicator").WithSummary("Un indicatore con i valori obiettivo, la serie dei valori validati, il raggiungimento (0-100%) e lo stato. La risposta porta l'ETag della versione.")
            .Produces<IndicatorDetail>(200).ProducesProblem(404);

        indicators.MapPut("/{id:long}", (long id, IndicatorRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.IfMatchAsync(context, "l'indicatore", version => SaveIndicator.UpdateAsync(db, user, clock, id, version, request, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("updateIndicator").WithSummary("Sostituisce la definizione di un indicatore e i suoi valori obiettivo (ufficio di piano). Richiede If-Match.")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        indicators.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
                OutcomeHttp.DeleteIfMatchAsync(context, "l'indicatore", version => DeleteIndicator.HandleAsync(db, user, id, version, ct)))
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("deleteIndicator").WithSummary("Elimina un indicatore con i suoi valori obiettivo e le sue misurazioni (ufficio di piano). In un piano approvato un indicatore con valori validati non si elimina (409 con il motivo); in un piano archiviato nulla si elimina (409). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);
    }
}
