using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

public sealed record OrganisationDetail(long Id, string Name, string Type, string? FiscalCode, string? VatNumber, string? IpaCode,
    string? MunicipalityIstat, string? MunicipalityName, string? Address, string? PostalCode, string? City,
    string? Email, string? Pec, string? Phone, string? Website, DateTimeOffset UpdatedAt, int Version);

public static class GetOrganisation
{
    public static async Task<OrganisationDetail?> HandleAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var r = await (from o in db.Set<Organisation>().AsNoTracking()
                       join m in db.Set<Municipality>() on o.MunicipalityIstat equals m.IstatCode into linked
                       from m in linked.DefaultIfEmpty()
                       where o.Id == id
                       select new { o, MunicipalityName = m == null ? null : m.Name }).SingleOrDefaultAsync(ct);
        return r is null ? null : new OrganisationDetail(r.o.Id, r.o.Name, r.o.Type, r.o.FiscalCode, r.o.VatNumber, r.o.IpaCode,
            r.o.MunicipalityIstat, r.MunicipalityName, r.o.Address, r.o.PostalCode, r.o.City, r.o.Email, r.o.Pec, r.o.Phone, r.o.Website,
            new DateTimeOffset(r.o.UpdatedAt, TimeSpan.Zero), r.o.Version);
    }
}
