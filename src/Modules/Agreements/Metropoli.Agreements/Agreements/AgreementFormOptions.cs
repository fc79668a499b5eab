using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Agreements;

/// <summary>The choices of the agreement form: themes, zones, Comuni, and the objectives and actions of the plans the user can see.</summary>
public sealed record AgreementFormOptions(IReadOnlyList<CodeName> Themes, IReadOnlyList<CodeName> Zones, IReadOnlyList<CodeName> Comuni,
    IReadOnlyList<PlanLink> Objectives, IReadOnlyList<PlanLink> Actions)
{
    public static async Task<AgreementFormOptions> LoadAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var seeDrafts = db.Reads<IPlanQueries>().SeesDrafts(user);
        var plans = db.Reads<IPlanQueries>().Plans.Where(p => seeDrafts || !p.IsDraft).Select(p => p.Id);
        return new AgreementFormOptions(
            await db.Set<AgreementTheme>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new CodeName(t.Code, t.Name)).ToListAsync(ct),
            await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new CodeName(z.Code, z.Name)).ToListAsync(ct),
            await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(m => m.Name).Select(m => new CodeName(m.IstatCode, m.Name)).ToListAsync(ct),
            await db.Reads<IPlanQueries>().Objectives.AsNoTracking().Where(o => plans.Contains(o.PlanId)).OrderByDescending(o => o.PlanId).ThenBy(o => o.Code)
                .Select(o => new PlanLink(o.Id, o.PlanId, o.Code, o.Title)).ToListAsync(ct),
            await db.Reads<IPlanQueries>().Actions.AsNoTracking().Where(a => plans.Contains(a.PlanId)).OrderByDescending(a => a.PlanId).ThenBy(a => a.Code)
                .Select(a => new PlanLink(a.Id, a.PlanId, a.Code, a.Title)).ToListAsync(ct));
    }
}
