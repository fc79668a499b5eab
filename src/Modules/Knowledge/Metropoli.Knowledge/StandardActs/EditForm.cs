using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.StandardActs;

/// <summary>The choices of the standard act form: the objectives of the published plans.</summary>
public static class EditForm
{
    public static async Task<IReadOnlyList<(long Id, string Label)>> ObjectivesAsync(AppDbContext db, CancellationToken ct)
    {
        var plans = db.Reads<IPlanQueries>();
        var rows = await (from o in plans.Objectives.AsNoTracking() join p in plans.Plans on o.PlanId equals p.Id where !p.IsDraft
                          orderby p.Name, o.Code select new { o.Id, o.Code, o.Title, Plan = p.Name }).Take(500).ToListAsync(ct);
        return rows.Select(o => (o.Id, $"{o.Plan} – {o.Code} {o.Title}")).ToList();
    }
}
