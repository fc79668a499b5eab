using Metropoli.Tests.Infrastructure;
using Metropoli.Territory.Model;
using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>The reference data shipped with the app loads on both providers and re-loads harmlessly.</summary>
// On PostgreSQL too: the shipped reference data loads and reloads on each provider.
[Trait("Database", "Both")]
public sealed class TerritorySeedTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_seed_value_fits_its_column()
    {
        // SQLite does not enforce varchar lengths, PostgreSQL does: check here so a SQLite run catches it too.
        var model = await fx.App.WithDb(db => Task.FromResult(db.Model.FindEntityType(typeof(Municipality))!));
        var limits = new Dictionary<string, Func<TerritorySeed.Row, string>>
        {
            [nameof(Municipality.IstatCode)] = r => r.IstatCode,
            [nameof(Municipality.Name)] = r => r.Name,
            [nameof(Municipality.CadastralCode)] = r => r.CadastralCode,
            [nameof(Municipality.PostalCodes)] = r => r.PostalCodes,
            [nameof(Municipality.ZoneCode)] = r => TerritorySeed.ZoneCodeOf(r.ZoneName),
            [nameof(Municipality.ZoneSource)] = r => r.ZoneSource,
        };
        var tooLong = (from row in TerritorySeed.ReadRows()
                       from limit in limits
                       let max = model.FindProperty(limit.Key)!.GetMaxLength()
                       let value = limit.Value(row)
                       where max is not null && value.Length > max
                       select $"{row.IstatCode} {limit.Key}: {value.Length} > {max}").ToList();
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public async Task The_seed_loads_133_comuni_in_8_zones()
    {
        var (comuni, zones, orphans) = await fx.App.WithDb(async db => (
            await db.Set<Municipality>().CountAsync(),
            await db.Set<Zone>().CountAsync(),
            await db.Set<Municipality>().CountAsync(m => !db.Set<Zone>().Any(z => z.Code == m.ZoneCode))));
        Assert.Equal(133, comuni);
        Assert.Equal(8, zones);
        Assert.Equal(0, orphans);
        var milano = await fx.App.WithDb(db => db.Set<Municipality>().AsNoTracking().SingleAsync(m => m.IstatCode == Demo.Milano));
        Assert.Equal("Milano", milano.Name);
        Assert.Equal(42, milano.PostalCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_writes_no_audit_entries()
    {
        var before = await fx.App.WithDb(db => db.AuditEntries.CountAsync());
        var versions = await fx.App.WithDb(db => db.Set<Municipality>().AsNoTracking().ToDictionaryAsync(m => m.IstatCode, m => m.Version));
        await fx.App.WithDb(db => TerritorySeed.SeedAsync(db, TimeProvider.System));
        Assert.Equal(before, await fx.App.WithDb(db => db.AuditEntries.CountAsync()));
        Assert.Equal(versions, await fx.App.WithDb(db => db.Set<Municipality>().AsNoTracking().ToDictionaryAsync(m => m.IstatCode, m => m.Version)));
    }
}
