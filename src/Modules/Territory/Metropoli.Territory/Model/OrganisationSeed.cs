using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Model;

/// <summary>One organisation per Comune (linked by ISTAT code), the Città metropolitana and Regione
/// Lombardia. Idempotent and additive: a Comune's tax code and PEC come from IndicePA
/// (<see cref="TerritorySeed.ReadIpaRows"/>) and only fill blanks; a value the administrators keep is never changed.</summary>
public static class OrganisationSeed
{
    public const string CittaMetropolitanaFiscalCode = "08911820960";
    public const string RegioneLombardiaFiscalCode = "80050050154";
    public const string ComuneMilanoFiscalCode = "01199250158";

    public static async Task<int> SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var linked = (await db.Set<Organisation>().Where(o => o.MunicipalityIstat != null).Select(o => o.MunicipalityIstat!).ToListAsync(ct)).ToHashSet();
        var fiscalCodes = (await db.Set<Organisation>().Where(o => o.FiscalCode != null).Select(o => o.FiscalCode!).ToListAsync(ct)).ToHashSet();
        var comuni = await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.IstatCode).Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct);
        var ipa = TerritorySeed.ReadIpaRows();
        var added = 0;
        var filled = 0;
        // Organisations of Comuni made before the register was shipped: fill their blanks.
        var blanks = await db.Set<Organisation>()
            .Where(o => o.MunicipalityIstat != null && o.Type == OrganisationTypes.Municipality && (o.FiscalCode == null || o.Pec == null))
            .ToListAsync(ct);
        foreach (var o in blanks)
        {
            if (!ipa.TryGetValue(o.MunicipalityIstat!, out var row)) continue;
            if (o.FiscalCode is null && fiscalCodes.Add(row.FiscalCode)) o.FiscalCode = row.FiscalCode;
            o.Pec ??= row.Pec;
            o.UpdatedAt = now;
            filled++;
        }
        foreach (var c in comuni.Where(c => !linked.Contains(c.IstatCode)))
        {
            var o = new Organisation
            {
                Name = "Comune di " + c.Name,
                Type = OrganisationTypes.Municipality,
                MunicipalityIstat = c.IstatCode,
                City = c.Name,
                UpdatedAt = now,
            };
            if (ipa.TryGetValue(c.IstatCode, out var row))
            {
                if (fiscalCodes.Add(row.FiscalCode)) o.FiscalCode = row.FiscalCode;
                o.Pec = row.Pec;
            }
            // Addresses only where they are certain; the others are completed in the app.
            if (c.IstatCode == "015146" && o.FiscalCode == ComuneMilanoFiscalCode)
            {
                o.VatNumber = ComuneMilanoFiscalCode;
                o.IpaCode = "c_f205";
                o.Address = "Piazza della Scala 2";
                o.PostalCode = "20121";
                o.Website = "https://www.comune.milano.it";
            }
            db.Add(o);
            added++;
        }
        if (!fiscalCodes.Contains(CittaMetropolitanaFiscalCode))
        {
            db.Add(new Organisation
            {
                Name = "Città metropolitana di Milano",
                Type = OrganisationTypes.MetropolitanCity,
                FiscalCode = CittaMetropolitanaFiscalCode,
                Address = "Via Vivaio 1",
                PostalCode = "20122",
                City = "Milano",
                Website = "https://www.cittametropolitana.mi.it",
                UpdatedAt = now,
            });
            added++;
        }
        if (!fiscalCodes.Contains(RegioneLombardiaFiscalCode))
        {
            db.Add(new Organisation
            {
                Name = "Regione Lombardia",
                Type = OrganisationTypes.Region,
                FiscalCode = RegioneLombardiaFiscalCode,
                IpaCode = "r_lombar",
                Address = "Piazza Città di Lombardia 1",
                PostalCode = "20124",
                City = "Milano",
                Website = "https://www.regione.lombardia.it",
                UpdatedAt = now,
            });
            added++;
        }
        if (added > 0 || filled > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return added;
    }
}
