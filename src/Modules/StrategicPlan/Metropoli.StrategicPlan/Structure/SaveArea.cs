using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Structure;

public sealed record AreaRequest
{
    [Display(Name = "Codice")]
    public string? Code { get; init; }
    [Display(Name = "Titolo")]
    public string? Title { get; init; }
    [Display(Name = "Descrizione")]
    public string? Description { get; init; }
    [Display(Name = "Tipo")]
    public string? Kind { get; init; }
    [Display(Name = "Ordine")]
    public int? SortOrder { get; init; }
}

public sealed record AreaDetail(long Id, long PlanId, string PlanName, string PlanStatus, string Code, string Title, string? Description,
    string Kind, int SortOrder, DateTimeOffset UpdatedAt, int Version);

/// <summary>Areas of a plan: create, edit, delete (plan office and administrators).</summary>
public static class SaveArea
{
    public static async Task<AreaDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var r = await (from a in db.Set<PlanArea>().AsNoTracking()
                       join p in db.Set<Plan>().Visible(user) on a.PlanId equals p.Id
                       where a.Id == id
                       select new { a, p.Name, p.Status }).SingleOrDefaultAsync(ct);
        return r is null ? null : new AreaDetail(r.a.Id, r.a.PlanId, r.Name, r.Status, r.a.Code, r.a.Title, r.a.Description, r.a.Kind,
            r.a.SortOrder, new DateTimeOffset(r.a.UpdatedAt, TimeSpan.Zero), r.a.Version);
    }

    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, long planId, AreaRequest r, long? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = StructureRules.NormalizeCode(r.Code);
        StructureRules.CheckCode(code, errors);
        if (!errors.ContainsKey("code") && await db.Set<PlanArea>().AnyAsync(a => a.PlanId == planId && a.Code == code && a.Id != (id ?? 0), ct))
            errors["code"] = ["Nel piano esiste già un'area con questo codice."];
        StructureRules.CheckTitle(r.Title, errors);
        StructureRules.CheckText(r.Description, errors, "description");
        if (!AreaKinds.IsKnown(r.Kind)) errors["kind"] = ["Scegli il tipo: driver (driver di sviluppo) o area (area di policy)."];
        StructureRules.CheckSortOrder(r.SortOrder, errors);
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, AreaRequest r, CancellationToken ct)
    {
        var status = await StructureRules.PlanStatusAsync(db, user, planId, ct);
        if (status is null) return (new Outcome.NotFound(), 0);
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        if (status == PlanStatuses.Archived) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        var errors = await ValidateAsync(db, planId, r, null, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var sortOrder = r.SortOrder ?? (await db.Set<PlanArea>().Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        var area = new PlanArea { PlanId = planId, SortOrder = sortOrder };
        Apply(area, r, clock);
        db.Add(area);
        // A parallel request that took the code first: the same answer as if it had come after (unique index).
        if (!await db.TrySaveAsync(ct)) return (new Outcome.Invalid(new() { ["code"] = ["Nel piano esiste già un'area con questo codice."] }), 0);
        return (new Outcome.Done(area.Version), area.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, AreaRequest r, CancellationToken ct)
    {
        var area = await db.Set<PlanArea>().SingleOrDefaultAsync(a => a.Id == id, ct);
        var refused = await StructureRules.GuardAsync(db, user, area?.PlanId, delete: false, ct);
        if (area is null || refused is not null) return refused ?? new Outcome.NotFound();
        var errors = await ValidateAsync(db, area.PlanId, r, id, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(area, expectedVersion) is { } conflict) return conflict;
        Apply(area, r, clock);
        if (r.SortOrder is { } order) area.SortOrder = order;
        return await SaveAsync(db, area, ct);
    }

    public static async Task<Outcome> DeleteAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion, CancellationToken ct)
    {
        var area = await db.Set<PlanArea>().SingleOrDefaultAsync(a => a.Id == id, ct);
        var refused = await StructureRules.GuardAsync(db, user, area?.PlanId, delete: true, ct);
        if (area is null || refused is not null) return refused ?? new Outcome.NotFound();
        if (db.CheckVersion(area, expectedVersion) is { } conflict) return conflict;
        if (await db.Set<PlanObjective>().AnyAsync(o => o.AreaId == id, ct))
            return new Outcome.Refused("L'area contiene obiettivi: elimina o sposta prima gli obiettivi.");
        db.Remove(area);
        return await SaveAsync(db, area, ct);
    }

    private static void Apply(PlanArea area, AreaRequest r, TimeProvider clock)
    {
        area.Code = StructureRules.NormalizeCode(r.Code)!;
        area.Title = r.Title!.Trim();
        area.Description = StructureRules.Blank(r.Description);
        area.Kind = r.Kind!;
        area.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static Task<Outcome> SaveAsync(AppDbContext db, PlanArea area, CancellationToken ct) =>
        StructureRules.SaveAsync(db, area, "Nel piano esiste già un'area con questo codice.", ct);
}
