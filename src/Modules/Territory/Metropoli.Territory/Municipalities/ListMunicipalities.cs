using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

public sealed record MunicipalityRow(string IstatCode, string Name, string CadastralCode, int Population, string ZoneCode, string ZoneName);

public sealed record MunicipalityFilter
{
    public string? Zone { get; init; }
    public int? MinPopulation { get; init; }
    public int? MaxPopulation { get; init; }
}

/// <summary>The list of Comuni: filter by zone and population, search by name or code, sort, page.</summary>
public static class ListMunicipalities
{
    public static readonly string[] Sortable = ["name", "population", "istatCode", "zone"];

    public static Dictionary<string, string[]> Validate(ListQuery query, MunicipalityFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (filter.MinPopulation is < 0) errors["minPopulation"] = ["La popolazione minima non può essere negativa."];
        if (filter.MaxPopulation is < 0) errors["maxPopulation"] = ["La popolazione massima non può essere negativa."];
        if (filter.MinPopulation > filter.MaxPopulation) errors["minPopulation"] = ["La popolazione minima supera la massima."];
        return errors;
    }

    public static async Task<Paged<MunicipalityRow>> HandleAsync(AppDbContext db, ListQuery query, MunicipalityFilter filter, CancellationToken ct)
    {
        var rows = from m in db.Set<Municipality>().AsNoTracking()
                   join z in db.Set<Zone>() on m.ZoneCode equals z.Code
                   select new { m, z };
        if (!string.IsNullOrWhiteSpace(filter.Zone)) rows = rows.Where(r => r.m.ZoneCode == filter.Zone);
        if (filter.MinPopulation is { } min) rows = rows.Where(r => r.m.Population >= min);
        if (filter.MaxPopulation is { } max) rows = rows.Where(r => r.m.Population <= max);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            rows = rows.Where(r => r.m.Name.ToLower().Contains(q) || r.m.IstatCode == q || r.m.CadastralCode.ToLower() == q);
        }
        var (key, desc) = query.SortOrDefault("name");
        rows = key switch
        {
            "population" => desc ? rows.OrderByDescending(r => r.m.Population).ThenBy(r => r.m.Name) : rows.OrderBy(r => r.m.Population).ThenBy(r => r.m.Name),
            "istatCode" => desc ? rows.OrderByDescending(r => r.m.IstatCode) : rows.OrderBy(r => r.m.IstatCode),
            "zone" => desc ? rows.OrderByDescending(r => r.z.Name).ThenBy(r => r.m.Name) : rows.OrderBy(r => r.z.Name).ThenBy(r => r.m.Name),
            _ => desc ? rows.OrderByDescending(r => r.m.Name) : rows.OrderBy(r => r.m.Name),
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(r => new MunicipalityRow(r.m.IstatCode, r.m.Name, r.m.CadastralCode, r.m.Population, r.z.Code, r.z.Name))
            .ToListAsync(ct);
        return new Paged<MunicipalityRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }
}
