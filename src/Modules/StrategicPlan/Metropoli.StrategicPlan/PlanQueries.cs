using System.Security.Claims;
using Metropoli.Platform.Data;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.StrategicPlan;

/// <summary>The plan module's side of <see cref="IPlanQueries"/>: projections of its entities.</summary>
internal sealed class PlanQueries(AppDbContext db) : IPlanQueries
{
    public IQueryable<PlanRef> Plans => db.Set<Plan>().Select(p => new PlanRef
    {
        Id = p.Id, Name = p.Name, IsDraft = p.Status == PlanStatuses.Draft,
    });

    public IQueryable<ObjectiveRef> Objectives => db.Set<PlanObjective>().Select(o => new ObjectiveRef
    {
        Id = o.Id, PlanId = o.PlanId, Code = o.Code, Title = o.Title,
    });

    public IQueryable<ActionRef> Actions => db.Set<PlanAction>().Select(a => new ActionRef
    {
        Id = a.Id, PlanId = a.PlanId, Code = a.Code, Title = a.Title,
    });

    public IQueryable<ActionPlaceRef> ActionMunicipalities => db.Set<PlanActionMunicipality>().Select(m => new ActionPlaceRef
    {
        ActionId = m.ActionId, Code = m.IstatCode,
    });

    public IQueryable<ActionPlaceRef> ActionZones => db.Set<PlanActionZone>().Select(z => new ActionPlaceRef
    {
        ActionId = z.ActionId, Code = z.ZoneCode,
    });

    public bool SeesDrafts(ClaimsPrincipal user) => PlanAccess.CanSeeDrafts(user);
}
