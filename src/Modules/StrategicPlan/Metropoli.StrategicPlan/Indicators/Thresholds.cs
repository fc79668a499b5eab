using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

public sealed record ThresholdsRequest
{
    [System.ComponentModel.DataAnnotations.Display(Name = "In linea da (%)")]
    public int? OnTrack { get; init; }
    [System.ComponentModel.DataAnnotations.Display(Name = "A rischio da (%)")]
    public int? AtRisk { get; init; }
}

/// <summary>Version 0 means the plan still uses the defaults (no row yet).</summary>
public sealed record ThresholdsResponse(long PlanId, int OnTrack, int AtRisk, int Version);

/// <summary>The plan office's thresholds for the indicators' status, per plan.</summary>
public static class Thresholds
{
    public static async Task<ThresholdsResponse?> GetAsync(AppDbContext db, ClaimsPrincipal user, long planId, CancellationToken ct)
    {
        if (await Structure.StructureRules.PlanStatusAsync(db, user, planId, ct) is null) return null;
        var row = await db.Set<IndicatorThresholds>().AsNoTracking().SingleOrDefaultAsync(t => t.PlanId == planId, ct);
        return row is null
            ? new ThresholdsResponse(planId, Achievement.DefaultOnTrack, Achievement.DefaultAtRisk, 0)
            : new ThresholdsResponse(planId, row.OnTrack, row.AtRisk, row.Version);
    }

    public static async Task<Outcome> SaveAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, int? expectedVersion, ThresholdsRequest r, CancellationToken ct)
    {
        var status = await Structure.StructureRules.PlanStatusAsync(db, user, planId, ct);
        if (status is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (status == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        var errors = new Dictionary<string, string[]>();
        if (r.OnTrack is not (>= 1 and <= 100)) errors["onTrack"] = ["La soglia «in linea» deve essere tra 1 e 100."];
        if (r.AtRisk is not (>= 0 and <= 100)) errors["atRisk"] = ["La soglia «a rischio» deve essere tra 0 e 100."];
        else if (r.OnTrack is { } on && r.AtRisk > on) errors["atRisk"] = ["La soglia «a rischio» non può superare quella «in linea»."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var row = await db.Set<IndicatorThresholds>().SingleOrDefaultAsync(t => t.PlanId == planId, ct);
        if (expectedVersion != (row?.Version ?? 0)) return new Outcome.Conflict(row?.Version ?? 0);
        if (row is null)
        {
            row = new IndicatorThresholds { PlanId = planId };
            db.Add(row);
        }
        else
        {
            db.ExpectVersion(row, expectedVersion!.Value);
        }
        row.OnTrack = r.OnTrack!.Value;
        row.AtRisk = r.AtRisk!.Value;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent first save (same key) or a concurrent edit (version).
            db.ChangeTracker.Clear();
            var now = await db.Set<IndicatorThresholds>().AsNoTracking().Where(t => t.PlanId == planId).Select(t => (int?)t.Version).SingleOrDefaultAsync(ct);
            return new Outcome.Conflict(now ?? 0);
        }
        return new Outcome.Done(row.Version);
    }
}
