using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Territory.Contracts;
using Metropoli.Territory.Model;

namespace Metropoli.Territory;

/// <summary>The Territory module's side of <see cref="ITerritoryQueries"/>: projections of its entities.</summary>
internal sealed class TerritoryQueries(AppDbContext db) : ITerritoryQueries, IScopeDirectory, IOrganisationRegistry, IZoneCoordinators
{
    public IQueryable<ComuneRef> Comuni => db.Set<Municipality>().Select(m => new ComuneRef
    {
        IstatCode = m.IstatCode, Name = m.Name, ZoneCode = m.ZoneCode, Population = m.Population,
    });

    public IQueryable<ZoneRef> Zones => db.Set<Zone>().Select(z => new ZoneRef
    {
        Code = z.Code, Name = z.Name, SortOrder = z.SortOrder, IsCapoluogo = z.IsCapoluogo,
    });

    public IQueryable<OrganisationRef> Organisations => db.Set<Organisation>().Select(o => new OrganisationRef
    {
        Id = o.Id, Name = o.Name, Type = o.Type, FiscalCode = o.FiscalCode, MunicipalityIstat = o.MunicipalityIstat,
    });

    IQueryable<ScopeOption> IScopeDirectory.Municipalities =>
        db.Set<Municipality>().Select(m => new ScopeOption { Code = m.IstatCode, Name = m.Name, ZoneCode = m.ZoneCode });

    IQueryable<ScopeOption> IScopeDirectory.Zones =>
        db.Set<Zone>().Select(z => new ScopeOption { Code = z.Code, Name = z.Name, SortOrder = z.SortOrder });

    public async Task<long> FindOrAddAsync(string name, string type, string? municipalityIstat, DateTime now, CancellationToken ct)
    {
        var query = db.Set<Organisation>().AsQueryable();
        long? id = municipalityIstat is { } istat ? await query.Where(o => o.MunicipalityIstat == istat).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct)
            : type is OrganisationTypes.MetropolitanCity or OrganisationTypes.Region ? await query.Where(o => o.Type == type).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct)
            : await query.Where(o => o.Name == name).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        if (id is { } found) return found;
        var org = new Organisation { Name = name, Type = type, MunicipalityIstat = municipalityIstat, UpdatedAt = now };
        db.Add(org);
        await db.SaveChangesAsync(ct);
        return org.Id;
    }

    public async Task<string?> CoordinatorOnAsync(string zoneCode, DateOnly day, CancellationToken ct)
    {
        var data = await Metropoli.Territory.Zones.RotationData.LoadAsync(db, zoneCode, ct);
        return Metropoli.Territory.Zones.CoordinatorRotation.Resolve(data.Plan, data.RecordedTerms, data.Eligible, day).Current?.IstatCode;
    }
}
