using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

public sealed record RejectionRequest
{
    /// <summary>Why the value is rejected; the submitter reads it to correct the value.</summary>
    public string? Reason { get; init; }
}

/// <summary>The plan office validates or rejects a submitted value. Validating a period that already has a
/// validated value supersedes the earlier one, which stays (status superseded) as history: one validated
/// value per indicator and period counts.</summary>
public static class ReviewMeasurement
{
    public const string NotPending = "Si validano o respingono solo i valori in attesa di validazione.";

    /// <summary>Four eyes (issue 18, point 19): the person who submitted or imported a value never validates it.</summary>
    public const string OwnSubmission = "Non puoi validare un valore che hai inviato tu: serve la verifica di un'altra persona dell'ufficio di piano (principio dei quattro occhi).";

    public static async Task<Outcome> ValidateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, CancellationToken ct)
    {
        var (m, refusal) = await LoadAsync(db, user, id, expectedVersion, ct);
        if (refusal is not null) return refusal;
        if (m!.SubmittedBy == CurrentUser.Of(user).Id) return new Outcome.Refused(OwnSubmission);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var earlier in await db.Set<Measurement>()
                     .Where(x => x.IndicatorId == m!.IndicatorId && x.Period == m.Period && x.Status == MeasurementStatuses.Validated && x.Id != id).ToListAsync(ct))
        {
            earlier.Status = MeasurementStatuses.Superseded;
            earlier.UpdatedAt = now;
        }
        m!.Status = MeasurementStatuses.Validated;
        m.ReviewedBy = (CurrentUser.Of(user).Id ?? "");
        m.ReviewedAt = now;
        m.RejectionReason = null;
        m.UpdatedAt = now;
        await PlanNotifications.ReviewedAsync(db, m, ct);
        var outcome = await VersionedSave.SaveAsync(db, m, ct);
        if (outcome is Outcome.Done) await tx.CommitAsync(ct);
        return outcome;
    }

    public static async Task<Outcome> RejectAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, RejectionRequest r, CancellationToken ct)
    {
        var reason = Structure.StructureRules.Blank(r.Reason);
        var (m, refusal) = await LoadAsync(db, user, id, expectedVersion, ct, reason is null || reason.Length > 2000
            ? new() { ["reason"] = [reason is null ? "Indica il motivo del rifiuto: chi ha inviato il valore lo legge per correggerlo." : "Il motivo non può superare 2000 caratteri."] }
            : null);
        if (refusal is not null) return refusal;
        var now = clock.GetUtcNow().UtcDateTime;
        m!.Status = MeasurementStatuses.Rejected;
        m.ReviewedBy = (CurrentUser.Of(user).Id ?? "");
        m.ReviewedAt = now;
        m.RejectionReason = reason;
        m.UpdatedAt = now;
        await PlanNotifications.ReviewedAsync(db, m, ct);
        return await VersionedSave.SaveAsync(db, m, ct);
    }

    private static async Task<(Measurement? Measurement, Outcome? Refusal)> LoadAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion,
        CancellationToken ct, Dictionary<string, string[]>? errors = null)
    {
        var m = await db.Set<Measurement>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var target = m is null ? null : await SubmitMeasurement.TargetAsync(db, user, m.IndicatorId, ct);
        if (m is null || target is null) return (null, new Outcome.NotFound());
        if (!PlanAccess.CanManage(user)) return (null, new Outcome.Forbidden());
        if (target.PlanStatus == PlanStatuses.Archived) return (null, new Outcome.Refused(SavePlan.ArchivedReason));
        if (m.Status != MeasurementStatuses.Submitted) return (null, new Outcome.Refused(NotPending));
        if (errors is not null) return (null, new Outcome.Invalid(errors));
        if (db.CheckVersion(m, expectedVersion) is { } conflict) return (null, conflict);
        return (m, null);
    }
}
