using Metropoli.Platform.Data;

namespace Metropoli.Platform.Sectors;

public sealed record SectorResponse(string Code, string NameIt, string NameEn, bool Active);

/// <summary>The sectors registry over the API: what codes the owner-sector fields accept, with their names.</summary>
public static class SectorsApi
{
    public static void MapSectorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sectors", async (AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await SectorRegistry.ListAsync(db, ct)).Select(s => new SectorResponse(s.Code, s.NameIt, s.NameEn, s.Active)).ToList()))
            .AllowAnonymous()
            .WithName("listSectors").WithTags("Piattaforma")
            .WithSummary("I settori della Città metropolitana (registro): il codice da usare nei campi ownerSector e sectorCode, il nome in italiano e in inglese, se è attivo. Un settore non attivo resta sui record che lo hanno ma non si può più assegnare.");
    }
}
