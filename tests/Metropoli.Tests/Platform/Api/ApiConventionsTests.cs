using System.Net;
using System.Text;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Api;

/// <summary>The ModI conventions: collection envelope, limit/offset/sort/q, problem+json for every
/// error (never a 500), camelCase JSON, OpenAPI 3 and /status.</summary>
// On PostgreSQL too: platform smoke: paging, sorting and q search (case, NUL) are translated per provider.
[Trait("Database", "Both")]
public sealed class ApiConventionsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private HttpClient Anonymous => fx.App.Anonymous();

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Theory]
    [InlineData(Demo.Admin, "/api/v1/municipalities")]
    [InlineData(Demo.Admin, "/api/v1/zones")]
    [InlineData(Demo.Admin, "/api/v1/users")]
    [InlineData(Demo.Admin, "/api/v1/access-tokens")]
    [InlineData(Demo.Admin, "/api/v1/audit-entries")]
    public async Task Collections_are_wrapped_in_items_total_limit_offset(string email, string path)
    {
        // Tokens are listed from a signed-in session only (issue 18, point 13).
        var client = path.EndsWith("/access-tokens", StringComparison.Ordinal) ? await fx.App.SignedInApi(email) : await fx.As(email);
        var page = await client.GetJson(path);
        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        Assert.True(page.GetProperty("total").GetInt32() >= page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("limit").GetInt32() >= 0);
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Municipalities_default_to_the_first_20_of_133()
    {
        var page = await Anonymous.GetJson("/api/v1/municipalities");
        Assert.Equal(133, page.GetProperty("total").GetInt32());
        Assert.Equal(20, page.GetProperty("limit").GetInt32());
        Assert.Equal(20, Items(page).Count);
        var zones = await Anonymous.GetJson("/api/v1/zones");
        Assert.Equal(8, zones.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Limit_and_offset_page_through_a_stable_order()
    {
        var ten = Items(await Anonymous.GetJson("/api/v1/municipalities?sort=istatCode&limit=10"));
        var second = await Anonymous.GetJson("/api/v1/municipalities?sort=istatCode&limit=5&offset=5");
        Assert.Equal(5, second.GetProperty("limit").GetInt32());
        Assert.Equal(5, second.GetProperty("offset").GetInt32());
        Assert.Equal(ten.Skip(5).Select(Code), Items(second).Select(Code));
        var last = await Anonymous.GetJson("/api/v1/municipalities?limit=200&offset=130");
        Assert.Equal(3, Items(last).Count);
        Assert.Equal(133, last.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Sort_orders_ascending_and_with_a_minus_descending()
    {
        var desc = Items(await Anonymous.GetJson("/api/v1/municipalities?sort=-population&limit=200"));
        Assert.Equal(Demo.Milano, Code(desc[0]));
        var populations = desc.Select(m => m.GetProperty("population").GetInt32()).ToList();
        Assert.Equal(populations.OrderByDescending(p => p), populations);
        var asc = Items(await Anonymous.GetJson("/api/v1/municipalities?sort=istatCode&limit=200")).Select(Code).ToList();
        Assert.Equal(asc.Order(StringComparer.Ordinal), asc);
    }

    [Fact]
    public async Task Q_finds_by_name_or_istat_code()
    {
        var byName = Items(await Anonymous.GetJson("/api/v1/municipalities?q=RHO"));
        Assert.Contains(byName, m => Code(m) == Demo.Rho);
        var byCode = Items(await Anonymous.GetJson("/api/v1/municipalities?q=015182"));
        Assert.Equal([Demo.Rho], byCode.Select(Code));
        var none = await Anonymous.GetJson("/api/v1/municipalities?q=nessun-comune-si-chiama-cosi");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Zone_and_population_filters_narrow_the_list()
    {
        var zone = await Anonymous.GetJson("/api/v1/municipalities?zone=nord-ovest&limit=200");
        var inZone = Items(zone);
        Assert.InRange(inZone.Count, 1, 132);
        Assert.All(inZone, m => Assert.Equal("nord-ovest", m.GetProperty("zoneCode").GetString()));
        Assert.Contains(inZone, m => Code(m) == Demo.Rho);

        var range = Items(await Anonymous.GetJson("/api/v1/municipalities?minPopulation=30000&maxPopulation=60000&limit=200"));
        Assert.NotEmpty(range);
        Assert.All(range, m => Assert.InRange(m.GetProperty("population").GetInt32(), 30000, 60000));
        var all = Items(await Anonymous.GetJson("/api/v1/municipalities?limit=200"));
        Assert.Equal(all.Count(m => m.GetProperty("population").GetInt32() is >= 30000 and <= 60000), range.Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("sort=altitudine", "sort")]
    [InlineData("sort=-", "sort")]
    [InlineData("minPopulation=-5", "minPopulation")]
    [InlineData("minPopulation=10&maxPopulation=5", "minPopulation")]
    public async Task Invalid_list_parameters_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        var problem = await (await Anonymous.GetAsync("/api/v1/municipalities?" + query)).ShouldBeProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors does not name {parameter}: {problem}");
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("offset=1.5")]
    [InlineData("minPopulation=tanti")]
    public async Task Unparseable_list_parameters_are_400_problems(string query)
    {
        await (await Anonymous.GetAsync("/api/v1/municipalities?" + query)).ShouldBeProblem(400);
    }

    [Fact]
    public async Task An_unknown_sort_on_another_collection_is_also_400()
    {
        await (await (await fx.As(Demo.Admin)).GetAsync("/api/v1/users?sort=password")).ShouldBeProblem(400);
    }

    [Theory]
    [InlineData("/api/v1/non-esiste")]
    [InlineData("/api/v2/municipalities")]
    [InlineData("/api/v1/municipalities/999999")]
    [InlineData("/api/v1/zones/atlantide")]
    public async Task Unknown_paths_and_records_are_404_problems(string path)
    {
        await (await Anonymous.GetAsync(path)).ShouldBeProblem(404);
        await (await (await fx.As(Demo.Admin)).GetAsync(path)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await (await Anonymous.DeleteAsync("/api/v1/zones")).ShouldBeProblem(405);
        var admin = await fx.As(Demo.Admin);
        await (await admin.PostAsync("/api/v1/me", Http.JsonBody(new { }))).ShouldBeProblem(405);
        await (await admin.PatchAsync("/api/v1/municipalities/015182", Http.JsonBody(new { }))).ShouldBeProblem(405);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var admin = await fx.As(Demo.Admin);
        var response = await admin.PostAsync("/api/v1/access-tokens", new StringContent("name=ci", Encoding.UTF8, "text/plain"));
        await response.ShouldBeProblem(415);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_says_where()
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await admin.PostAsync("/api/v1/access-tokens", Http.RawJson("{\"name\": \"ci\", "))).ShouldBeProblem(400);
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.Contains("JSON", detail);
        Assert.True(detail.Length > 15, $"detail is not useful: {detail}");
        Assert.Equal("/api/v1/access-tokens", problem.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("{\"name\": 123}")]
    [InlineData("{\"name\": \"ci\", \"expiresInDays\": \"trenta\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"solo testo\"")]
    public async Task Json_of_the_wrong_shape_is_a_400_problem(string json)
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await admin.PostAsync("/api/v1/access-tokens", Http.RawJson(json))).ShouldBeProblem(400);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_empty_body_where_one_is_required_is_a_4xx_problem_not_a_500()
    {
        var admin = await fx.As(Demo.Admin);
        var response = await admin.PostAsync("/api/v1/access-tokens", Http.RawJson(""));
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_is_camel_case_and_dates_are_rfc3339()
    {
        var response = await Anonymous.GetAsync("/api/v1/municipalities/015182");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var m = await response.ShouldBe(HttpStatusCode.OK);
        var names = m.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("istatCode", names);
        Assert.Contains("zoneName", names);
        Assert.All(names, n => Assert.True(char.IsLower(n[0]), $"{n} is not camelCase"));
        Assert.Equal(Demo.Rho, m.GetProperty("istatCode").GetString());
        Assert.Equal("Rho", m.GetProperty("name").GetString());
        var updatedAt = m.GetProperty("updatedAt").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", updatedAt);
    }

    [Fact]
    public async Task Istat_codes_keep_their_leading_zeros()
    {
        var items = Items(await Anonymous.GetJson("/api/v1/municipalities?limit=200"));
        Assert.All(items, m => Assert.Matches("^0\\d{5}$", Code(m)));
    }

    [Fact]
    public async Task The_openapi_document_is_openapi_3_and_describes_the_api()
    {
        var doc = await Anonymous.GetJson("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/municipalities", paths);
        Assert.Contains("/api/v1/municipalities/{istatCode}/contacts", paths);
        Assert.Contains("/status", paths);
        Assert.All(paths, p => Assert.True(p == "/status" || p.StartsWith("/api/v1/", StringComparison.Ordinal), $"{p} is not a versioned API path"));
        Assert.All(paths, p => Assert.Matches("^[a-z0-9/{}\\-]+$", p.Replace("{istatCode}", "{x}").Replace("{id}", "{x}").Replace("{code}", "{x}")));
    }

    [Fact]
    public async Task Status_answers_200_json_when_healthy()
    {
        var response = await Anonymous.GetAsync("/status");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("ok", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_NUL_character_in_a_text_is_a_400_problem_and_nothing_is_saved_on_either_database()
    {
        // Found by the hostile-input generator: PostgreSQL cannot store NUL and answered 500.
        var sector = await fx.As(Demo.Sector);
        var title = "Intesa con NUL " + Guid.NewGuid().ToString("N");
        var saved = await sector.PostAsync("/api/v1/agreements", Http.JsonBody(new { title = title + "\u0000", type = "pact" }));
        var problem = await saved.ShouldBeProblem(400);
        Assert.Contains("NUL", problem.GetProperty("detail").GetString());
        var search = await (await sector.GetAsync("/api/v1/agreements?q=" + Uri.EscapeDataString(title))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        // In a query parameter too: a 400, not a database error.
        var query = await sector.GetAsync("/api/v1/agreements?q=a%00b");
        Assert.True((int)query.StatusCode < 500, $"q with NUL: {(int)query.StatusCode}");
    }

    private static string Code(JsonElement m) => m.GetProperty("istatCode").GetString()!;
}
