using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>Deleting an indicator (plan office). While the plan is a draft or adopted, the indicator goes
/// with its targets and every measurement (each removal audited, evidence files stay on disk because the
/// trail names them). Once the plan is approved, an indicator with validated values is part of the
/// approved plan's public figures and is refused (409 with the reason); one without validated values may
/// still go. Nothing in an archived plan changes. See ADR 0014.</summary>
public static class DeleteIndicator
{
    public const string ApprovedWithValues = "Il piano è approvato e l'indicatore ha valori validati, che sono dati pubblici del piano: non si può eliminare. Correggi la definizione dell'indicatore oppure sostituisci i valori con nuove misurazioni.";

    /// <summary>What the confirmation page tells before deleting.</summary>
    public sealed record Impact(int Targets, int Measurements, int Validated);

    public static async Task<Impact> ImpactAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var statuses = await db.Set<Measurement>().AsNoTracking().Where(m => m.IndicatorId == id).Select(m => m.Status).ToListAsync(ct);
        var targets = await db.Set<IndicatorTarget>().CountAsync(t => t.IndicatorId == id, ct);
        return new Impact(targets, statuses.Count, statuses.Count(IsValidated));
    }

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion, CancellationToken ct)
    {
        var indicator = await db.Set<Indicator>().SingleOrDefaultAsync(i => i.Id == id, ct);
        var status = indicator is null ? null : await Structure.StructureRules.PlanStatusAsync(db, user, indicator.PlanId, ct);
        if (indicator is null || status is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (status == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        if (db.CheckVersion(indicator, expectedVersion) is { } conflict) return conflict;
        var measurements = await db.Set<Measurement>().Where(m => m.IndicatorId == id).ToListAsync(ct);
        if (status == PlanStatuses.Approved && measurements.Any(m => IsValidated(m.Status))) return new Outcome.Refused(ApprovedWithValues);
        // Removed one by one, not by the database's cascade, so that the audit trail records each of them.
        db.RemoveRange(measurements);
        db.RemoveRange(await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == id).ToListAsync(ct));
        db.Remove(indicator);
        return await VersionedSave.SaveAsync(db, indicator, ct);
    }

    /// <summary>Validated now, or validated once and then superseded: values that counted.</summary>
    private static bool IsValidated(string status) => status is MeasurementStatuses.Validated or MeasurementStatuses.Superseded;
}
