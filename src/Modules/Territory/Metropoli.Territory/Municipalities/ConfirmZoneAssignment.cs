using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

/// <summary>An administrator has checked a seeded zone assignment and found it right: its source
/// becomes "confirmed" on the current membership and on the Comune.</summary>
public static class ConfirmZoneAssignment
{
    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string istatCode, int? expectedVersion, CancellationToken ct)
    {
        var municipality = await db.Set<Municipality>().SingleOrDefaultAsync(m => m.IstatCode == istatCode, ct);
        if (municipality is null) return new Outcome.NotFound();
        if (!user.IsAdministrator()) return new Outcome.Forbidden();
        var current = await db.Set<ZoneMembership>().SingleOrDefaultAsync(ms => ms.IstatCode == istatCode && ms.ValidTo == null, ct);
        if (current is null) return new Outcome.NotFound();
        if (db.CheckVersion(current, expectedVersion) is { } conflict) return conflict;
        if (current.Source == ZoneSources.Confirmed)
        {
            return new Outcome.Done(current.Version);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        current.Source = ZoneSources.Confirmed;
        current.UpdatedAt = now;
        municipality.ZoneSource = ZoneSources.Confirmed;
        municipality.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(await MoveMunicipality.CurrentVersionAsync(db, istatCode, ct));
        }
        return new Outcome.Done(current.Version);
    }
}
