using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Map;

public sealed record LegendEntry(string ZoneCode, string ZoneName, string Fill, int Municipalities);

public sealed record MapMunicipality(string IstatCode, string Name, string ZoneCode, string ZoneName, int Population);

public sealed record TerritoryMapView(string Svg, IReadOnlyList<LegendEntry> Legend, IReadOnlyList<MapMunicipality> Municipalities);

/// <summary>The Comuni coloured by their current zone; also the source of the boundaries GeoJSON.
/// The same rows feed the map, its legend and the table that is the map's accessible alternative.</summary>
public static class TerritoryMap
{
    /// <summary><see cref="BuildAsync"/> through the <see cref="ReadCache"/>: the SVG of a zone is some 40 KB
    /// of path data drawn from the boundaries, the same for every reader in one language until the territory changes.</summary>
    public static Task<TerritoryMapView> CachedAsync(ReadCache cache, Boundaries boundaries, string? zoneCode, string? highlightIstat,
        string title, string description, CancellationToken ct) =>
        cache.GetAsync($"territory-map:{System.Globalization.CultureInfo.CurrentCulture.Name}:{zoneCode}:{highlightIstat}:{title}:{description}", TerritoryModule.ReadModel,
            (db, t) => BuildAsync(db, boundaries, zoneCode, highlightIstat, title, description, t), ct);

    public static async Task<TerritoryMapView> BuildAsync(AppDbContext db, Boundaries boundaries, string? zoneCode, string? highlightIstat,
        string title, string description, CancellationToken ct)
    {
        var zones = await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var fills = zones.Select((z, i) => (z.Code, Fill: SvgMap.Palette[i % SvgMap.Palette.Count])).ToDictionary(x => x.Code, x => x.Fill);
        var municipalities = db.Set<Municipality>().AsNoTracking();
        if (zoneCode is not null)
        {
            municipalities = municipalities.Where(m => m.ZoneCode == zoneCode);
        }
        var query = from m in municipalities
                    join z in db.Set<Zone>() on m.ZoneCode equals z.Code
                    select new MapMunicipality(m.IstatCode, m.Name, z.Code, z.Name, m.Population);
        var rows = (await query.ToListAsync(ct)).OrderBy(m => m.ZoneName, StringComparer.CurrentCulture).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var svg = SvgMap.Render(boundaries,
            rows.Select(m => highlightIstat is null
                ? new SvgMap.Area(m.IstatCode, fills[m.ZoneCode])
                // One Comune in focus: it keeps its zone colour, the neighbours fade to a light grey-blue.
                : new SvgMap.Area(m.IstatCode, m.IstatCode == highlightIstat ? fills[m.ZoneCode] : "#c9d6e3", m.IstatCode == highlightIstat)).ToList(),
            title, description);
        var legend = zones.Where(z => rows.Any(r => r.ZoneCode == z.Code))
            .Select(z => new LegendEntry(z.Code, z.Name, fills[z.Code], rows.Count(r => r.ZoneCode == z.Code))).ToList();
        return new TerritoryMapView(svg, legend, rows);
    }

    public static async Task<IReadOnlyDictionary<string, (string Code, string Name)>> CurrentZonesAsync(AppDbContext db, CancellationToken ct) =>
        await (from m in db.Set<Municipality>().AsNoTracking()
               join z in db.Set<Zone>() on m.ZoneCode equals z.Code
               select new { m.IstatCode, z.Code, z.Name })
            .ToDictionaryAsync(x => x.IstatCode, x => (x.Code, x.Name), ct);
}
