using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>Associations of Comuni: public list and detail, administrators create and edit them (with
/// If-Match), members carry dates, and a Comune's page lists its associations.</summary>
public sealed class AssociationsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static object Union(string name, params string[] members) => new
    {
        name,
        kind = "unione",
        validFrom = "2015-01-01",
        functions = new[] { "Polizia locale", "Servizi sociali" },
        act = "Atto costitutivo di prova",
        members = members.Select((m, i) => new { istatCode = m, validFrom = i == 0 ? "2015-01-01" : null, validTo = (string?)null }).ToArray(),
    };

    private async Task<long> CreateAsync(object body)
    {
        var response = await (await fx.As(Demo.Admin)).PostAsync("/api/v1/associations", Http.JsonBody(body));
        var created = await response.ShouldBe(HttpStatusCode.Created);
        Assert.NotNull(response.Headers.Location);
        return created.GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_list_is_public_and_starts_empty_without_invented_examples()
    {
        // No association is seeded: none could be named with confidence from the shipped sources.
        Assert.Equal(0, await fx.App.WithDb(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(Association) && e.UserName == "sistema")));
        var html = await fx.App.Anonymous().Html("/associazioni");
        Assert.Contains("Associazioni di Comuni", html);
        await (await fx.App.Anonymous().GetAsync("/api/v1/associations")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_creates_an_association_that_the_list_the_detail_and_the_comune_page_show()
    {
        var id = await CreateAsync(Union("Unione di prova dei Comuni del Ticino", "015019", "015062"));

        var detail = await fx.App.Anonymous().GetJson($"/api/v1/associations/{id}");
        Assert.Equal(("unione", "Unione di prova dei Comuni del Ticino"), (detail.GetProperty("kind").GetString(), detail.GetProperty("name").GetString()));
        Assert.Equal(["Polizia locale", "Servizi sociali"], detail.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["Bernate Ticino", "Castano Primo"], members.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("2015-01-01", members[0].GetProperty("validFrom").GetString());

        var list = await fx.App.Anonymous().GetJson("/api/v1/associations?municipality=015062&kind=unione");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal(2, row.GetProperty("members").GetInt32());
        Assert.DoesNotContain((await fx.App.Anonymous().GetJson("/api/v1/associations?kind=consorzio")).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("id").GetInt64() == id);

        Assert.Contains("Unione di prova dei Comuni del Ticino", await fx.App.Anonymous().Html("/associazioni"));
        Assert.Contains("Polizia locale", await fx.App.Anonymous().Html($"/associazioni/{id}"));
        Assert.Contains($"/associazioni/{id}", await fx.App.Anonymous().Html("/comuni/015062"));
        Assert.Contains(await fx.App.WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Association)).ToListAsync()),
            e => e.Action == "create" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_edit_needs_the_current_version_and_replaces_the_members()
    {
        var id = await CreateAsync(Union("Convenzione di prova", "015007", "015038"));
        var admin = await fx.As(Demo.Admin);
        var etag = (await fx.App.Anonymous().GetAsync($"/api/v1/associations/{id}")).Headers.ETag!.ToString();

        await (await admin.PutJson($"/api/v1/associations/{id}", Union("Convenzione di prova", "015007"), null)).ShouldBeProblem(428);
        await (await admin.PutJson($"/api/v1/associations/{id}", Union("Convenzione di prova", "015007"), etag)).ShouldBe(HttpStatusCode.NoContent);
        var problem = await (await admin.PutJson($"/api/v1/associations/{id}", Union("Sovrascritta", "015038"), etag)).ShouldBeProblem(409);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());

        var detail = await fx.App.Anonymous().GetJson($"/api/v1/associations/{id}");
        Assert.Equal("Convenzione di prova", detail.GetProperty("name").GetString());
        Assert.Single(detail.GetProperty("members").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_associations_are_a_422_problem_naming_each_field()
    {
        var problem = await (await (await fx.As(Demo.Admin)).PostAsync("/api/v1/associations", Http.JsonBody(new
        {
            name = "",
            kind = "federazione",
            validFrom = "2020-01-01",
            validTo = "2019-01-01",
            members = new[] { new { istatCode = "999999" } },
        }))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "validTo", "members" })
        {
            Assert.True(errors.TryGetProperty(field, out _), problem.ToString());
        }
        await (await fx.App.Anonymous().GetAsync("/api/v1/associations?kind=federazione")).ShouldBeProblem(400);
        await (await fx.App.Anonymous().GetAsync("/api/v1/associations/999999")).ShouldBeProblem(404);
    }

    [Theory]
    [InlineData(Demo.RhoOfficer)]
    [InlineData(Demo.PlanOffice)]
    public async Task Only_administrators_create_associations(string email)
    {
        await (await (await fx.As(email)).PostAsync("/api/v1/associations", Http.JsonBody(Union("Non autorizzata", Demo.Rho)))).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PostAsync("/api/v1/associations", Http.JsonBody(Union("Non autorizzata", Demo.Rho)))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task The_pages_create_and_edit_an_association_without_javascript()
    {
        var admin = await fx.As(Demo.Admin);
        var created = await admin.SubmitAsync("/associazioni/nuova",
        [
            ("Input.Name", "Consorzio di prova dal modulo"), ("Input.Kind", "consorzio"), ("Input.ValidFrom", "2019-03-01"),
            ("Input.Functions", "Raccolta rifiuti\r\nIlluminazione pubblica"), ("Input.Act", ""),
            ("Input.Members[0].IstatCode", "015146"), ("Input.Members[0].ValidFrom", "2019-03-01"),
            ("Input.Members[1].IstatCode", "015182"), ("Input.Members[1].ValidFrom", ""),
            ("Input.Members[2].IstatCode", ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var id = long.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var detail = await fx.App.Anonymous().GetJson($"/api/v1/associations/{id}");
        Assert.Equal(["Raccolta rifiuti", "Illuminazione pubblica"], detail.GetProperty("functions").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(2, detail.GetProperty("members").GetArrayLength());

        var edited = await admin.SubmitAsync($"/associazioni/{id}/modifica",
        [
            ("Version", "1"), ("Input.Name", "Consorzio di prova dal modulo"), ("Input.Kind", "consorzio"), ("Input.Functions", "Raccolta rifiuti"),
            ("Input.Members[0].IstatCode", "015146"), ("Input.Members[1].IstatCode", "015182"), ("Input.Members[1].Remove", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Single((await fx.App.Anonymous().GetJson($"/api/v1/associations/{id}")).GetProperty("members").EnumerateArray());

        var empty = await admin.SubmitAsync("/associazioni/nuova", [("Input.Name", "Senza Comuni"), ("Input.Kind", "unione")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Indica almeno un Comune aderente.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));

        var denied = await (await fx.As(Demo.RhoOfficer)).GetAsync("/associazioni/nuova");
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.ToString().Contains("accesso-negato") == true,
            $"Got {(int)denied.StatusCode} {denied.Headers.Location}");
    }
}
