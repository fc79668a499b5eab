using System.Security.Claims;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>A measurement as the API and the pages show it. The workflow fields (who, when, why rejected)
/// and the evidence are given only to those who take part in it; the public sees validated values.</summary>
public sealed record MeasurementRow(long Id, long IndicatorId, string Period, DateOnly PeriodEnd, decimal Value, string? Note, string Status,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, string? RejectionReason, string? EvidenceName, long? EvidenceSize, string? EvidenceSha256, int Version);

/// <summary>A value waiting for the plan office, with its indicator.</summary>
public sealed record PendingRow(long Id, long IndicatorId, string IndicatorCode, string IndicatorName, string Unit, long PlanId, string? ActionCode,
    string Period, decimal Value, string? Note, string? EvidenceName, DateTimeOffset SubmittedAt, int Version);

public static class ListMeasurements
{
    /// <summary>The measurements of an indicator, newest period first; null when the indicator is not visible.</summary>
    public static async Task<Paged<MeasurementRow>?> ForIndicatorAsync(AppDbContext db, ClaimsPrincipal user, long indicatorId, ListQuery query, CancellationToken ct)
    {
        var target = await SubmitMeasurement.TargetAsync(db, user, indicatorId, ct);
        if (target is null) return null;
        var all = IndicatorAccess.CanSubmit(user, target.OwnerSector, target.ActionSector);
        var q = db.Set<Measurement>().AsNoTracking().Where(m => m.IndicatorId == indicatorId);
        if (!all) q = q.Where(m => m.Status == MeasurementStatuses.Validated);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.PeriodEnd).ThenByDescending(m => m.Id)
            .Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        return new Paged<MeasurementRow>(rows.Select(m => Row(m, all)).ToList(), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static MeasurementRow Row(Measurement m, bool internalView) => internalView
        ? new MeasurementRow(m.Id, m.IndicatorId, m.Period, m.PeriodEnd, m.Value, m.Note, m.Status, Utc(m.SubmittedAt), m.ReviewedAt is { } r ? Utc(r) : null,
            m.RejectionReason, m.EvidenceName, m.EvidenceSize, m.EvidenceSha256, m.Version)
        : new MeasurementRow(m.Id, m.IndicatorId, m.Period, m.PeriodEnd, m.Value, m.Note, m.Status, null, m.ReviewedAt is { } rv ? Utc(rv) : null,
            null, null, null, null, m.Version);

    /// <summary>The plan office's queue: every value waiting for validation in the plans not archived, oldest first.</summary>
    public static async Task<Paged<PendingRow>> PendingAsync(AppDbContext db, ListQuery query, long? indicatorId, CancellationToken ct)
    {
        var q = from m in db.Set<Measurement>().AsNoTracking()
                join i in db.Set<Indicator>() on m.IndicatorId equals i.Id
                join p in db.Set<Plan>() on i.PlanId equals p.Id
                join a in db.Set<PlanAction>() on i.ActionId equals a.Id into actions
                from a in actions.DefaultIfEmpty()
                where m.Status == MeasurementStatuses.Submitted && p.Status != PlanStatuses.Archived
                select new { m, i, ActionCode = a == null ? null : a.Code };
        if (indicatorId is { } only) q = q.Where(x => x.i.Id == only);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.m.SubmittedAt).ThenBy(x => x.m.Id).Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        return new Paged<PendingRow>(rows.Select(x => new PendingRow(x.m.Id, x.i.Id, x.i.Code, x.i.Name, x.i.Unit, x.i.PlanId, x.ActionCode, x.m.Period, x.m.Value,
            x.m.Note, x.m.EvidenceName, Utc(x.m.SubmittedAt), x.m.Version)).ToList(), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    /// <summary>The evidence file of a measurement, for those who take part in its workflow; null when the
    /// measurement or its plan is not visible, Forbidden-like false when the user may not have it.</summary>
    public static async Task<(bool Found, bool Allowed, Measurement? Measurement)> EvidenceAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var m = await db.Set<Measurement>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        var target = m is null ? null : await SubmitMeasurement.TargetAsync(db, user, m.IndicatorId, ct);
        if (m is null || target is null || m.EvidenceStoredName is null) return (false, false, null);
        return (true, IndicatorAccess.CanSubmit(user, target.OwnerSector, target.ActionSector), m);
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero);
}
