using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Territory.Map;

public static class MapApi
{
    public const string GeoJson = "application/geo+json";

    public static void MapBoundariesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/municipalities").WithTags("Territorio");
        // The whole territory's GeoJSON (about 300 KB) is the same for every reader until a Comune changes zone:
        // encoded once into the ReadCache, not on every request.
        api.MapGet("/boundaries", async (ReadCache cache, Boundaries boundaries, CancellationToken ct) =>
                Results.Bytes(await cache.GetAsync("boundaries-geojson", TerritoryModule.ReadModel,
                    async (db, t) => System.Text.Encoding.UTF8.GetBytes(boundaries.ToGeoJson(null, await TerritoryMap.CurrentZonesAsync(db, t))), ct), GeoJson))
            .AllowAnonymous()
            .WithName("getMunicipalityBoundaries")
            .WithSummary("I confini dei 133 Comuni in GeoJSON (WGS84), con la zona attuale. Confini comunali: ISTAT / Openpolis (CC BY 4.0).")
            .Produces<string>(200, GeoJson);
        api.MapGet("/{istatCode}/boundary", async Task<Results<ContentHttpResult, ProblemHttpResult>> (string istatCode, AppDbContext db, Boundaries boundaries, CancellationToken ct) =>
                boundaries.Find(istatCode) is null
                    ? Problems.NotFound.Result($"Nessun confine per il codice ISTAT {istatCode}.")
                    : TypedResults.Text(boundaries.ToGeoJson([istatCode], await TerritoryMap.CurrentZonesAsync(db, ct)), GeoJson))
            .AllowAnonymous()
            .WithName("getMunicipalityBoundary")
            .WithSummary("Il confine di un Comune in GeoJSON (WGS84). Confini comunali: ISTAT / Openpolis (CC BY 4.0).")
            .Produces<string>(200, GeoJson)
            .ProducesProblem(404);
    }
}
