using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>The zones as shipped: official sizes today, from both the denormalised current zone and the
/// membership history; dates validated; the seeded history consistent and idempotent. Nothing here moves a Comune.</summary>
// On PostgreSQL too: composition on a date, ExecuteDelete and a reseed.
[Trait("Database", "Both")]
public sealed class ZoneCompositionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    public static readonly Dictionary<string, int> OfficialSizes = new()
    {
        ["adda-martesana"] = 29, ["alto-milanese"] = 22, ["magentino-abbiatense"] = 28, ["nord-milano"] = 6,
        ["nord-ovest"] = 16, ["sud-est"] = 15, ["sud-ovest"] = 16, ["milano"] = 1,
    };

    internal static string Iso(DateOnly d) => TerritoryDates.Iso(d);

    internal static Dictionary<string, int> Sizes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().ToDictionary(z => z.GetProperty("code").GetString()!, z => z.GetProperty("municipalities").GetInt32());

    [Fact]
    public async Task Zone_sizes_today_are_the_official_ones_with_and_without_a_date()
    {
        var today = CivilClock.Today(TimeProvider.System);
        var anonymous = fx.App.Anonymous();
        Assert.Equal(OfficialSizes, Sizes(await anonymous.GetJson("/api/v1/zones")));
        Assert.Equal(OfficialSizes, Sizes(await anonymous.GetJson("/api/v1/zones?date=" + Iso(today))));
        Assert.Equal(OfficialSizes, Sizes(await anonymous.GetJson("/api/v1/zones?date=2016-01-01")));
        foreach (var (code, size) in OfficialSizes)
        {
            var zone = await anonymous.GetJson($"/api/v1/zones/{code}?date={Iso(today)}");
            Assert.Equal(size, zone.GetProperty("members").GetArrayLength());
        }
    }

    [Fact]
    public async Task Before_the_recorded_history_every_zone_is_empty()
    {
        var sizes = Sizes(await fx.App.Anonymous().GetJson("/api/v1/zones?date=2015-12-31"));
        Assert.All(sizes.Values, n => Assert.Equal(0, n));
        Assert.Equal(0, (await fx.App.Anonymous().GetJson("/api/v1/zones/nord-ovest?date=2015-12-31")).GetProperty("members").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/zones?date=2026-13-01")]
    [InlineData("/api/v1/zones?date=ieri")]
    [InlineData("/api/v1/zones?date=22/11/2026")]
    [InlineData("/api/v1/zones/nord-ovest?date=2026-02-30")]
    [InlineData("/api/v1/zones/nord-ovest?date=20261122")]
    [InlineData("/api/v1/zones/nord-ovest/coordinators?date=domani")]
    public async Task An_invalid_date_is_a_400_problem_naming_the_parameter(string url)
    {
        var problem = await (await fx.App.Anonymous().GetAsync(url)).ShouldBeProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_zone_is_a_404_problem_with_or_without_a_date()
    {
        await (await fx.App.Anonymous().GetAsync("/api/v1/zones/atlantide")).ShouldBeProblem(404);
        await (await fx.App.Anonymous().GetAsync("/api/v1/zones/atlantide?date=2020-01-01")).ShouldBeProblem(404);
        await (await fx.App.Anonymous().GetAsync("/api/v1/zones/atlantide/coordinators")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Every_comune_has_one_open_membership_in_its_current_zone_with_its_seed_source()
    {
        var (open, mismatched, comuni) = await fx.App.WithDb(async db => (
            await db.Set<ZoneMembership>().CountAsync(ms => ms.ValidTo == null),
            await db.Set<Municipality>().CountAsync(m => db.Set<ZoneMembership>().Count(ms => ms.IstatCode == m.IstatCode && ms.ValidTo == null
                && ms.ZoneCode == m.ZoneCode && ms.Source == m.ZoneSource && ms.ValidFrom == ZoneSources.SeedStart) != 1),
            await db.Set<Municipality>().CountAsync()));
        Assert.Equal(133, comuni);
        Assert.Equal(133, open);
        Assert.Equal(0, mismatched);
    }

    [Fact]
    public async Task A_database_seeded_before_memberships_existed_gets_them_from_the_seed_and_reseeding_adds_none()
    {
        // A scratch database: migrations, then the Comuni without memberships, as the first schema without memberships left them.
        await using var database = await TestDatabase.FromTemplateAsync("legacy");
        await using var app = new MetropoliApp(database).Start();
        await app.WithDb(db => db.Set<ZoneMembership>().ExecuteDeleteAsync());
        Assert.Equal(0, await app.WithDb(db => db.Set<ZoneMembership>().CountAsync()));

        await app.WithDb(db => TerritorySeed.SeedAsync(db, TimeProvider.System));
        Assert.Equal(133, await app.WithDb(db => db.Set<ZoneMembership>().CountAsync(ms => ms.ValidTo == null)));
        await app.WithDb(db => TerritorySeed.SeedAsync(db, TimeProvider.System));
        Assert.Equal(133, await app.WithDb(db => db.Set<ZoneMembership>().CountAsync()));
        Assert.Equal(OfficialSizes, Sizes(await app.Anonymous().GetJson("/api/v1/zones?date=" + Iso(CivilClock.Today(TimeProvider.System)))));
    }

    [Fact]
    public async Task The_zone_pages_offer_the_composition_on_a_day_and_survive_a_bad_date()
    {
        var anonymous = fx.App.Anonymous();
        var index = await anonymous.Html("/zone?date=2016-01-01");
        Assert.Contains("id=\"date\"", index);
        Assert.Contains("Composizione al giorno", index);
        Assert.Contains("/zone/nord-milano?date=2016-01-01", index);

        var bad = await anonymous.Html("/zone/nord-milano?date=31-12-2020");
        Assert.Contains("La data deve essere nel formato AAAA-MM-GG", bad);
        Assert.Contains("Sesto San Giovanni", bad);

        var empty = await anonymous.Html("/zone/nord-milano?date=2010-01-01");
        Assert.Contains("Nessun Comune", empty);
        Assert.DoesNotContain("Sesto San Giovanni</a>", empty);
    }

    [Fact]
    public async Task The_zone_page_says_when_no_rotation_is_configured()
    {
        var html = await fx.App.Anonymous().Html("/zone/sud-ovest");
        Assert.Contains("Rotazione non ancora configurata", html);
        Assert.DoesNotContain("Coordinatore e rotazione", await fx.App.Anonymous().Html("/zone/milano"));
    }
}
