using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.StrategicPlan.Reference;

/// <summary>The reference lists the actions are classified by.</summary>
internal static class ReferenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/dup-missions", async Task<Ok<Paged<DupMissionRow>>> (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListReference.DupMissionsAsync(db, ct)))
            .AllowAnonymous().WithTags(StrategicPlanApi.Tag)
            .WithName("listDupMissions").WithSummary("La classificazione del bilancio per Missioni e Programmi (D.Lgs. 118/2011, Allegato 14) a cui si collegano le azioni: 23 missioni con i loro programmi.");

        api.MapGet("/plan-tags", async Task<Ok<Paged<PlanTagRow>>> (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListReference.TagsAsync(db, ct)))
            .AllowAnonymous().WithTags(StrategicPlanApi.Tag)
            .WithName("listPlanTags").WithSummary("I pilastri del piano e le missioni PNRR con cui si etichettano le azioni.");
    }
}
