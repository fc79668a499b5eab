using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Actions;

public sealed record CodeName(string Code, string Name);

public sealed record IdName(long Id, string Name);

public sealed record TagRef(string Code, string Kind, string Name);

/// <summary>An action of another plan linked to this one (its predecessor, or its continuations).</summary>
public sealed record LinkedAction(long Id, long PlanId, string PlanName, string Code, string Title);

public sealed record ActionDetail(long Id, long PlanId, string PlanName, string PlanStatus, long AreaId, string AreaCode, string AreaTitle,
    long ObjectiveId, string ObjectiveCode, string ObjectiveTitle, string Code, string Title, string? Description, int SortOrder,
    string OwnerSector, IdName? LeadOrganisation, IReadOnlyList<IdName> Partners, DateOnly? StartDate, DateOnly? EndDate, decimal? Budget,
    string Status, int Progress, string? Narrative, CodeName? DupMission, CodeName? DupProgramme, string? DupObjectiveCode,
    IReadOnlyList<CodeName> Municipalities, IReadOnlyList<CodeName> Zones, IReadOnlyList<TagRef> Tags,
    LinkedAction? PreviousAction, IReadOnlyList<LinkedAction> CarriedOverTo, DateTimeOffset UpdatedAt, int Version)
{
    /// <summary>The same values as a request, for an edit form or a PUT that changes a few of them.</summary>
    public ActionRequest ToRequest() => new()
    {
        ObjectiveId = ObjectiveId, Code = Code, Title = Title, Description = Description, SortOrder = SortOrder, OwnerSector = OwnerSector,
        LeadOrganisationId = LeadOrganisation?.Id, PartnerOrganisationIds = Partners.Select(p => p.Id).ToList(),
        StartDate = StartDate, EndDate = EndDate, Budget = Budget, Status = Status, Progress = Progress, Narrative = Narrative,
        DupMission = DupMission?.Code, DupProgramme = DupProgramme?.Code, DupObjectiveCode = DupObjectiveCode,
        Municipalities = Municipalities.Select(m => m.Code).ToList(), Zones = Zones.Select(z => z.Code).ToList(), Tags = Tags.Select(t => t.Code).ToList(),
    };
}

public static class GetAction
{
    /// <summary>The action, or null when it does not exist or belongs to a draft the user may not see.</summary>
    public static async Task<ActionDetail?> HandleAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var r = await (from x in db.Set<PlanAction>().AsNoTracking()
                       join p in db.Set<Plan>().Visible(user) on x.PlanId equals p.Id
                       join o in db.Set<PlanObjective>() on x.ObjectiveId equals o.Id
                       join ar in db.Set<PlanArea>() on o.AreaId equals ar.Id
                       where x.Id == id
                       select new { Action = x, PlanName = p.Name, PlanStatus = p.Status, Area = ar, Objective = o }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var a = r.Action;
        var lead = a.LeadOrganisationId is { } leadId
            ? await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().Where(o => o.Id == leadId).Select(o => new IdName(o.Id, o.Name)).SingleOrDefaultAsync(ct)
            : null;
        var partners = await (from x in db.Set<PlanActionPartner>().AsNoTracking()
                              join o in db.Reads<ITerritoryQueries>().Organisations on x.OrganisationId equals o.Id
                              where x.ActionId == id
                              orderby o.Name
                              select new IdName(o.Id, o.Name)).ToListAsync(ct);
        var municipalities = await (from x in db.Set<PlanActionMunicipality>().AsNoTracking()
                                    join m in db.Reads<ITerritoryQueries>().Comuni on x.IstatCode equals m.IstatCode
                                    where x.ActionId == id
                                    orderby m.Name
                                    select new CodeName(m.IstatCode, m.Name)).ToListAsync(ct);
        var zones = await (from x in db.Set<PlanActionZone>().AsNoTracking()
                           join z in db.Reads<ITerritoryQueries>().Zones on x.ZoneCode equals z.Code
                           where x.ActionId == id
                           orderby z.SortOrder
                           select new CodeName(z.Code, z.Name)).ToListAsync(ct);
        var tags = await (from x in db.Set<PlanActionTag>().AsNoTracking()
                          join t in db.Set<PlanTag>() on x.TagCode equals t.Code
                          where x.ActionId == id
                          orderby t.SortOrder
                          select new TagRef(t.Code, t.Kind, t.Name)).ToListAsync(ct);
        var mission = a.DupMissionCode is { } mc
            ? await db.Set<DupMission>().AsNoTracking().Where(m => m.Code == mc).Select(m => new CodeName(m.Code, m.Name)).SingleOrDefaultAsync(ct)
            : null;
        var programme = a.DupProgrammeCode is { } pc
            ? await db.Set<DupProgramme>().AsNoTracking().Where(p => p.Code == pc).Select(p => new CodeName(p.Code, p.Name)).SingleOrDefaultAsync(ct)
            : null;
        var previous = a.PreviousActionId is { } prevId ? (await LinkedAsync(db, user, x => x.Id == prevId, ct)).SingleOrDefault() : null;
        var next = await LinkedAsync(db, user, x => x.PreviousActionId == id, ct);
        return new ActionDetail(a.Id, a.PlanId, r.PlanName, r.PlanStatus, r.Area.Id, r.Area.Code, r.Area.Title,
            r.Objective.Id, r.Objective.Code, r.Objective.Title, a.Code, a.Title, a.Description, a.SortOrder,
            a.OwnerSector, lead, partners, a.StartDate, a.EndDate, a.Budget, a.Status, a.Progress, a.Narrative, mission, programme, a.DupObjectiveCode,
            municipalities, zones, tags, previous, next, new DateTimeOffset(a.UpdatedAt, TimeSpan.Zero), a.Version);
    }

    private static Task<List<LinkedAction>> LinkedAsync(AppDbContext db, ClaimsPrincipal user,
        System.Linq.Expressions.Expression<Func<PlanAction, bool>> which, CancellationToken ct) =>
        (from x in db.Set<PlanAction>().AsNoTracking().Where(which)
         join p in db.Set<Plan>().Visible(user) on x.PlanId equals p.Id
         orderby p.StartYear
         select new LinkedAction(x.Id, p.Id, p.Name, x.Code, x.Title)).ToListAsync(ct);
}
