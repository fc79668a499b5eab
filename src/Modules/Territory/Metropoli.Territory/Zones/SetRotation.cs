using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Zones;

/// <summary>A zone's rotation: term length, start date and the order of the Comuni (ISTAT codes).</summary>
public sealed record RotationRequest
{
    public int? TermMonths { get; init; }
    public DateOnly? StartDate { get; init; }
    public IReadOnlyList<string>? Order { get; init; }
}

/// <summary>Administrators set how a zone's coordinator rotates. Before the new settings apply, the
/// term in course under the old ones is recorded, so reordering in mid-term does not change who
/// coordinates now. The expected version is the rotation's, 0 when the zone has none yet.</summary>
public static class SetRotation
{
    public const int MaxTermMonths = 120;

    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, string zoneCode, RotationRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.TermMonths is not { } months || months < 1 || months > MaxTermMonths)
        {
            errors["termMonths"] = ["La durata del mandato va indicata in mesi, da 1 a 120."];
        }
        if (r.StartDate is null)
        {
            errors["startDate"] = ["Indica la data di inizio della rotazione."];
        }
        var order = r.Order ?? [];
        if (order.Count == 0)
        {
            errors["order"] = ["Indica almeno un Comune nell'ordine di rotazione."];
        }
        else if (order.Distinct().Count() != order.Count)
        {
            errors["order"] = ["Ogni Comune può comparire una sola volta nell'ordine."];
        }
        else
        {
            var members = await db.Set<Municipality>().AsNoTracking().Where(m => m.ZoneCode == zoneCode).Select(m => m.IstatCode).ToListAsync(ct);
            if (order.Any(code => !members.Contains(code)))
            {
                errors["order"] = ["L'ordine può contenere solo Comuni che oggi fanno parte della zona."];
            }
        }
        return errors;
    }

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string zoneCode, int? expectedVersion, RotationRequest request, CancellationToken ct)
    {
        if (!await db.Set<Zone>().AnyAsync(z => z.Code == zoneCode, ct)) return new Outcome.NotFound();
        if (!user.IsAdministrator()) return new Outcome.Forbidden();
        var errors = await ValidateAsync(db, zoneCode, request, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var rotation = await db.Set<ZoneRotation>().Include(r => r.Slots).SingleOrDefaultAsync(r => r.ZoneCode == zoneCode, ct);
        var currentVersion = rotation?.Version ?? 0;
        if (expectedVersion is not { } version || version != currentVersion) return new Outcome.Conflict(currentVersion);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await RecordCoordinators.AddStartedTermAsync(db, zoneCode, CivilClock.Today(clock), CurrentUser.Of(user).Name, now, ct);
            if (rotation is null)
            {
                rotation = new ZoneRotation { ZoneCode = zoneCode };
                db.Add(rotation);
            }
            else
            {
                db.ExpectVersion(rotation, version);
                // Old slots go first, in their own save: the new order reuses positions and Comuni, and
                // the unique indexes would see a half-swapped order if both were written in one batch.
                rotation.Slots.Clear();
            }
            rotation.TermMonths = request.TermMonths!.Value;
            rotation.StartDate = request.StartDate!.Value;
            rotation.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            var position = 0;
            foreach (var istat in request.Order!)
            {
                rotation.Slots.Add(new RotationSlot { ZoneCode = zoneCode, Position = ++position, IstatCode = istat });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved first (stale version, or both created the rotation).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new Outcome.Conflict((await GetCoordinators.RotationAsync(db, zoneCode, ct))?.Version ?? 0);
        }
        return new Outcome.Done(rotation.Version);
    }
}
