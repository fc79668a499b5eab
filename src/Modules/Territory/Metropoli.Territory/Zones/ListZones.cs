using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Zones;

public sealed record ZoneRow(string Code, string Name, bool IsCapoluogo, int Municipalities, int Population);

public sealed record ZoneMember(string IstatCode, string Name, int Population, string ZoneSource);

public sealed record ZoneDetail(string Code, string Name, bool IsCapoluogo, int Population, IReadOnlyList<ZoneMember> Members);

/// <summary>The zones and their members. Without a date: today's composition from the denormalised
/// <see cref="Municipality.ZoneCode"/> (fast, what most pages need). With a date: the composition on
/// that day from the membership history (both ends of a membership inclusive).</summary>
public static class ListZones
{
    public static async Task<List<ZoneRow>> HandleAsync(AppDbContext db, CancellationToken ct)
    {
        var zones = await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var stats = await db.Set<Municipality>().AsNoTracking().GroupBy(m => m.ZoneCode)
            .Select(g => new { g.Key, Count = g.Count(), Population = g.Sum(m => m.Population) })
            .ToDictionaryAsync(x => x.Key, ct);
        return zones.Select(z => new ZoneRow(z.Code, z.Name, z.IsCapoluogo,
            stats.GetValueOrDefault(z.Code)?.Count ?? 0, stats.GetValueOrDefault(z.Code)?.Population ?? 0)).ToList();
    }

    public static async Task<List<ZoneRow>> HandleAsync(AppDbContext db, DateOnly date, CancellationToken ct)
    {
        var zones = await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var stats = await (from ms in MembershipsOn(db, date)
                           join m in db.Set<Municipality>() on ms.IstatCode equals m.IstatCode
                           group m.Population by ms.ZoneCode into g
                           select new { g.Key, Count = g.Count(), Population = g.Sum() })
            .ToDictionaryAsync(x => x.Key, ct);
        return zones.Select(z => new ZoneRow(z.Code, z.Name, z.IsCapoluogo,
            stats.GetValueOrDefault(z.Code)?.Count ?? 0, stats.GetValueOrDefault(z.Code)?.Population ?? 0)).ToList();
    }

    public static async Task<ZoneDetail?> GetAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var zone = await db.Set<Zone>().AsNoTracking().SingleOrDefaultAsync(z => z.Code == code, ct);
        if (zone is null) return null;
        var members = await db.Set<Municipality>().AsNoTracking().Where(m => m.ZoneCode == code).OrderBy(m => m.Name)
            .Select(m => new ZoneMember(m.IstatCode, m.Name, m.Population, m.ZoneSource)).ToListAsync(ct);
        return new ZoneDetail(zone.Code, zone.Name, zone.IsCapoluogo, members.Sum(m => m.Population), members);
    }

    public static async Task<ZoneDetail?> GetAsync(AppDbContext db, string code, DateOnly date, CancellationToken ct)
    {
        var zone = await db.Set<Zone>().AsNoTracking().SingleOrDefaultAsync(z => z.Code == code, ct);
        if (zone is null) return null;
        var members = await (from ms in MembershipsOn(db, date)
                             where ms.ZoneCode == code
                             join m in db.Set<Municipality>() on ms.IstatCode equals m.IstatCode
                             orderby m.Name
                             select new ZoneMember(m.IstatCode, m.Name, m.Population, ms.Source)).ToListAsync(ct);
        return new ZoneDetail(zone.Code, zone.Name, zone.IsCapoluogo, members.Sum(m => m.Population), members);
    }

    /// <summary>The memberships in force on <paramref name="date"/>: at most one per Comune.</summary>
    public static IQueryable<ZoneMembership> MembershipsOn(AppDbContext db, DateOnly date) =>
        db.Set<ZoneMembership>().AsNoTracking().Where(ms => ms.ValidFrom <= date && (ms.ValidTo == null || ms.ValidTo >= date));
}
