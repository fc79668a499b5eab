using System.Security.Claims;
using System.Text.Json;
using Metropoli.Platform.Api;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>GET /api/v1/plans/{id}/dashboard: the same handler and the same numbers as the dashboard page.</summary>
public static class DashboardApi
{
    public static void MapDashboardApi(this WebApplication app) =>
        app.MapApiV1().MapGet("/plans/{id:long}/dashboard", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (
                long id, [AsParameters] DashboardFilter filter, ClaimsPrincipal user, DashboardCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
                TimeProvider clock, CancellationToken ct) =>
            {
                var errors = filter.Validate();
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
                if (await cache.FiguresAsync(id, user, ct) is not { } figures)
                    return Problems.NotFound.Result(PlanAccess.PlanNotFound);
                // The body of an unfiltered metro plan is 1 MB (every indicator): encoded once per figures and
                // filter (it holds nothing personal), not on every request.
                var today = CivilClock.Today(clock);
                var body = cache.Derive(figures, $"json:{today:yyyy-MM-dd}:{filter}",
                    f => JsonSerializer.SerializeToUtf8Bytes(PlanDashboard.Project(f, filter, today), json.Value.SerializerOptions));
                return TypedResults.Bytes(body, "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Piano strategico")
            .WithName("getPlanDashboard")
            .WithSummary("Il cruscotto del piano: azioni per stato, per area e stato, avanzamento medio per area, azioni in ritardo, indicatori per stato di raggiungimento (solo valori validati, soglie del piano). Filtri facoltativi: area, objective, zone, municipality. Una bozza risponde 404 a chi non è dell'ufficio di piano.")
            .Produces<PlanDashboardView>(200)
            .ProducesProblem(404);
}
