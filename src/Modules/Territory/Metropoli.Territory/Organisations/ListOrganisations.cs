using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

public sealed record OrganisationRow(long Id, string Name, string Type, string? FiscalCode, string? VatNumber, string? IpaCode,
    string? MunicipalityIstat, string? Address, string? PostalCode, string? City, string? Email, string? Pec, string? Phone, string? Website,
    DateTimeOffset UpdatedAt);

public sealed record OrganisationFilter
{
    [System.ComponentModel.Description("Tipo di organizzazione: region, metropolitan-city, municipality, union-of-municipalities, participated-company, university, chamber-of-commerce, trade-union, business-association, third-sector, foundation, public-body, other.")]
    public string? Type { get; init; }
}

/// <summary>The public list of organisations: search by name or code, filter by type, sort, page.</summary>
public static class ListOrganisations
{
    public static readonly string[] Sortable = ["name", "type", "fiscalCode", "city", "updatedAt"];

    public static Dictionary<string, string[]> Validate(ListQuery query, OrganisationFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (!string.IsNullOrWhiteSpace(filter.Type) && !OrganisationTypes.IsKnown(filter.Type))
        {
            errors["type"] = [$"Tipo non valido. Valori ammessi: {string.Join(", ", OrganisationTypes.All)}."];
        }
        return errors;
    }

    public static async Task<Paged<OrganisationRow>> HandleAsync(AppDbContext db, ListQuery query, OrganisationFilter filter, CancellationToken ct)
    {
        var rows = db.Set<Organisation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Type)) rows = rows.Where(o => o.Type == filter.Type);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            // Codes are stored normalised, so a code typed with spaces or in another case still matches.
            var code = new string(query.Q.Where(c => !char.IsWhiteSpace(c)).ToArray());
            var upper = code.ToUpperInvariant();
            var lower = code.ToLowerInvariant();
            rows = rows.Where(o => o.Name.ToLower().Contains(q) || o.FiscalCode == upper || o.VatNumber == upper
                || o.IpaCode == lower || o.MunicipalityIstat == code);
        }
        var (key, desc) = query.SortOrDefault("name");
        IOrderedQueryable<Organisation> ordered = key switch
        {
            "type" => desc ? rows.OrderByDescending(o => o.Type).ThenBy(o => o.Name) : rows.OrderBy(o => o.Type).ThenBy(o => o.Name),
            "fiscalCode" => desc ? rows.OrderByDescending(o => o.FiscalCode) : rows.OrderBy(o => o.FiscalCode),
            "city" => desc ? rows.OrderByDescending(o => o.City).ThenBy(o => o.Name) : rows.OrderBy(o => o.City).ThenBy(o => o.Name),
            "updatedAt" => desc ? rows.OrderByDescending(o => o.UpdatedAt) : rows.OrderBy(o => o.UpdatedAt),
            _ => desc ? rows.OrderByDescending(o => o.Name) : rows.OrderBy(o => o.Name),
        };
        // The id last, so that pages never overlap or skip rows that tie on the sort key.
        rows = ordered.ThenBy(o => o.Id);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .ToListAsync(ct);
        return new Paged<OrganisationRow>(
            items.Select(o => new OrganisationRow(o.Id, o.Name, o.Type, o.FiscalCode, o.VatNumber, o.IpaCode, o.MunicipalityIstat,
                o.Address, o.PostalCode, o.City, o.Email, o.Pec, o.Phone, o.Website, new DateTimeOffset(o.UpdatedAt, TimeSpan.Zero))).ToList(),
            total, query.EffectiveLimit, query.EffectiveOffset);
    }
}
