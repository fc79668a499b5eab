using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory;
using Metropoli.Territory.Model;
using Metropoli.Territory.Zones;
using Metropoli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>Zone coordinators through the API and the pages: current and next from the rotation,
/// skipping Comuni without a mayor or that left the zone, overrides with a reason, past terms, and
/// the history recorded when a term starts. Each test uses its own zone.</summary>
// On PostgreSQL too: ExecuteUpdate of dates and rotation computed from dated rows.
[Trait("Database", "Both")]
public sealed class RotationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static DateOnly Today => CivilClock.Today(TimeProvider.System);

    private async Task SetMayorAsync(string istat, string name, string start = "2010-01-01")
    {
        var admin = await fx.As(Demo.Admin);
        var response = await fx.App.Anonymous().GetAsync($"/api/v1/municipalities/{istat}/mayor");
        var etag = response.StatusCode == HttpStatusCode.NotFound ? "\"0\"" : response.Headers.ETag!.ToString();
        await (await admin.PutJson($"/api/v1/municipalities/{istat}/mayor", new { name, termStart = start }, etag)).ShouldBe(HttpStatusCode.NoContent);
    }

    private async Task<string> RotationETag(string zone)
    {
        var response = await fx.App.Anonymous().GetAsync($"/api/v1/zones/{zone}/rotation");
        await response.ShouldBe(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private async Task SetRotationAsync(string zone, DateOnly start, int months, params string[] order) =>
        await (await (await fx.As(Demo.Admin)).PutJson($"/api/v1/zones/{zone}/rotation",
            new { termMonths = months, startDate = TerritoryDates.Iso(start), order }, await RotationETag(zone))).ShouldBe(HttpStatusCode.NoContent);

    private Task<JsonElement> Coordinators(string zone, DateOnly? day = null) =>
        fx.App.Anonymous().GetJson($"/api/v1/zones/{zone}/coordinators" + (day is { } d ? "?date=" + TerritoryDates.Iso(d) : ""));

    private static string? Istat(JsonElement row) => row.ValueKind == JsonValueKind.Null ? null : row.GetProperty("istatCode").GetString();

    [Fact]
    public async Task The_rotation_skips_a_comune_without_a_mayor_and_one_that_left_the_zone_and_an_override_wins_with_its_reason()
    {
        const string carpiano = "015050", cerro = "015071", colturano = "015082", dresano = "015101", mediglia = "015139";
        foreach (var (istat, name) in new[] { (cerro, "Sindaco Cerro"), (colturano, "Sindaca Colturano"), (dresano, "Sindaco Dresano"), (mediglia, "Sindaca Mediglia") })
        {
            await SetMayorAsync(istat, name);
        }
        await SetRotationAsync("sud-est", Today, 12, carpiano, cerro, colturano, dresano, mediglia);

        // Carpiano has no mayor: Cerro al Lambro's turn.
        var before = await Coordinators("sud-est");
        Assert.Equal((cerro, "Sindaco Cerro"), (Istat(before.GetProperty("current")), before.GetProperty("current").GetProperty("mayorName").GetString()));
        Assert.Equal(colturano, Istat(before.GetProperty("next")));

        // Cerro al Lambro leaves the zone today: Colturano takes the turn, Dresano is next.
        var admin = await fx.As(Demo.Admin);
        var memberships = await fx.App.Anonymous().GetAsync($"/api/v1/municipalities/{cerro}/zone-memberships");
        var move = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/municipalities/{cerro}/zone-memberships")
        {
            Content = Http.JsonBody(new { zoneCode = "sud-ovest", validFrom = TerritoryDates.Iso(Today), act = "Delibera di prova" }),
        };
        move.Headers.TryAddWithoutValidation("If-Match", memberships.Headers.ETag!.ToString());
        await (await admin.SendAsync(move)).ShouldBe(HttpStatusCode.NoContent);
        var after = await Coordinators("sud-est");
        Assert.Equal(colturano, Istat(after.GetProperty("current")));
        Assert.Equal(dresano, Istat(after.GetProperty("next")));
        Assert.False(after.GetProperty("current").GetProperty("isOverride").GetBoolean());

        // An override names Mediglia for the rest of the term; the next term still goes to Dresano.
        await (await admin.PostAsync("/api/v1/zones/sud-est/coordinator-overrides",
            Http.JsonBody(new { istatCode = mediglia, reason = "Il sindaco di Colturano ha rinunciato all'incarico" }))).ShouldBe(HttpStatusCode.NoContent);
        var overridden = await Coordinators("sud-est");
        var current = overridden.GetProperty("current");
        Assert.Equal((mediglia, true, "Il sindaco di Colturano ha rinunciato all'incarico"),
            (Istat(current), current.GetProperty("isOverride").GetBoolean(), current.GetProperty("reason").GetString()));
        Assert.Equal("Sindaca Mediglia", current.GetProperty("mayorName").GetString());
        Assert.Equal(dresano, Istat(overridden.GetProperty("next")));
        Assert.Equal(TerritoryDates.Iso(Today.AddYears(1).AddDays(-1)), current.GetProperty("to").GetString());

        var page = await fx.App.Anonymous().Html("/zone/sud-est");
        Assert.Contains("Sindaca Mediglia", page);
        Assert.Contains("Il sindaco di Colturano ha rinunciato all'incarico", page);
        Assert.Contains("Sindaco Dresano", page);
    }

    [Theory]
    [InlineData("015118", "", "reason")]                 // Legnano is in the zone but the reason is missing
    [InlineData("015002", "motivo", "istatCode")]        // Abbiategrasso is not in Alto Milanese
    [InlineData("015007", "motivo", "istatCode")]        // Arconate has no mayor
    public async Task An_invalid_override_is_a_422_problem(string istat, string reason, string field)
    {
        await SetMayorAsync("015118", "Sindaco Legnano");
        await SetRotationAsync("alto-milanese", Today.AddMonths(-1), 12, "015118");
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync("/api/v1/zones/alto-milanese/coordinator-overrides",
            Http.JsonBody(new { istatCode = istat, reason }))).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Past_coordinators_wrap_around_and_a_recorded_term_survives_later_edits()
    {
        const string bresso = "015032", cinisello = "015077";
        await SetMayorAsync(bresso, "Sindaca Bresso");
        await SetMayorAsync(cinisello, "Sindaco Cinisello");
        var start = Today.AddMonths(-36).AddDays(-10);
        await SetRotationAsync("nord-milano", start, 12, bresso, cinisello);

        var view = await Coordinators("nord-milano");
        Assert.Equal(cinisello, Istat(view.GetProperty("current")));
        Assert.Equal(bresso, Istat(view.GetProperty("next")));
        Assert.Equal([bresso, cinisello, bresso], view.GetProperty("past").EnumerateArray().Select(Istat));
        Assert.Equal(TerritoryDates.Iso(start), view.GetProperty("past")[2].GetProperty("from").GetString());
        Assert.Equal(bresso, Istat((await Coordinators("nord-milano", start.AddDays(1))).GetProperty("current")));

        // The job records the term in course (the rotation was configured before it started)…
        await fx.App.WithDb(db => db.Set<ZoneRotation>().Where(r => r.ZoneCode == "nord-milano")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, DateTime.UtcNow.AddYears(-2))));
        await fx.App.WithScope(async sp =>
        {
            await sp.GetServices<IRecurringJob>().OfType<CoordinatorHistoryJob>().Single().RunAsync(sp, CancellationToken.None);
            return 0;
        });
        var recorded = await fx.App.WithDb(db => db.Set<CoordinatorTerm>().AsNoTracking().Where(t => t.ZoneCode == "nord-milano").ToListAsync());
        var term = Assert.Single(recorded);
        Assert.Equal((cinisello, "Sindaco Cinisello", false), (term.IstatCode, term.MayorName, term.IsOverride));

        // …so ending that mayor's mandate afterwards does not rewrite who coordinates now.
        await fx.App.WithDb(db => db.Set<Mayor>().Where(m => m.IstatCode == cinisello)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TermEnd, Today.AddMonths(-24))));
        var afterEdit = await Coordinators("nord-milano");
        Assert.Equal((cinisello, true), (Istat(afterEdit.GetProperty("current")), afterEdit.GetProperty("current").GetProperty("recorded").GetBoolean()));
        Assert.Equal("Sindaco Cinisello", afterEdit.GetProperty("current").GetProperty("mayorName").GetString());
    }

    [Fact]
    public async Task Setting_a_rotation_needs_an_administrator_the_current_version_and_members_of_the_zone()
    {
        var admin = await fx.As(Demo.Admin);
        object body = new { termMonths = 6, startDate = "2025-01-01", order = new[] { "015182" } };
        await (await admin.PutJson("/api/v1/zones/nord-ovest/rotation", body, null)).ShouldBeProblem(428);
        await (await (await fx.As(Demo.ZoneCoordinator)).PutJson("/api/v1/zones/nord-ovest/rotation", body, await RotationETag("nord-ovest"))).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PutJson("/api/v1/zones/nord-ovest/rotation", body, await RotationETag("nord-ovest"))).ShouldBeProblem(401);

        // The demo seeds a rotation for Nord Ovest (its coordinator is the demo zone coordinator's Comune, ADR 0043):
        // the version read now is the one to send, whatever it is.
        var current = await RotationETag("nord-ovest");
        var version = int.Parse(current.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        var invalid = await (await admin.PutJson("/api/v1/zones/nord-ovest/rotation",
            new { termMonths = 0, startDate = "2025-01-01", order = new[] { "015182", Demo.Milano } }, current)).ShouldBeProblem(422);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("order", out _), invalid.ToString());
        Assert.True(invalid.GetProperty("errors").TryGetProperty("termMonths", out _), invalid.ToString());

        await (await admin.PutJson("/api/v1/zones/nord-ovest/rotation", body, current)).ShouldBe(HttpStatusCode.NoContent);
        var conflict = await (await admin.PutJson("/api/v1/zones/nord-ovest/rotation", body, current)).ShouldBeProblem(409);
        Assert.Equal(version + 1, conflict.GetProperty("currentVersion").GetInt32());
        await (await fx.App.Anonymous().GetAsync("/api/v1/zones/atlantide/rotation")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task The_rotation_page_orders_comuni_by_the_numbers_typed_without_javascript()
    {
        var admin = await fx.As(Demo.Admin);
        var form = await admin.Html("/zone/magentino-abbiatense/rotazione");
        Assert.Contains("Input.Slots[0].Position", form);
        var response = await admin.SubmitAsync("/zone/magentino-abbiatense/rotazione",
        [
            ("Version", "0"), ("Input.TermMonths", "18"), ("Input.StartDate", "2024-07-01"),
            ("Input.Slots[0].IstatCode", "015002"), ("Input.Slots[0].Position", "2"),
            ("Input.Slots[1].IstatCode", "015005"), ("Input.Slots[1].Position", "1"),
            ("Input.Slots[2].IstatCode", "015130"), ("Input.Slots[2].Position", ""),
        ], "Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rotation = await fx.App.Anonymous().GetJson("/api/v1/zones/magentino-abbiatense/rotation");
        Assert.Equal(["015005", "015002"], rotation.GetProperty("order").EnumerateArray().Select(s => s.GetProperty("istatCode").GetString()));
        Assert.Equal(18, rotation.GetProperty("termMonths").GetInt32());

        var duplicate = await admin.SubmitAsync("/zone/magentino-abbiatense/rotazione",
            [("Version", "1"), ("Input.TermMonths", "18"), ("Input.StartDate", "2024-07-01"),
             ("Input.Slots[0].IstatCode", "015002"), ("Input.Slots[0].Position", "1"), ("Input.Slots[1].IstatCode", "015005"), ("Input.Slots[1].Position", "1")], "Save");
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Le posizioni devono essere numeri interi diversi tra loro", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));

        var denied = await (await fx.As(Demo.ZoneCoordinator)).GetAsync("/zone/magentino-abbiatense/rotazione");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.ToString().Contains("accesso-negato") == true,
            $"Got {(int)denied.StatusCode} {denied.Headers.Location}");
    }
}
