using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Zones;

public sealed record RotationSlotRow(int Position, string IstatCode, string Name);

/// <summary>A zone's rotation settings; <see cref="Version"/> is 0 while none is configured.</summary>
public sealed record RotationView(string ZoneCode, bool Configured, int? TermMonths, DateOnly? StartDate,
    IReadOnlyList<RotationSlotRow> Order, int Version);

/// <summary>A coordinator; <see cref="IstatCode"/> is null for a term no Comune could take (nobody eligible).</summary>
public sealed record CoordinatorRow(string? IstatCode, string? MunicipalityName, string? MayorName,
    DateOnly From, DateOnly To, bool IsOverride, string? Reason, bool Recorded);

public sealed record CoordinatorsView(string ZoneCode, DateOnly AsOf, RotationView Rotation,
    CoordinatorRow? Current, CoordinatorRow? Next, IReadOnlyList<CoordinatorRow> Past);

/// <summary>Everything the rotation needs from the database for one zone, read once.</summary>
public sealed class RotationData
{
    public required ZoneRotation? Rotation { get; init; }
    public required List<CoordinatorTerm> Recorded { get; init; }
    public required List<ZoneMembership> Memberships { get; init; }
    public required List<Mayor> Mayors { get; init; }
    public required Dictionary<string, string> Names { get; init; }

    public RotationPlan? Plan => Rotation is null ? null
        : new RotationPlan(Rotation.StartDate, Rotation.TermMonths, Rotation.Slots.OrderBy(s => s.Position).Select(s => s.IstatCode).ToList());

    public IReadOnlyList<RecordedTerm> RecordedTerms =>
        Recorded.Select(t => new RecordedTerm(t.IstatCode, t.TermStart, t.TermEnd, t.IsOverride, t.Reason, t.Id)).ToList();

    /// <summary>A member of the zone on that day, with a mayor in office on that day.</summary>
    public bool Eligible(string istatCode, DateOnly day) =>
        Memberships.Any(m => m.IstatCode == istatCode && m.ValidFrom <= day && (m.ValidTo is null || m.ValidTo >= day))
        && Mayors.Any(m => m.IstatCode == istatCode && m.InOfficeOn(day));

    public string? MayorOn(string istatCode, DateOnly day) =>
        Mayors.Where(m => m.IstatCode == istatCode && m.InOfficeOn(day)).OrderByDescending(m => m.TermStart).Select(m => m.Name).FirstOrDefault();

    public static async Task<RotationData> LoadAsync(AppDbContext db, string zoneCode, CancellationToken ct)
    {
        var rotation = await db.Set<ZoneRotation>().AsNoTracking().Include(r => r.Slots).SingleOrDefaultAsync(r => r.ZoneCode == zoneCode, ct);
        var recorded = await db.Set<CoordinatorTerm>().AsNoTracking().Where(t => t.ZoneCode == zoneCode).ToListAsync(ct);
        var codes = (rotation?.Slots.Select(s => s.IstatCode) ?? []).Concat(recorded.Select(t => t.IstatCode)).Distinct().ToList();
        var memberships = await db.Set<ZoneMembership>().AsNoTracking().Where(m => m.ZoneCode == zoneCode && codes.Contains(m.IstatCode)).ToListAsync(ct);
        var mayors = await db.Set<Mayor>().AsNoTracking().Where(m => codes.Contains(m.IstatCode)).ToListAsync(ct);
        var names = await db.Set<Municipality>().AsNoTracking().Where(m => codes.Contains(m.IstatCode)).ToDictionaryAsync(m => m.IstatCode, m => m.Name, ct);
        return new RotationData { Rotation = rotation, Recorded = recorded, Memberships = memberships, Mayors = mayors, Names = names };
    }
}

/// <summary>Current, next and past coordinators of a zone on a day, and its rotation settings.</summary>
public static class GetCoordinators
{
    public static async Task<CoordinatorsView?> HandleAsync(AppDbContext db, string zoneCode, DateOnly day, CancellationToken ct)
    {
        if (!await db.Set<Zone>().AnyAsync(z => z.Code == zoneCode, ct)) return null;
        var data = await RotationData.LoadAsync(db, zoneCode, ct);
        var schedule = CoordinatorRotation.Resolve(data.Plan, data.RecordedTerms, data.Eligible, day);
        return new CoordinatorsView(zoneCode, day, ToView(zoneCode, data),
            Row(data, schedule.Current), Row(data, schedule.Next), schedule.Past.Select(p => Row(data, p)!).ToList());
    }

    public static async Task<RotationView?> RotationAsync(AppDbContext db, string zoneCode, CancellationToken ct)
    {
        if (!await db.Set<Zone>().AnyAsync(z => z.Code == zoneCode, ct)) return null;
        return ToView(zoneCode, await RotationData.LoadAsync(db, zoneCode, ct));
    }

    private static RotationView ToView(string zoneCode, RotationData data) => data.Rotation is { } r
        ? new RotationView(zoneCode, true, r.TermMonths, r.StartDate,
            r.Slots.OrderBy(s => s.Position).Select(s => new RotationSlotRow(s.Position, s.IstatCode, data.Names.GetValueOrDefault(s.IstatCode, s.IstatCode))).ToList(),
            r.Version)
        : new RotationView(zoneCode, false, null, null, [], 0);

    private static CoordinatorRow? Row(RotationData data, CoordinatorSpan? span)
    {
        if (span is null) return null;
        string? mayor = null;
        if (span.IstatCode is { } istat)
        {
            // A recorded term keeps the name it was recorded with; a computed one names today's data.
            mayor = span.Recorded
                ? data.Recorded.Where(t => t.IstatCode == istat && t.TermStart == span.From && t.IsOverride == span.IsOverride)
                    .OrderByDescending(t => t.Id).Select(t => t.MayorName).FirstOrDefault() ?? data.MayorOn(istat, span.From)
                : data.MayorOn(istat, span.From);
        }
        return new CoordinatorRow(span.IstatCode, span.IstatCode is null ? null : data.Names.GetValueOrDefault(span.IstatCode, span.IstatCode),
            mayor, span.From, span.To, span.IsOverride, span.Reason, span.Recorded);
    }
}
