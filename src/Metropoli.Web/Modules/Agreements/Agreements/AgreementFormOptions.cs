using System.Security.Claims;
using Metropoli.Web.Modules.Agreements.Model;
using Metropoli.Web.Modules.StrategicPlan;
using Metropoli.Web.Modules.StrategicPlan.Model;
using Metropoli.Web.Modules.Territory.Model;
using Metropoli.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Web.Modules.Agreements.Agreements;

/// <summary>The choices of the agreement form: themes, zones, Comuni, and the objectives and actions of the plans the user can see.</summary>
public sealed record AgreementFormOptions(IReadOnlyList<CodeName> Themes, IReadOnlyList<CodeName> Zones, IReadOnlyList<CodeName> Comuni,
    IReadOnlyList<PlanLink> Objectives, IReadOnlyList<PlanLink> Actions)
{
    public static async Task<AgreementFormOptions> LoadAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var seeDrafts = PlanAccess.CanSeeDrafts(user);
        var plans = db.Set<Plan>().Where(p => seeDrafts || p.Status != PlanStatuses.Draft).Select(p => p.Id);
        return new AgreementFormOptions(
            await db.Set<AgreementTheme>().AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new CodeName(t.Code, t.Name)).ToListAsync(ct),
            await db.Set<Zone>().AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new CodeName(z.Code, z.Name)).ToListAsync(ct),
            await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.Name).Select(m => new CodeName(m.IstatCode, m.Name)).ToListAsync(ct),
            await db.Set<PlanObjective>().AsNoTracking().Where(o => plans.Contains(o.PlanId)).OrderByDescending(o => o.PlanId).ThenBy(o => o.Code)
                .Select(o => new PlanLink(o.Id, o.PlanId, o.Code, o.Title)).ToListAsync(ct),
            await db.Set<PlanAction>().AsNoTracking().Where(a => plans.Contains(a.PlanId)).OrderByDescending(a => a.PlanId).ThenBy(a => a.Code)
                .Select(a => new PlanLink(a.Id, a.PlanId, a.Code, a.Title)).ToListAsync(ct));
    }
}
