using Metropoli.Territory.Associations;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Municipalities;

/// <summary>What the Comune page shows to everyone: the record with its mayor, the zone history and the
/// associations. <see cref="GetMunicipality"/>, <see cref="GetZoneHistory"/> and the association list are the
/// handlers the API shares; this is their result, kept in the <see cref="ReadCache"/> (all public data, so one
/// value for every viewer) and dropped by any territory change.</summary>
public sealed record MunicipalityPage(MunicipalityDetail Detail, IReadOnlyList<ZoneMembershipRow> ZoneHistory,
    IReadOnlyList<MunicipalityAssociationRow> Associations);

public static class GetMunicipalityPage
{
    /// <summary>The page's data, or null when there is no such Comune.</summary>
    public static Task<MunicipalityPage?> CachedAsync(ReadCache cache, string istatCode, CancellationToken ct) =>
        cache.GetAsync($"municipality-page:{istatCode}", TerritoryModule.ReadModel, (db, t) => HandleAsync(db, istatCode, t), ct);

    public static async Task<MunicipalityPage?> HandleAsync(AppDbContext db, string istatCode, CancellationToken ct)
    {
        if (await GetMunicipality.HandleAsync(db, istatCode, ct) is not { } detail) return null;
        return new MunicipalityPage(detail, await GetZoneHistory.HandleAsync(db, istatCode, ct) ?? [],
            await ListAssociations.ForMunicipalityAsync(db, istatCode, ct));
    }
}
