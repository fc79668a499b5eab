using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

/// <summary>One membership of a Comune's zone history; <see cref="ValidTo"/> is the last day (inclusive).</summary>
public sealed record ZoneMembershipRow(long Id, string ZoneCode, string ZoneName, DateOnly ValidFrom, DateOnly? ValidTo,
    string? Act, string Source, int Version);

public static class GetZoneHistory
{
    /// <summary>The Comune's memberships, newest first; null when the Comune does not exist.</summary>
    public static async Task<List<ZoneMembershipRow>?> HandleAsync(AppDbContext db, string istatCode, CancellationToken ct)
    {
        if (!await db.Set<Municipality>().AnyAsync(m => m.IstatCode == istatCode, ct))
        {
            return null;
        }
        return await (from ms in db.Set<ZoneMembership>().AsNoTracking()
                      join z in db.Set<Zone>() on ms.ZoneCode equals z.Code
                      where ms.IstatCode == istatCode
                      orderby ms.ValidFrom descending
                      select new ZoneMembershipRow(ms.Id, ms.ZoneCode, z.Name, ms.ValidFrom, ms.ValidTo, ms.Act, ms.Source, ms.Version))
            .ToListAsync(ct);
    }
}
