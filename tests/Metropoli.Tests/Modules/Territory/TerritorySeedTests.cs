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

    [Fact]
    public void The_public_register_lists_a_valid_tax_code_and_a_pec_for_each_of_the_133_comuni()
    {
        var ipa = TerritorySeed.ReadIpaRows();
        var comuni = TerritorySeed.ReadRows().Select(r => r.IstatCode).ToHashSet();
        Assert.Equal(comuni.Order(), ipa.Keys.Order());
        Assert.All(ipa.Values, r => Assert.True(Metropoli.Platform.Identifiers.IdentifierCheck.ValidateCodiceFiscaleEnte(r.FiscalCode).Ok, r.IstatCode));
        Assert.Equal(133, ipa.Values.Select(r => r.FiscalCode).Distinct().Count());
        Assert.All(ipa.Values, r => Assert.Matches(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", r.Pec.ToLowerInvariant()));
        Assert.Equal(("01199250158", "protocollo@postacert.comune.milano.it"), (ipa[Demo.Milano].FiscalCode, ipa[Demo.Milano].Pec));
    }

    [Fact]
    public async Task Every_comune_gets_its_pec_and_its_organisation_a_tax_code_from_the_register()
    {
        var (withoutPec, milanoPec) = await fx.App.WithDb(async db => (
            await db.Set<Municipality>().CountAsync(m => m.Pec == null),
            await db.Set<Municipality>().Where(m => m.IstatCode == Demo.Milano).Select(m => m.Pec).SingleAsync()));
        Assert.Equal(0, withoutPec);
        Assert.Equal("protocollo@postacert.comune.milano.it", milanoPec);
        var orgs = await fx.App.WithDb(db => db.Set<Organisation>().AsNoTracking()
            .Where(o => o.MunicipalityIstat != null).Select(o => new { o.MunicipalityIstat, o.FiscalCode, o.Pec }).ToListAsync());
        Assert.Equal(133, orgs.Count);
        Assert.All(orgs, o => Assert.False(o.FiscalCode is null || o.Pec is null, o.MunicipalityIstat));
        Assert.Equal("01310880156", orgs.Single(o => o.MunicipalityIstat == "015002").FiscalCode); // Abbiategrasso
    }

    [Fact]
    public async Task A_pec_the_comune_corrected_is_never_overwritten_by_the_register()
    {
        const string corrected = "protocollo@pec.comune.bollate.mi.it";
        await fx.App.WithDb(db => db.Set<Municipality>().Where(m => m.IstatCode == "015027")
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Pec, corrected)));
        await fx.App.WithDb(db => OrganisationSeed.SeedAsync(db, TimeProvider.System));
        await fx.App.WithDb(db => TerritorySeed.SeedAsync(db, TimeProvider.System));
        Assert.Equal(corrected, await fx.App.WithDb(db => db.Set<Municipality>().Where(m => m.IstatCode == "015027").Select(m => m.Pec).SingleAsync()));
        await fx.App.WithDb(db => db.Set<Municipality>().Where(m => m.IstatCode == "015027")
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Pec, "comune.bollate@legalmail.it")));
    }
}
