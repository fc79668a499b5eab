using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

public sealed record ObjectiveRequest
{
    /// <summary>The area it belongs to; an objective may move between the areas of its plan.</summary>
    [Display(Name = "Area")]
    public long? AreaId { get; init; }
    [Display(Name = "Codice")]
    public string? Code { get; init; }
    [Display(Name = "Titolo")]
    public string? Title { get; init; }
    [Display(Name = "Descrizione")]
    public string? Description { get; init; }
    [Display(Name = "Ordine")]
    public int? SortOrder { get; init; }
}

public sealed record ObjectiveDetail(long Id, long PlanId, string PlanName, string PlanStatus, long AreaId, string AreaCode, string AreaTitle,
    string Code, string Title, string? Description, int SortOrder, IReadOnlyList<ObjectiveAction> Actions, DateTimeOffset UpdatedAt, int Version);

public sealed record ObjectiveAction(long Id, string Code, string Title, string OwnerSector, string Status, int Progress);

/// <summary>Objectives of a plan: create, edit, delete (plan office and administrators).</summary>
public static class SaveObjective
{
    public static async Task<ObjectiveDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var r = await (from o in db.Set<PlanObjective>().AsNoTracking()
                       join a in db.Set<PlanArea>() on o.AreaId equals a.Id
                       join p in db.Set<Plan>().Visible(user) on o.PlanId equals p.Id
                       where o.Id == id
                       select new { o, AreaCode = a.Code, AreaTitle = a.Title, p.Name, p.Status }).SingleOrDefaultAsync(ct);
        if (r is null) return null;
        var actions = await db.Set<PlanAction>().AsNoTracking().Where(a => a.ObjectiveId == id).OrderBy(a => a.SortOrder).ThenBy(a => a.Code)
            .Select(a => new ObjectiveAction(a.Id, a.Code, a.Title, a.OwnerSector, a.Status, a.Progress)).ToListAsync(ct);
        return new ObjectiveDetail(r.o.Id, r.o.PlanId, r.Name, r.Status, r.o.AreaId, r.AreaCode, r.AreaTitle, r.o.Code, r.o.Title, r.o.Description,
            r.o.SortOrder, actions, new DateTimeOffset(r.o.UpdatedAt, TimeSpan.Zero), r.o.Version);
    }

    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, long planId, ObjectiveRequest r, long? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.AreaId is not { } areaId || !await db.Set<PlanArea>().AnyAsync(a => a.Id == areaId && a.PlanId == planId, ct))
            errors["areaId"] = ["Scegli un'area dello stesso piano."];
        var code = StructureRules.NormalizeCode(r.Code);
        StructureRules.CheckCode(code, errors);
        if (!errors.ContainsKey("code") && await db.Set<PlanObjective>().AnyAsync(o => o.PlanId == planId && o.Code == code && o.Id != (id ?? 0), ct))
            errors["code"] = ["Nel piano esiste già un obiettivo con questo codice."];
        StructureRules.CheckTitle(r.Title, errors);
        StructureRules.CheckText(r.Description, errors, "description");
        StructureRules.CheckSortOrder(r.SortOrder, errors);
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ObjectiveRequest r, CancellationToken ct)
    {
        var planId = r.AreaId is { } areaId ? await db.Set<PlanArea>().Where(a => a.Id == areaId).Select(a => (long?)a.PlanId).SingleOrDefaultAsync(ct) : null;
        var status = planId is { } pid ? await StructureRules.PlanStatusAsync(db, user, pid, ct) : null;
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        if (planId is null || status is null) return (new Outcome.Invalid(new() { ["areaId"] = ["Scegli un'area esistente."] }), 0);
        if (status == PlanStatuses.Archived) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        var errors = await ValidateAsync(db, planId.Value, r, null, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var sortOrder = r.SortOrder ?? (await db.Set<PlanObjective>().Where(o => o.AreaId == r.AreaId).MaxAsync(o => (int?)o.SortOrder, ct) ?? 0) + 1;
        var objective = new PlanObjective { PlanId = planId.Value, SortOrder = sortOrder };
        Apply(objective, r, clock);
        db.Add(objective);
        // A parallel request that took the code first: the same answer as if it had come after (unique index).
        if (!await db.TrySaveAsync(ct)) return (new Outcome.Invalid(new() { ["code"] = ["Nel piano esiste già un obiettivo con questo codice."] }), 0);
        return (new Outcome.Done(objective.Version), objective.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, ObjectiveRequest r, CancellationToken ct)
    {
        var objective = await db.Set<PlanObjective>().SingleOrDefaultAsync(o => o.Id == id, ct);
        var refused = await StructureRules.GuardAsync(db, user, objective?.PlanId, delete: false, ct);
        if (objective is null || refused is not null) return refused ?? new Outcome.NotFound();
        var errors = await ValidateAsync(db, objective.PlanId, r, id, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(objective, expectedVersion) is { } conflict) return conflict;
        Apply(objective, r, clock);
        if (r.SortOrder is { } order) objective.SortOrder = order;
        return await SaveAsync(db, objective, ct);
    }

    public static async Task<Outcome> DeleteAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion, CancellationToken ct)
    {
        var objective = await db.Set<PlanObjective>().SingleOrDefaultAsync(o => o.Id == id, ct);
        var refused = await StructureRules.GuardAsync(db, user, objective?.PlanId, delete: true, ct);
        if (objective is null || refused is not null) return refused ?? new Outcome.NotFound();
        if (db.CheckVersion(objective, expectedVersion) is { } conflict) return conflict;
        if (await db.Set<PlanAction>().AnyAsync(a => a.ObjectiveId == id, ct))
            return new Outcome.Refused("L'obiettivo contiene azioni: elimina o sposta prima le azioni.");
        db.Remove(objective);
        return await SaveAsync(db, objective, ct);
    }

    private static void Apply(PlanObjective objective, ObjectiveRequest r, TimeProvider clock)
    {
        objective.AreaId = r.AreaId!.Value;
        objective.Code = StructureRules.NormalizeCode(r.Code)!;
        objective.Title = r.Title!.Trim();
        objective.Description = StructureRules.Blank(r.Description);
        objective.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static Task<Outcome> SaveAsync(AppDbContext db, PlanObjective objective, CancellationToken ct) =>
        StructureRules.SaveAsync(db, objective, "Nel piano esiste già un obiettivo con questo codice.", ct);
}
