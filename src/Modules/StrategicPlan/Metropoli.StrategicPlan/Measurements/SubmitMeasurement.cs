using System.Security.Claims;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>A value for a period (API body of POST /indicators/{id}/measurements and PUT /measurements/{id}).</summary>
public sealed record MeasurementRequest
{
    /// <summary>2024, 2024-S1, 2024-Q3 or 2024-05, as the indicator's frequency requires.</summary>
    public string? Period { get; init; }
    public decimal? Value { get; init; }
    public string? Note { get; init; }
}

/// <summary>Submitting a value, and correcting it while it waits or after a rejection: the sector that
/// owns the indicator (or its action) and the plan office. Every submission waits for validation.</summary>
public static class SubmitMeasurement
{
    public const string Pending = "Per questo periodo c'è già un valore in attesa di validazione: correggi quello invece di inviarne un altro.";

    /// <summary>The indicator with what a submission needs to know about it, if the user may see it.</summary>
    internal sealed record Target(long Id, string Frequency, string OwnerSector, string? ActionSector, string PlanStatus);

    internal static async Task<Target?> TargetAsync(AppDbContext db, ClaimsPrincipal user, long indicatorId, CancellationToken ct) =>
        await (from i in db.Set<Indicator>().AsNoTracking()
               join p in db.Set<Plan>().Visible(user) on i.PlanId equals p.Id
               join a in db.Set<PlanAction>() on i.ActionId equals a.Id into actions
               from a in actions.DefaultIfEmpty()
               where i.Id == indicatorId
               select new Target(i.Id, i.Frequency, i.OwnerSector, a == null ? null : a.OwnerSector, p.Status)).SingleOrDefaultAsync(ct);

    public static Dictionary<string, string[]> Check(string frequency, MeasurementRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Period)) errors["period"] = [$"Indica il periodo, per esempio {IndicatorFrequencies.PeriodExample(frequency)}."];
        else if (Periods.End(frequency, r.Period) is null)
            errors["period"] = [$"Il periodo non corrisponde alla frequenza dell'indicatore ({IndicatorFrequencies.Label(frequency)}): scrivilo come {IndicatorFrequencies.PeriodExample(frequency)}."];
        if (r.Value is null) errors["value"] = ["Indica il valore misurato."];
        else if (Math.Abs(r.Value.Value) >= 100_000_000_000_000m) errors["value"] = ["Il valore è troppo grande."];
        if (r.Note is { Length: > 2000 }) errors["note"] = ["La nota non può superare 2000 caratteri."];
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long indicatorId, MeasurementRequest r, EvidenceUpload? evidence, CancellationToken ct)
    {
        var target = await TargetAsync(db, user, indicatorId, ct);
        if (target is null) return (new Outcome.NotFound(), 0);
        if (!IndicatorAccess.CanSubmit(user, target.OwnerSector, target.ActionSector)) return (new Outcome.Forbidden(), 0);
        if (target.PlanStatus == PlanStatuses.Archived) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        var errors = Check(target.Frequency, r);
        if (evidence is not null && Evidence.CheckShape(evidence) is { } shape) errors["evidence"] = [shape];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var period = Periods.Normalize(r.Period!);
        if (await db.Set<Measurement>().AnyAsync(m => m.IndicatorId == indicatorId && m.Period == period && m.Status == MeasurementStatuses.Submitted, ct))
            return (new Outcome.Refused(Pending), 0);

        var stored = (StoredEvidence?)null;
        if (evidence is not null)
        {
            (stored, var error) = await Evidence.SaveAsync(files, Evidence.Area, evidence, ct);
            if (error is not null) return (new Outcome.Invalid(new() { ["evidence"] = [error] }), 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var m = new Measurement
        {
            IndicatorId = indicatorId, Period = period, PeriodEnd = Periods.End(target.Frequency, period)!.Value, Value = r.Value!.Value,
            Note = Structure.StructureRules.Blank(r.Note), Status = MeasurementStatuses.Submitted, SubmittedBy = CurrentUser.Of(user).Id ?? "", SubmittedAt = now, UpdatedAt = now,
        };
        Attach(m, stored);
        db.Add(m);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.TrySaveAsync(ct))
        {
            // A parallel submission for the same period won (the partial unique index): its file stays, ours goes.
            if (stored is not null) await files.DeleteAsync(Evidence.Area, stored.StoredName, CancellationToken.None);
            return (new Outcome.Refused(Pending), 0);
        }
        await PlanNotifications.WaitingAsync(db, m, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(m.Version), m.Id);
    }

    /// <summary>Corrects a value that waits for validation or was rejected; it goes back to the plan office.</summary>
    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long id, int? expectedVersion, MeasurementRequest r, EvidenceUpload? evidence, CancellationToken ct)
    {
        var m = await db.Set<Measurement>().SingleOrDefaultAsync(x => x.Id == id, ct);
        var target = m is null ? null : await TargetAsync(db, user, m.IndicatorId, ct);
        if (m is null || target is null) return new Outcome.NotFound();
        if (!IndicatorAccess.CanSubmit(user, target.OwnerSector, target.ActionSector)) return new Outcome.Forbidden();
        if (target.PlanStatus == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        if (m.Status is not (MeasurementStatuses.Submitted or MeasurementStatuses.Rejected))
            return new Outcome.Refused("Si correggono solo i valori in attesa di validazione o respinti: un valore validato si sostituisce inviandone uno nuovo per lo stesso periodo.");
        var errors = Check(target.Frequency, r);
        if (evidence is not null && Evidence.CheckShape(evidence) is { } shape) errors["evidence"] = [shape];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(m, expectedVersion) is { } conflict) return conflict;
        var period = Periods.Normalize(r.Period!);
        if (await db.Set<Measurement>().AnyAsync(x => x.Id != id && x.IndicatorId == m.IndicatorId && x.Period == period && x.Status == MeasurementStatuses.Submitted, ct))
            return new Outcome.Refused(Pending);
        if (evidence is not null)
        {
            var (stored, error) = await Evidence.SaveAsync(files, Evidence.Area, evidence, ct);
            if (error is not null) return new Outcome.Invalid(new() { ["evidence"] = [error] });
            // The earlier file stays on disk: the audit trail still names it, and it may be asked for.
            Attach(m, stored);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        m.Period = period;
        m.PeriodEnd = Periods.End(target.Frequency, period)!.Value;
        m.Value = r.Value!.Value;
        m.Note = Structure.StructureRules.Blank(r.Note);
        m.Status = MeasurementStatuses.Submitted;
        m.SubmittedBy = CurrentUser.Of(user).Id ?? "";
        m.SubmittedAt = now;
        m.ReviewedBy = null;
        m.ReviewedAt = null;
        m.RejectionReason = null;
        m.UpdatedAt = now;
        try
        {
            await PlanNotifications.WaitingAsync(db, m, ct);
            return await VersionedSave.SaveAsync(db, m, ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear(); // a parallel submission for that period is now the one waiting
            return new Outcome.Refused(Pending);
        }
    }

    private static void Attach(Measurement m, StoredEvidence? stored)
    {
        if (stored is null) return;
        m.EvidenceName = stored.Name;
        m.EvidenceStoredName = stored.StoredName;
        m.EvidenceContentType = stored.ContentType;
        m.EvidenceSize = stored.Size;
        m.EvidenceSha256 = stored.Sha256;
    }
}
