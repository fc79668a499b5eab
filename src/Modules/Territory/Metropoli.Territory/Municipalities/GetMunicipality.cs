using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

public sealed record MunicipalityDetail(string IstatCode, string Name, string CadastralCode, int Population,
    IReadOnlyList<string> PostalCodes, string ZoneCode, string ZoneName, string ZoneSource,
    string? Website, string? Pec, string? Phone, DateTimeOffset UpdatedAt, int Version,
    MayorInfo? Mayor);

public static class GetMunicipality
{
    public static async Task<MunicipalityDetail?> HandleAsync(AppDbContext db, string istatCode, CancellationToken ct)
    {
        var r = await (from m in db.Set<Municipality>().AsNoTracking()
                       join z in db.Set<Zone>() on m.ZoneCode equals z.Code
                       where m.IstatCode == istatCode
                       select new { m, ZoneName = z.Name }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var mayor = await UpdateMayor.GetAsync(db, istatCode, ct);
        return new MunicipalityDetail(r.m.IstatCode, r.m.Name, r.m.CadastralCode, r.m.Population,
            r.m.PostalCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.m.ZoneCode, r.ZoneName, r.m.ZoneSource,
            r.m.Website, r.m.Pec, r.m.Phone, new DateTimeOffset(r.m.UpdatedAt, TimeSpan.Zero), r.m.Version, mayor);
    }
}
