using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.Practices;

public sealed record PracticeFieldsView(PracticeRequest Input, IReadOnlyList<(long Id, string Label)> Actions, IReadOnlyList<(string Code, string Name)> Zones);

/// <summary>The choices of the practice form: the zones and the actions of the published plans.</summary>
public static class PracticeForm
{
    public static async Task<(IReadOnlyList<(long, string)> Actions, IReadOnlyList<(string, string)> Zones)> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        var plans = db.Reads<IPlanQueries>();
        var actions = (await (from a in plans.Actions.AsNoTracking() join p in plans.Plans on a.PlanId equals p.Id where !p.IsDraft
                              orderby p.Name, a.Code select new { a.Id, a.Code, a.Title }).Take(500).ToListAsync(ct)).Select(a => (a.Id, $"{a.Code} {a.Title}")).ToList();
        var zones = (await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new { z.Code, z.Name }).ToListAsync(ct))
            .Select(z => (z.Code, z.Name)).ToList();
        return (actions, zones);
    }
}
