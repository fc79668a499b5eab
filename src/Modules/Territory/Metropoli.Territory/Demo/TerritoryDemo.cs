using Metropoli.Platform.Data;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Demo;

/// <summary>Demonstration content (Development only, after the demo accounts): Nord Ovest gets a coordinator rotation
/// and Bollate a mayor, so that the demo zone coordinator (the mayor of Bollate, <c>zona.nordovest@metropoli.example</c>)
/// holds the term today and can convene the zone assembly (ADR 0043). Invented data, marked "(dati dimostrativi)";
/// the real mayors and the real rotation are entered by the administrators.</summary>
public static class TerritoryDemo
{
    public const string Zone = "nord-ovest";
    /// <summary>Bollate: the demo coordinator's Comune, first in the demo rotation.</summary>
    public const string CoordinatorIstat = "015027";
    public const string MayorName = "Giulia Coordinatrice Nord Ovest (dati dimostrativi)";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<ZoneRotation>().AnyAsync(r => r.ZoneCode == Zone, ct)) return;
        var comuni = await db.Set<Municipality>().Where(m => m.ZoneCode == Zone).OrderBy(m => m.Name).Select(m => m.IstatCode).ToListAsync(ct);
        if (!comuni.Contains(CoordinatorIstat)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CivilClock.Today(clock);
        if (!await db.Set<Mayor>().AnyAsync(m => m.IstatCode == CoordinatorIstat, ct))
        {
            db.Add(new Mayor { IstatCode = CoordinatorIstat, Name = MayorName, TermStart = new DateOnly(today.Year - 1, 6, 1), UpdatedAt = now });
        }
        // Terms of 30 months from the first of this month, Bollate first then the others alphabetically. Only Bollate has a
        // mayor in the demo, and a Comune without a mayor is skipped, so Bollate keeps the term until other mayors are entered.
        var rotation = new ZoneRotation { ZoneCode = Zone, TermMonths = 30, StartDate = new DateOnly(today.Year, today.Month, 1), UpdatedAt = now };
        db.Add(rotation);
        await db.SaveChangesAsync(ct);
        var position = 0;
        foreach (var istat in comuni.OrderBy(c => c == CoordinatorIstat ? 0 : 1))
        {
            rotation.Slots.Add(new RotationSlot { ZoneCode = Zone, Position = ++position, IstatCode = istat });
        }
        await db.SaveChangesAsync(ct);
    }
}
