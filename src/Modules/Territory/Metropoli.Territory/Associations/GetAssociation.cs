using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Associations;

public sealed record AssociationMemberRow(string IstatCode, string Name, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record AssociationDetail(long Id, string Name, string Kind, DateOnly? ValidFrom, DateOnly? ValidTo,
    IReadOnlyList<string> Functions, string? Act, IReadOnlyList<AssociationMemberRow> Members, DateTimeOffset UpdatedAt, int Version);

public static class GetAssociation
{
    public static async Task<AssociationDetail?> HandleAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var a = await db.Set<Association>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var members = await (from m in db.Set<AssociationMember>().AsNoTracking()
                             join c in db.Set<Municipality>() on m.IstatCode equals c.IstatCode
                             where m.AssociationId == id
                             orderby c.Name, m.ValidFrom
                             select new AssociationMemberRow(m.IstatCode, c.Name, m.ValidFrom, m.ValidTo)).ToListAsync(ct);
        return new AssociationDetail(a.Id, a.Name, a.Kind, a.ValidFrom, a.ValidTo, SplitFunctions(a.Functions), a.Act, members,
            new DateTimeOffset(a.UpdatedAt, TimeSpan.Zero), a.Version);
    }

    public static IReadOnlyList<string> SplitFunctions(string functions) =>
        functions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
