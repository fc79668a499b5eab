using System.ComponentModel;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Associations;

public sealed record AssociationRow(long Id, string Name, string Kind, DateOnly? ValidFrom, DateOnly? ValidTo,
    int Members, IReadOnlyList<string> Functions);

public sealed record AssociationFilter
{
    [Description("Tipo: unione, convenzione, consorzio.")]
    public string? Kind { get; init; }

    [Description("Solo le associazioni di cui fa o ha fatto parte questo Comune (codice ISTAT).")]
    public string? Municipality { get; init; }
}

/// <summary>A Comune's part in an association, for the Comune's page.</summary>
public sealed record MunicipalityAssociationRow(long Id, string Name, string Kind, DateOnly? MemberFrom, DateOnly? MemberTo);

/// <summary>Unions, conventions and consortia of Comuni: filter by kind and Comune, search by name, sort, page.</summary>
public static class ListAssociations
{
    public static readonly string[] Sortable = ["name", "kind", "validFrom"];

    public static Dictionary<string, string[]> Validate(ListQuery query, AssociationFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (filter.Kind is { Length: > 0 } kind && !AssociationKinds.IsKnown(kind))
        {
            errors["kind"] = ["Tipo non valido. Valori ammessi: unione, convenzione, consorzio."];
        }
        return errors;
    }

    public static async Task<Paged<AssociationRow>> HandleAsync(AppDbContext db, ListQuery query, AssociationFilter filter, CancellationToken ct)
    {
        var rows = db.Set<Association>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Kind)) rows = rows.Where(a => a.Kind == filter.Kind);
        if (!string.IsNullOrWhiteSpace(filter.Municipality)) rows = rows.Where(a => a.Members.Any(m => m.IstatCode == filter.Municipality));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            rows = rows.Where(a => a.Name.ToLower().Contains(q));
        }
        var (key, desc) = query.SortOrDefault("name");
        rows = key switch
        {
            "kind" => desc ? rows.OrderByDescending(a => a.Kind).ThenBy(a => a.Name) : rows.OrderBy(a => a.Kind).ThenBy(a => a.Name),
            "validFrom" => desc ? rows.OrderByDescending(a => a.ValidFrom).ThenBy(a => a.Name) : rows.OrderBy(a => a.ValidFrom).ThenBy(a => a.Name),
            _ => desc ? rows.OrderByDescending(a => a.Name) : rows.OrderBy(a => a.Name),
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(a => new { a.Id, a.Name, a.Kind, a.ValidFrom, a.ValidTo, Members = a.Members.Count, a.Functions })
            .ToListAsync(ct);
        return new Paged<AssociationRow>(
            items.Select(a => new AssociationRow(a.Id, a.Name, a.Kind, a.ValidFrom, a.ValidTo, a.Members, GetAssociation.SplitFunctions(a.Functions))).ToList(),
            total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<List<MunicipalityAssociationRow>> ForMunicipalityAsync(AppDbContext db, string istatCode, CancellationToken ct) =>
        await (from m in db.Set<AssociationMember>().AsNoTracking()
               join a in db.Set<Association>() on m.AssociationId equals a.Id
               where m.IstatCode == istatCode
               orderby a.Name
               select new MunicipalityAssociationRow(a.Id, a.Name, a.Kind, m.ValidFrom, m.ValidTo)).ToListAsync(ct);
}
