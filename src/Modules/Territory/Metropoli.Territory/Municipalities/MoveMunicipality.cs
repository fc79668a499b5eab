using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Municipalities;

/// <summary>A Comune's new zone. A move (the default) takes effect on <see cref="ValidFrom"/>: the
/// current membership ends the day before and the history keeps it. A correction says the seed was
/// wrong: the current membership changes zone in place and no history is invented.</summary>
public sealed record MoveRequest
{
    [Display(Name = "Nuova zona")]
    public string? ZoneCode { get; init; }
    [Display(Name = "In vigore dal")]
    public DateOnly? ValidFrom { get; init; }
    [Display(Name = "Atto")]
    public string? Act { get; init; }
    [Display(Name = "Correzione")]
    public bool Correction { get; init; }
}

/// <summary>Administrators move a Comune to another zone, or correct its assignment. The membership
/// history, the denormalised <see cref="Municipality.ZoneCode"/> and the audit trail change in one
/// transaction. The expected version is the current membership's.</summary>
public static class MoveMunicipality
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, MoveRequest r, ZoneMembership current, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.ZoneCode))
        {
            errors["zoneCode"] = ["Scegli la nuova zona."];
        }
        else if (!await db.Set<Zone>().AnyAsync(z => z.Code == r.ZoneCode, ct))
        {
            errors["zoneCode"] = ["La zona indicata non esiste."];
        }
        else if (r.ZoneCode == current.ZoneCode)
        {
            errors["zoneCode"] = ["Il Comune fa già parte di questa zona."];
        }
        if (string.IsNullOrWhiteSpace(r.Act))
        {
            errors["act"] = ["Indica l'atto che decide lo spostamento (per esempio la delibera del Consiglio metropolitano)."];
        }
        else if (r.Act.Trim().Length > 500)
        {
            errors["act"] = ["L'atto non può superare 500 caratteri."];
        }
        if (!r.Correction)
        {
            if (r.ValidFrom is not { } from)
            {
                errors["validFrom"] = ["Indica da quale giorno lo spostamento è in vigore."];
            }
            else if (from > today)
            {
                // The current zone is denormalised on the Comune; a future move would make it wrong until
                // that day. Moves are recorded when they take effect (or back-dated), never ahead.
                errors["validFrom"] = ["Lo spostamento non può avere effetto in una data futura: registralo dal giorno in cui entra in vigore."];
            }
            else if (from <= current.ValidFrom)
            {
                errors["validFrom"] = ["La data deve essere successiva all'inizio dell'appartenenza attuale. Se l'assegnazione era sbagliata fin dall'inizio, scegli la correzione."];
            }
        }
        return errors;
    }

    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock,
        string istatCode, int? expectedVersion, MoveRequest request, CancellationToken ct)
    {
        var municipality = await db.Set<Municipality>().SingleOrDefaultAsync(m => m.IstatCode == istatCode, ct);
        if (municipality is null) return new Outcome.NotFound();
        if (!user.IsAdministrator()) return new Outcome.Forbidden();
        var current = await db.Set<ZoneMembership>().SingleOrDefaultAsync(ms => ms.IstatCode == istatCode && ms.ValidTo == null, ct);
        if (current is null) return new Outcome.NotFound();
        var today = CivilClock.Today(clock);
        var errors = await ValidateAsync(db, request, current, today, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(current, expectedVersion) is { } conflict) return conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        var act = request.Act!.Trim();
        var zone = request.ZoneCode!;
        var result = current;
        if (request.Correction)
        {
            current.ZoneCode = zone;
            current.Source = ZoneSources.Corrected;
            current.Act = act;
            current.UpdatedAt = now;
        }
        else
        {
            current.ValidTo = request.ValidFrom!.Value.AddDays(-1);
            current.UpdatedAt = now;
            result = new ZoneMembership
            {
                IstatCode = istatCode,
                ZoneCode = zone,
                ValidFrom = request.ValidFrom.Value,
                Act = act,
                Source = ZoneSources.Corrected,
                UpdatedAt = now,
            };
            db.Add(result);
        }
        municipality.ZoneCode = zone;
        municipality.ZoneSource = ZoneSources.Corrected;
        municipality.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent move closed the same membership (version) or opened one on the same day (unique index).
            return new Outcome.Conflict(await CurrentVersionAsync(db, istatCode, ct));
        }
        return new Outcome.Done(result.Version);
    }

    public static async Task<int> CurrentVersionAsync(AppDbContext db, string istatCode, CancellationToken ct) =>
        await db.Set<ZoneMembership>().AsNoTracking().Where(ms => ms.IstatCode == istatCode && ms.ValidTo == null)
            .Select(ms => ms.Version).FirstOrDefaultAsync(ct);
}
