using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>What the plan office sets on a plan. Status and acts change only through a transition.</summary>
public sealed record PlanRequest
{
    [Display(Name = "Nome")]
    public string? Name { get; init; }
    [Display(Name = "Anno di inizio")]
    public int? StartYear { get; init; }
    [Display(Name = "Anno di fine")]
    public int? EndYear { get; init; }
    [Display(Name = "Descrizione")]
    public string? Description { get; init; }
    [Display(Name = "Piano precedente")]
    public long? PreviousPlanId { get; init; }
}

/// <summary>Creates and edits plans (plan office and administrators). An archived plan is read-only.</summary>
public static class SavePlan
{
    public const string ArchivedReason = "Il piano è archiviato: non si può più modificare.";

    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, PlanRequest r, long? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["name"] = ["Indica il nome del piano."];
        else if (name.Length > 300) errors["name"] = ["Il nome non può superare 300 caratteri."];
        else if (await db.Set<Plan>().AnyAsync(p => p.Name.ToLower() == name.ToLower() && p.Id != (id ?? 0), ct))
            errors["name"] = ["Esiste già un piano con questo nome."];
        if (r.StartYear is not { } start || start < 2000 || start > 2100) errors["startYear"] = ["Indica l'anno di inizio (tra 2000 e 2100)."];
        if (r.EndYear is not { } end || end < 2000 || end > 2100) errors["endYear"] = ["Indica l'anno di fine (tra 2000 e 2100)."];
        else if (r.StartYear is { } s && (end < s || end > s + 10)) errors["endYear"] = ["L'anno di fine deve seguire l'anno di inizio, al più di dieci anni."];
        if (r.Description is { Length: > 4000 }) errors["description"] = ["La descrizione non può superare 4000 caratteri."];
        if (r.PreviousPlanId is { } prev && (prev == id || !await db.Set<Plan>().AnyAsync(p => p.Id == prev, ct)))
            errors["previousPlanId"] = ["Il piano precedente indicato non esiste."];
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, PlanRequest r, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        var errors = await ValidateAsync(db, r, null, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var plan = new Plan { Status = PlanStatuses.Draft };
        Apply(plan, r, clock);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(plan.Version), plan.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, PlanRequest r, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().Visible(user).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (plan.Status == PlanStatuses.Archived) return new Outcome.Refused(ArchivedReason);
        var errors = await ValidateAsync(db, r, id, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(plan, expectedVersion) is { } conflict) return conflict;
        Apply(plan, r, clock);
        return await VersionedSave.SaveAsync(db, plan, ct);
    }

    private static void Apply(Plan plan, PlanRequest r, TimeProvider clock)
    {
        plan.Name = r.Name!.Trim();
        plan.StartYear = r.StartYear!.Value;
        plan.EndYear = r.EndYear!.Value;
        plan.Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim();
        plan.PreviousPlanId = r.PreviousPlanId;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

}
