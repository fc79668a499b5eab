using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Territory.ZoneCompositionTests;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>Moving a Comune to another zone: today's counts change, yesterday's do not; the history,
/// the current zone and the audit trail change together; only administrators, with an act and the
/// current version. Each test moves a different Comune so their order does not matter.</summary>
// On PostgreSQL too: history by validity dates: date comparisons in SQL.
[Trait("Database", "Both")]
public sealed class ZoneMoveTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Cologno = "015081";
    private static DateOnly Today => CivilClock.Today(TimeProvider.System);

    private static string Memberships(string istat) => $"/api/v1/municipalities/{istat}/zone-memberships";

    private async Task<string> ETagOf(string istat)
    {
        var response = await fx.App.Anonymous().GetAsync(Memberships(istat));
        await response.ShouldBe(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private static object Move(string zone, DateOnly? from, string? act = "Delibera del Consiglio metropolitano n. 99 di prova", bool correction = false) =>
        new { zoneCode = zone, validFrom = from is { } d ? TerritoryDates.Iso(d) : null, act, correction };

    private static Task<HttpResponseMessage> PostJson(HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Moving_cologno_monzese_today_changes_todays_counts_but_not_yesterdays()
    {
        var anonymous = fx.App.Anonymous();
        var admin = await fx.As(Demo.Admin);
        var yesterday = Today.AddDays(-1);

        var response = await PostJson(admin, Memberships(Cologno), Move("nord-milano", Today), await ETagOf(Cologno));
        await response.ShouldBe(HttpStatusCode.NoContent);
        Assert.NotNull(response.Headers.ETag);

        var todaySizes = Sizes(await anonymous.GetJson("/api/v1/zones?date=" + Iso(Today)));
        var yesterdaySizes = Sizes(await anonymous.GetJson("/api/v1/zones?date=" + Iso(yesterday)));
        var currentSizes = Sizes(await anonymous.GetJson("/api/v1/zones"));
        Assert.Equal((28, 7), (todaySizes["adda-martesana"], todaySizes["nord-milano"]));
        Assert.Equal((29, 6), (yesterdaySizes["adda-martesana"], yesterdaySizes["nord-milano"]));
        Assert.Equal((28, 7), (currentSizes["adda-martesana"], currentSizes["nord-milano"]));
        Assert.Equal(133, todaySizes.Values.Sum());
        Assert.Equal(133, yesterdaySizes.Values.Sum());

        static IEnumerable<string> Members(JsonElement zone) => zone.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("istatCode").GetString()!);
        Assert.Contains(Cologno, Members(await anonymous.GetJson("/api/v1/zones/nord-milano?date=" + Iso(Today))));
        Assert.DoesNotContain(Cologno, Members(await anonymous.GetJson("/api/v1/zones/nord-milano?date=" + Iso(yesterday))));
        Assert.Contains(Cologno, Members(await anonymous.GetJson("/api/v1/zones/adda-martesana?date=" + Iso(yesterday))));

        // The list of Comuni filters on the current zone.
        var inNordMilano = await anonymous.GetJson("/api/v1/municipalities?zone=nord-milano&limit=200");
        Assert.Contains(inNordMilano.GetProperty("items").EnumerateArray(), m => m.GetProperty("istatCode").GetString() == Cologno);
        var detail = await anonymous.GetJson("/api/v1/municipalities/" + Cologno);
        Assert.Equal(("nord-milano", ZoneSources.Corrected), (detail.GetProperty("zoneCode").GetString(), detail.GetProperty("zoneSource").GetString()));

        var history = (await anonymous.GetJson(Memberships(Cologno))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(("nord-milano", Iso(Today), JsonValueKind.Null), (history[0].GetProperty("zoneCode").GetString(), history[0].GetProperty("validFrom").GetString(), history[0].GetProperty("validTo").ValueKind));
        Assert.Equal("Delibera del Consiglio metropolitano n. 99 di prova", history[0].GetProperty("act").GetString());
        Assert.Equal(("adda-martesana", Iso(yesterday)), (history[1].GetProperty("zoneCode").GetString(), history[1].GetProperty("validTo").GetString()));
    }

    [Fact]
    public async Task A_move_is_audited_with_who_did_it()
    {
        const string paullo = "015169";
        var admin = await fx.As(Demo.Admin);
        await (await PostJson(admin, Memberships(paullo), Move("sud-ovest", Today.AddDays(-10)), await ETagOf(paullo))).ShouldBe(HttpStatusCode.NoContent);

        var entries = await fx.App.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.UserName == Demo.Admin && (e.EntityType == nameof(ZoneMembership) || (e.EntityType == nameof(Municipality) && e.EntityId == paullo)))
            .ToListAsync());
        Assert.Contains(entries, e => e.EntityType == nameof(ZoneMembership) && e.Action == "update" && e.After!.Contains(paullo) && e.After.Contains(Iso(Today.AddDays(-11))));
        Assert.Contains(entries, e => e.EntityType == nameof(ZoneMembership) && e.Action == "create" && e.After!.Contains(paullo) && e.After.Contains("sud-ovest"));
        Assert.Contains(entries, e => e.EntityType == nameof(Municipality) && e.Action == "update" && e.After!.Contains("sud-ovest"));
    }

    [Fact]
    public async Task A_correction_rewrites_the_assignment_for_every_date_without_inventing_history()
    {
        const string carpiano = "015050"; // Sud Est, "derived"
        var admin = await fx.As(Demo.Admin);
        var before = Sizes(await fx.App.Anonymous().GetJson("/api/v1/zones?date=2020-01-01"));
        await (await PostJson(admin, Memberships(carpiano), Move("sud-ovest", null, "Verifica dell'ufficio: assegnazione del seed errata", correction: true),
            await ETagOf(carpiano))).ShouldBe(HttpStatusCode.NoContent);

        var after = Sizes(await fx.App.Anonymous().GetJson("/api/v1/zones?date=2020-01-01"));
        Assert.Equal(before["sud-est"] - 1, after["sud-est"]);
        Assert.Equal(before["sud-ovest"] + 1, after["sud-ovest"]);
        var history = (await fx.App.Anonymous().GetJson(Memberships(carpiano))).GetProperty("items");
        var only = Assert.Single(history.EnumerateArray());
        Assert.Equal(("sud-ovest", "2016-01-01", ZoneSources.Corrected), (only.GetProperty("zoneCode").GetString(), only.GetProperty("validFrom").GetString(), only.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Confirming_an_assignment_marks_its_source_confirmed()
    {
        const string cerro = "015071"; // Sud Est, "derived"
        var admin = await fx.As(Demo.Admin);
        var request = new HttpRequestMessage(HttpMethod.Post, Memberships(cerro) + "/confirmation");
        request.Headers.TryAddWithoutValidation("If-Match", await ETagOf(cerro));
        await (await admin.SendAsync(request)).ShouldBe(HttpStatusCode.NoContent);
        var detail = await fx.App.Anonymous().GetJson("/api/v1/municipalities/" + cerro);
        Assert.Equal(("sud-est", ZoneSources.Confirmed), (detail.GetProperty("zoneCode").GetString(), detail.GetProperty("zoneSource").GetString()));
    }

    [Theory]
    [InlineData("nord-ovest", 0, "atto", "zoneCode")]       // Rho is already there
    [InlineData("atlantide", 0, "atto", "zoneCode")]
    [InlineData("sud-ovest", 1, "atto", "validFrom")]       // tomorrow
    [InlineData("sud-ovest", null, "atto", "validFrom")]
    [InlineData("sud-ovest", -4000, "atto", "validFrom")]   // before the current membership started
    [InlineData("sud-ovest", 0, "  ", "act")]
    public async Task An_invalid_move_is_a_422_problem_naming_the_field_and_changes_nothing(string zone, int? days, string act, string field)
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await PostJson(admin, Memberships(Demo.Rho), Move(zone, days is { } d ? Today.AddDays(d) : null, act), await ETagOf(Demo.Rho))).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("nord-ovest", (await fx.App.Anonymous().GetJson("/api/v1/municipalities/" + Demo.Rho)).GetProperty("zoneCode").GetString());
    }

    [Fact]
    public async Task A_move_needs_the_current_version()
    {
        var admin = await fx.As(Demo.Admin);
        await (await PostJson(admin, Memberships(Demo.Rho), Move("sud-ovest", Today), null)).ShouldBeProblem(428);
        var problem = await (await PostJson(admin, Memberships(Demo.Rho), Move("sud-ovest", Today), "\"999\"")).ShouldBeProblem(409);
        Assert.Equal(int.Parse((await ETagOf(Demo.Rho)).Trim('"'), System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("currentVersion").GetInt32());
    }

    [Theory]
    [InlineData(Demo.RhoOfficer)]
    [InlineData(Demo.PlanOffice)]
    [InlineData(Demo.ZoneCoordinator)]
    public async Task Only_administrators_move_comuni(string email)
    {
        await (await PostJson(await fx.As(email), Memberships(Demo.Rho), Move("sud-ovest", Today), await ETagOf(Demo.Rho))).ShouldBeProblem(403);
        await (await PostJson(fx.App.Anonymous(), Memberships(Demo.Rho), Move("sud-ovest", Today), await ETagOf(Demo.Rho))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task The_zone_page_moves_a_comune_through_its_form()
    {
        const string nosate = "015155"; // Alto Milanese
        var admin = await fx.As(Demo.Admin);
        var form = await admin.Html($"/comuni/{nosate}/zona");
        Assert.Contains("Sposta in un'altra zona", form);
        Assert.Contains("Conferma la zona", form);

        var version = (await ETagOf(nosate)).Trim('"');
        var unconfirmed = await admin.SubmitAsync($"/comuni/{nosate}/zona",
            [("Version", version), ("Input.ZoneCode", "magentino-abbiatense"), ("Input.Correction", "false"), ("Input.ValidFrom", Iso(Today.AddDays(-3))), ("Input.Act", "Delibera di prova")], "Move");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode); // the form again, asking for the confirmation
        Assert.Contains("Spunta la conferma per procedere.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));

        var moved = await admin.SubmitAsync($"/comuni/{nosate}/zona",
            [("Version", version), ("Input.ZoneCode", "magentino-abbiatense"), ("Input.Correction", "false"), ("Input.ValidFrom", Iso(Today.AddDays(-3))), ("Input.Act", "Delibera di prova"), ("Confirm", "true")], "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var history = (await fx.App.Anonymous().GetJson(Memberships(nosate))).GetProperty("items");
        Assert.Equal(Iso(Today.AddDays(-3)), history[0].GetProperty("validFrom").GetString());

        // The Comune page now shows the history to everyone.
        Assert.Contains("Storia delle zone", await fx.App.Anonymous().Html("/comuni/" + nosate));
    }

    [Fact]
    public async Task The_zone_page_is_for_administrators_only()
    {
        var response = await (await fx.As(Demo.RhoOfficer)).GetAsync($"/comuni/{Demo.Rho}/zona");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("accesso-negato") == true,
            $"Got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("Conferma o cambia la zona", await (await fx.As(Demo.Admin)).Html("/comuni/" + Demo.Rho));
        Assert.DoesNotContain("Conferma o cambia la zona", await (await fx.As(Demo.RhoOfficer)).Html("/comuni/" + Demo.Rho));
    }
}
