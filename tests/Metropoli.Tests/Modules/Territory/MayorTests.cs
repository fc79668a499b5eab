using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>A Comune's mayor: administrators and that Comune's own officer edit it, with If-Match on
/// the mandate's version ("0" before the first); a new mandate closes the previous one.</summary>
// On PostgreSQL too: mandates close by date, and the first save (version 0) is an insert race.
[Trait("Database", "Both")]
public sealed class MayorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static string Url(string istat) => $"/api/v1/municipalities/{istat}/mayor";

    private async Task<string> ETagOf(string istat)
    {
        var response = await fx.App.Anonymous().GetAsync(Url(istat));
        if (response.StatusCode == HttpStatusCode.NotFound) return "\"0\"";
        await response.ShouldBe(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    private static object Mayor(string name, string start, string? end = null, bool newTerm = false) =>
        new { name, termStart = start, termEnd = end, newTerm };

    [Fact]
    public async Task The_municipality_officer_edits_the_mayor_of_their_own_comune()
    {
        var officer = await fx.As(Demo.RhoOfficer);
        await (await officer.PutJson(Url(Demo.Rho), Mayor("Andrea Orlandi", "2020-09-21"), await ETagOf(Demo.Rho))).ShouldBe(HttpStatusCode.NoContent);
        await (await officer.PutJson(Url(Demo.Rho), Mayor("Andrea Orlandi", "2020-09-22", "2025-09-20"), await ETagOf(Demo.Rho))).ShouldBe(HttpStatusCode.NoContent);

        var mayor = await fx.App.Anonymous().GetJson(Url(Demo.Rho));
        Assert.Equal(("Andrea Orlandi", "2020-09-22", "2025-09-20"), (mayor.GetProperty("name").GetString(), mayor.GetProperty("termStart").GetString(), mayor.GetProperty("termEnd").GetString()));
        var detail = await fx.App.Anonymous().GetJson("/api/v1/municipalities/" + Demo.Rho);
        Assert.Equal("Andrea Orlandi", detail.GetProperty("mayor").GetProperty("name").GetString());
        Assert.Equal("nord-ovest", detail.GetProperty("zoneCode").GetString()); // the existing fields are still there
        Assert.Contains("Andrea Orlandi", await fx.App.Anonymous().Html("/comuni/" + Demo.Rho));
    }

    [Fact]
    public async Task The_municipality_officer_gets_403_for_any_other_comune()
    {
        var officer = await fx.As(Demo.RhoOfficer);
        await (await officer.PutJson(Url(Demo.Milano), Mayor("Nome Di Prova", "2021-10-18"), await ETagOf(Demo.Milano))).ShouldBeProblem(403);
        await (await officer.PutJson(Url("015081"), Mayor("Nome Di Prova", "2021-10-18"), await ETagOf("015081"))).ShouldBeProblem(403);
        var page = await officer.GetAsync($"/comuni/{Demo.Milano}/sindaco");
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("accesso-negato") == true,
            $"Got {(int)page.StatusCode} {page.Headers.Location}");
    }

    [Theory]
    [InlineData(Demo.Forum)]
    [InlineData(Demo.PlanOffice)]
    [InlineData(Demo.ZoneCoordinator)]
    public async Task Other_roles_cannot_edit_a_mayor(string email)
    {
        await (await (await fx.As(email)).PutJson(Url(Demo.Rho), Mayor("Nome Di Prova", "2021-10-18"), await ETagOf(Demo.Rho))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Administrators_edit_any_mayor_and_a_stale_version_is_a_409()
    {
        var admin = await fx.As(Demo.Admin);
        const string legnano = "015118";
        var first = await ETagOf(legnano);
        Assert.Equal("\"0\"", first);
        await (await admin.PutJson(Url(legnano), Mayor("Sindaca Di Prova", "2020-10-05"), first)).ShouldBe(HttpStatusCode.NoContent);
        var problem = await (await admin.PutJson(Url(legnano), Mayor("Sovrascrittura", "2020-10-05"), first)).ShouldBeProblem(409);
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        await (await admin.PutJson(Url(legnano), Mayor("Sovrascrittura", "2020-10-05"), null)).ShouldBeProblem(428);
        Assert.Equal("Sindaca Di Prova", (await fx.App.Anonymous().GetJson(Url(legnano))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_new_mandate_closes_the_previous_one_the_day_before()
    {
        var admin = await fx.As(Demo.Admin);
        const string magenta = "015130";
        await (await admin.PutJson(Url(magenta), Mayor("Primo Sindaco", "2017-06-26"), await ETagOf(magenta))).ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PutJson(Url(magenta), Mayor("Secondo Sindaco", "2022-06-27", newTerm: true), await ETagOf(magenta))).ShouldBe(HttpStatusCode.NoContent);

        var mandates = await fx.App.WithDb(db => db.Set<Mayor>().AsNoTracking().Where(m => m.IstatCode == magenta).OrderBy(m => m.TermStart).ToListAsync());
        Assert.Equal(2, mandates.Count);
        Assert.Equal(("Primo Sindaco", new DateOnly(2022, 6, 26)), (mandates[0].Name, mandates[0].TermEnd));
        Assert.Equal(("Secondo Sindaco", (DateOnly?)null), (mandates[1].Name, mandates[1].TermEnd));
        Assert.Equal("Secondo Sindaco", (await fx.App.Anonymous().GetJson(Url(magenta))).GetProperty("name").GetString());
        Assert.Contains(await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Mayor)).ToListAsync()),
            e => e.Action == "update" && e.After!.Contains("2022-06-26"));
    }

    [Theory]
    [InlineData("", "2020-01-01", null, false, "name")]
    [InlineData("Nome", null, null, false, "termStart")]
    [InlineData("Nome", "2020-01-01", "2019-12-31", false, "termEnd")]
    public async Task An_invalid_mayor_is_a_422_problem_naming_the_field(string name, string? start, string? end, bool newTerm, string field)
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await admin.PutJson(Url("015002"), new { name, termStart = start, termEnd = end, newTerm }, await ETagOf("015002"))).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_new_mandate_must_start_after_the_current_one()
    {
        var admin = await fx.As(Demo.Admin);
        const string abbiategrasso = "015002";
        await (await admin.PutJson(Url(abbiategrasso), Mayor("Sindaco Attuale", "2022-06-27"), await ETagOf(abbiategrasso))).ShouldBe(HttpStatusCode.NoContent);
        var problem = await (await admin.PutJson(Url(abbiategrasso), Mayor("Altro", "2022-06-27", newTerm: true), await ETagOf(abbiategrasso))).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("termStart", out _), problem.ToString());
    }

    [Fact]
    public async Task The_officer_edits_the_mayor_through_the_page_form()
    {
        var officer = await fx.As(Demo.RhoOfficer);
        var form = await officer.Html($"/comuni/{Demo.Rho}/sindaco");
        Assert.Contains("Input.TermStart", form);
        var version = (await ETagOf(Demo.Rho)).Trim('"');
        var fields = new List<(string, string)> { ("Version", version), ("Input.Name", "Sindaco Dal Modulo"), ("Input.TermStart", "2021-10-04"), ("Input.TermEnd", "") };
        if (version != "0") fields.Add(("Input.NewTerm", "false"));
        var response = await officer.SubmitAsync($"/comuni/{Demo.Rho}/sindaco", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mayor = await fx.App.Anonymous().GetJson(Url(Demo.Rho));
        Assert.Equal(("Sindaco Dal Modulo", "2021-10-04"), (mayor.GetProperty("name").GetString(), mayor.GetProperty("termStart").GetString()));

        var stale = await officer.SubmitAsync($"/comuni/{Demo.Rho}/sindaco", [("Version", version), ("Input.Name", "Troppo Tardi"), ("Input.TermStart", "2021-10-04")]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Nel frattempo un altro utente ha modificato il sindaco", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
    }
}
