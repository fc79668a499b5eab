using System.Net;
using Metropoli.Funding.Import;
using Metropoli.Funding.Model;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Funding;

/// <summary>Funding through HTTP on the demo database: the real PNRR data loaded by the demo, the radar with the
/// reason of each rule, "bandi per te", the calls written by the funding office with 422 for bad input and nothing
/// half-saved, ETag/If-Match, the downloads and the pages.</summary>
// On PostgreSQL too: the import is one transaction, the lists and the radar run their queries on each provider.
[Trait("Database", "Both")]
public sealed class FundingApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static object Call(string title, object[]? rules = null, string? opensOn = "2030-01-10", string? closesOn = "2030-03-31") => new
    {
        title, issuer = "Città metropolitana di Milano", programme = "own", recipients = "Comuni", budget = 100000m,
        opensOn, closesOn, status = "open", rules = rules ?? [new { kind = "recipients", parameter = "Comuni" }],
    };

    [Fact]
    public async Task The_demo_loads_the_real_pnrr_projects_and_calls_with_their_attribution()
    {
        var anonymous = fx.App.Anonymous();
        var projects = await anonymous.GetJson("/api/v1/projects?limit=1");
        Assert.Equal(494, projects.GetProperty("total").GetInt32());
        var calls = await anonymous.GetJson("/api/v1/funding-calls?limit=1&q=PNRR-");
        Assert.Equal(245, calls.GetProperty("total").GetInt32());

        var response = await anonymous.GetAsync("/api/v1/projects/e81b21010100006");
        var project = await response.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("E81B21010100006", project.GetProperty("cup").GetString());
        Assert.Equal(150000m, project.GetProperty("totalCost").GetDecimal());
        Assert.Equal("Fonte: Italia Domani — open data PNRR", project.GetProperty("attribution").GetString());
        Assert.Equal("015105", project.GetProperty("comuni")[0].GetProperty("istatCode").GetString());
        await (await anonymous.GetAsync("/api/v1/projects/XXXXXXXXXXXXXXX")).ShouldBeProblem(404);

        var rho = await anonymous.GetJson("/api/v1/projects?municipality=015182&limit=200");
        Assert.True(rho.GetProperty("total").GetInt32() > 0);
        await (await anonymous.GetAsync("/api/v1/projects?municipality=abc")).ShouldBeProblem(400);
        await (await anonymous.GetAsync("/api/v1/funding-calls?sort=nope")).ShouldBeProblem(400);
    }

    [Fact]
    public async Task The_radar_gives_every_comune_with_the_reason_of_each_rule_and_the_zone_coverage()
    {
        var office = await fx.As(Demo.PlanOffice);
        var created = await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(Call($"Piccoli Comuni del Magentino {Guid.NewGuid():N}",
            [new { kind = "recipients", parameter = "Comuni" }, new { kind = "small-comune", parameter = "" }, new { kind = "zones", parameter = "magentino-abbiatense" }],
            opensOn: DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"), closesOn: DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"))))).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();

        var radar = await fx.App.Anonymous().GetJson($"/api/v1/funding-calls/{id}/eligibility");
        Assert.Equal(133, radar.GetProperty("comuni").GetInt32());
        var items = radar.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(133, items.Count);
        var rho = items.Single(i => i.GetProperty("istatCode").GetString() == Demo.Rho);
        Assert.False(rho.GetProperty("eligible").GetBoolean());
        Assert.Equal("small-comune", rho.GetProperty("excludedBy").GetString());
        Assert.Equal(3, rho.GetProperty("reasons").GetArrayLength());
        var milano = items.Single(i => i.GetProperty("istatCode").GetString() == Demo.Milano);
        Assert.Contains("zona", milano.GetProperty("reasons")[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        var eligible = items.Where(i => i.GetProperty("eligible").GetBoolean()).ToList();
        Assert.NotEmpty(eligible);
        Assert.All(eligible, i => Assert.True(i.GetProperty("population").GetInt32() < 5000));
        var zones = radar.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(eligible.Count, zones.Single(z => z.GetProperty("zoneCode").GetString() == "magentino-abbiatense").GetProperty("eligible").GetInt32());
        Assert.Equal(133, zones.Sum(z => z.GetProperty("comuni").GetInt32()));

        // "Bandi per te": on the page of an eligible Comune, not on Rho's.
        var smallIstat = eligible[0].GetProperty("istatCode").GetString();
        var title = created.GetProperty("title").GetString()!;
        Assert.Contains(title, await fx.App.Anonymous().Html($"/comuni/{smallIstat}"), StringComparison.Ordinal);
        var rhoPage = await fx.App.Anonymous().Html($"/comuni/{Demo.Rho}");
        Assert.DoesNotContain(title, rhoPage, StringComparison.Ordinal);
        Assert.Contains("Bandi per te", rhoPage, StringComparison.Ordinal);
        Assert.Contains("Rigenerazione urbana nei Comuni medi", rhoPage, StringComparison.Ordinal); // the demo call for 10,000–60,000 in Nord Ovest

        var page = await fx.App.Anonymous().Html($"/finanziamenti/bandi/{id}?esito=esclusi");
        Assert.Contains("Non è un piccolo Comune: 50.052 abitanti", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_answers_422_with_the_field_and_saves_nothing()
    {
        var office = await fx.As(Demo.PlanOffice);
        var title = $"Bando non valido {Guid.NewGuid():N}";
        async Task Refused(object body, string field)
        {
            var problem = await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(body))).ShouldBeProblem(422);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {problem}");
        }
        await Refused(Call(title, opensOn: "2030-05-01", closesOn: "2030-04-01"), "closesOn");
        await Refused(Call(title, [new { kind = "zones", parameter = "atlantide" }]), "rules[0]");
        await Refused(Call(title, [new { kind = "mountain", parameter = "" }]), "rules[0]");
        await Refused(new { title, issuer = "Ente", programme = "lotteria" }, "programme");
        await Refused(new { title, issuer = "Ente", programme = "own", partnersMin = 3, partnersMax = 1 }, "partnersMax");
        await Refused(new { title, issuer = "Ente", programme = "own", issuerTaxCode = "123" }, "issuerTaxCode");
        await Refused(new { title, issuer = "Ente", programme = "own", link = "javascript:alert(1)" }, "link");
        var none = await office.GetJson($"/api/v1/funding-calls?q={title}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        await (await (await fx.As(Demo.RhoOfficer)).PostAsync("/api/v1/funding-calls", Http.JsonBody(Call(title)))).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PostAsync("/api/v1/funding-calls", Http.JsonBody(Call(title)))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task An_edit_needs_the_current_version_and_replaces_the_rules()
    {
        var office = await fx.As(Demo.PlanOffice);
        var title = $"Bando da modificare {Guid.NewGuid():N}";
        var id = (await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(Call(title)))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var url = $"/api/v1/funding-calls/{id}";
        var etag = (await office.GetAsync(url)).Headers.ETag!.ToString();
        var body = Call(title + " bis", [new { kind = "comuni", parameter = "015182" }]);
        await (await office.PutJson(url, body, null)).ShouldBeProblem(428);
        await (await office.PutJson(url, body, etag)).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PutJson(url, body, etag)).ShouldBeProblem(409);
        var call = await office.GetJson(url);
        Assert.Equal(title + " bis", call.GetProperty("title").GetString());
        Assert.Equal("comuni", call.GetProperty("rules")[0].GetProperty("kind").GetString());
        var radar = await office.GetJson(url + "/eligibility");
        Assert.Equal(1, radar.GetProperty("eligible").GetInt32());
    }

    [Fact]
    public async Task The_pages_and_downloads_show_the_data_with_the_attribution()
    {
        var anonymous = fx.App.Anonymous();
        var home = await anonymous.Html("/finanziamenti");
        Assert.Contains("Fonte: Italia Domani — open data PNRR", home, StringComparison.Ordinal);
        Assert.Contains("/finanziamenti/progetti?mission=M1", home, StringComparison.Ordinal);
        var list = await anonymous.Html("/finanziamenti/progetti?municipality=015105");
        Assert.Contains("E81B21010100006", list, StringComparison.Ordinal);
        var detail = await anonymous.Html("/finanziamenti/progetti/E81B21010100006");
        Assert.Contains("GARBAGNATE", detail.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("150.000,00 €", detail, StringComparison.Ordinal);
        Assert.Contains("Fonte: Italia Domani", await anonymous.Html("/finanziamenti/bandi?programme=pnrr&status=awarded"), StringComparison.Ordinal);
        Assert.Contains("Progetti finanziati", await anonymous.Html("/zone/nord-ovest"), StringComparison.Ordinal);

        var csv = await anonymous.GetAsync("/finanziamenti/progetti/export.csv?mission=M1");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("cup,title,mission", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        var xlsx = await anonymous.GetAsync("/finanziamenti/bandi/export.csv?formato=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var office = await fx.App.SignedIn(Demo.PlanOffice);
        var title = $"Bando dal modulo {Guid.NewGuid():N}";
        var created = await office.SubmitAsync("/finanziamenti/bandi/nuovo", [("Input.Title", title), ("Input.Issuer", "Città metropolitana di Milano"),
            ("Input.Programme", "own"), ("Input.Status", "open"), ("Input.OpensOn", "2030-01-01"), ("Input.ClosesOn", "2030-02-01"), ("RulesText", "recipients: Comuni\nsmall-comune: 5000")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await office.Html(created.Headers.Location!.ToString());
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("Piccolo Comune", page, StringComparison.Ordinal);
        var refused = await office.SubmitAsync("/finanziamenti/bandi/nuovo", [("Input.Title", title), ("Input.Issuer", "Ente"), ("Input.Programme", "own"),
            ("Input.OpensOn", "2030-03-01"), ("Input.ClosesOn", "2030-02-01"), ("RulesText", "")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("La scadenza precede l&#x27;apertura.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reimport_is_idempotent_on_cup_and_a_file_with_one_bad_row_changes_nothing()
    {
        var files = PnrrImport.Embedded();
        var again = await fx.App.WithDb(db => PnrrImport.RunAsync(db, TimeProvider.System, files, default));
        var imported = Assert.IsType<FundingImportResult.Imported>(again);
        Assert.Equal((494, 0, 245, 0), (imported.Projects, imported.ProjectsAdded, imported.Calls, imported.CallsAdded));
        Assert.Equal(494, await fx.App.WithDb(db => db.Set<FundingProject>().CountAsync()));
        Assert.Equal(494, await fx.App.WithDb(db => db.Set<FundingProjectComune>().CountAsync()));

        // The first project renamed, and a row with a broken CUP: rejected with its line and column, nothing written.
        var lines = files.Projects!.Split('\n').ToList();
        lines[1] = lines[1].Replace("TEETHAN SPA", "RINOMINATO SPA", StringComparison.Ordinal);
        lines.Insert(2, lines[2].Replace("E41B21011710006", "E41B2101171000", StringComparison.Ordinal));
        var bad = files with { Projects = string.Join('\n', lines) };
        var rejected = Assert.IsType<FundingImportResult.Rejected>(await fx.App.WithDb(db => PnrrImport.RunAsync(db, TimeProvider.System, bad, default)));
        Assert.Contains(rejected.Errors, e => e.File == PnrrImport.ProjectsFile && e.Line == 3 && e.Column == "CUP");
        var title = await fx.App.WithDb(db => db.Set<FundingProject>().Where(p => p.Cup == "E81B21010100006").Select(p => p.Title).SingleAsync());
        Assert.Contains("TEETHAN SPA", title, StringComparison.Ordinal);
    }
}
