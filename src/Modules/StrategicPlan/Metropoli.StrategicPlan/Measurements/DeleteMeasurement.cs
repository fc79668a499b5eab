using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>Withdrawing or deleting a measurement that never counted. Whoever submitted a value may withdraw
/// it while it still waits for validation; the plan office may delete a waiting or rejected one. A validated
/// value (or a superseded one, which counted before) is never deleted: it is corrected by a new value for
/// the same period that supersedes it. Audited like every removal; the evidence file stays on disk. See ADR 0014.</summary>
public static class DeleteMeasurement
{
    public const string CountedValue = "Un valore validato non si elimina: si corregge inviando un nuovo valore per lo stesso periodo, che una volta validato lo sostituisce.";
    public const string ForbiddenDetail = "Ritira un valore solo chi lo ha inviato; l'ufficio di piano elimina i valori non validati.";
    public const string OnlyWaiting = "Chi ha inviato un valore può ritirarlo solo finché è in attesa di validazione.";

    /// <summary>Who may remove the value: the plan office, or its submitter (withdrawal).</summary>
    public static bool MayRemove(ClaimsPrincipal user, Measurement m) =>
        PlanAccess.CanManage(user) || (m.SubmittedBy.Length > 0 && m.SubmittedBy == (CurrentUser.Of(user).Id ?? ""));

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion, CancellationToken ct)
    {
        var m = await db.Set<Measurement>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var target = m is null ? null : await SubmitMeasurement.TargetAsync(db, user, m.IndicatorId, ct);
        if (m is null || target is null) return new Outcome.NotFound();
        if (!MayRemove(user, m)) return new Outcome.Forbidden();
        if (target.PlanStatus == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        if (m.Status is MeasurementStatuses.Validated or MeasurementStatuses.Superseded) return new Outcome.Refused(CountedValue);
        if (!PlanAccess.CanManage(user) && m.Status != MeasurementStatuses.Submitted) return new Outcome.Refused(OnlyWaiting);
        if (db.CheckVersion(m, expectedVersion) is { } conflict) return conflict;
        db.Remove(m);
        return await VersionedSave.SaveAsync(db, m, ct);
    }
}
