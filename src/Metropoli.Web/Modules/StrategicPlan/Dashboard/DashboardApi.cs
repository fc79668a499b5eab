using System.Security.Claims;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Web.Modules.StrategicPlan.Dashboard;

/// <summary>GET /api/v1/plans/{id}/dashboard: the same handler and the same numbers as the dashboard page.</summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this WebApplication app) =>
        app.MapApiV1().MapGet("/plans/{id:long}/dashboard", async Task<Results<Ok<PlanDashboardView>, ValidationProblem, ProblemHttpResult>> (
                long id, [AsParameters] DashboardFilter filter, ClaimsPrincipal user, AppDbContext db, DashboardCache cache, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = filter.Validate();
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                var view = await PlanDashboard.BuildAsync(db, user, id, filter, PlanFormat.Today(clock), ct, cache: cache);
                return view is null
                    ? TypedResults.Problem(statusCode: 404, title: "Risorsa non trovata", detail: PlanHttp.PlanNotFound)
                    : TypedResults.Ok(view);
            })
            .AllowAnonymous()
            .WithTags("Piano strategico")
            .WithName("getPlanDashboard")
            .WithSummary("Il cruscotto del piano: azioni per stato, per area e stato, avanzamento medio per area, azioni in ritardo, indicatori per stato di raggiungimento (solo valori validati, soglie del piano). Filtri facoltativi: area, objective, zone, municipality. Una bozza risponde 404 a chi non è dell'ufficio di piano.")
            .ProducesProblem(404);
}
