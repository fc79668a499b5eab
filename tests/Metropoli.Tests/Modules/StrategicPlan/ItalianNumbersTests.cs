using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Metropoli.Platform.Auth;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Issue 18.1: numbers typed by people follow the reader's rule (in Italian "26.000" is twenty-six
/// thousand, not 26), a value that could be read two ways is refused with both readings, CSV files declare
/// their format, and the JSON API takes JSON numbers only.</summary>
public sealed class ItalianNumbersTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    private async Task<(long Id, long Plan, string Code)> IndicatorAsync()
    {
        var (plan, action) = await fx.App.WithDb(async db =>
        {
            var r = await (from a in db.Set<PlanAction>()
                           join p in db.Set<Plan>() on a.PlanId equals p.Id
                           where p.Name == PlanDemo.CurrentName && a.OwnerSector == "ambiente"
                           orderby a.Id
                           select new { a.PlanId, a.Id }).FirstAsync();
            return (r.PlanId, r.Id);
        });
        var code = "N" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var office = await fx.As(Demo.PlanOffice);
        var created = await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = action, code, name = "Alberi messi a dimora (numeri)", unit = "numero", direction = "increase",
            baselineValue = 1000, baselineYear = 2022, frequency = "annual", source = "Settore ambiente",
            targets = new[] { new { year = 2024, value = 11000 } },
        }))).ShouldBe(HttpStatusCode.Created);
        return (created.GetProperty("id").GetInt64(), plan, code);
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = fx.App.Anonymous();
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private Task<List<decimal>> ValuesAsync(long indicator) =>
        fx.App.WithDb(db => db.Set<Measurement>().Where(m => m.IndicatorId == indicator).Select(m => m.Value).ToListAsync());

    [Fact]
    public async Task The_form_reads_26_000_as_twenty_six_thousand_and_refuses_12_5_naming_both_readings()
    {
        var (id, _, _) = await IndicatorAsync();
        var sector = await SignedIn(Demo.Sector);

        var form = await sector.Html($"/piano/indicatori/{id}/misurazioni/nuova");
        Assert.Contains("26.000 · 1.234,5 · 0,75", form);

        var ambiguous = await sector.SubmitAsync($"/piano/indicatori/{id}/misurazioni/nuova", [("Input.Period", "2023"), ("Input.Value", "12.5")]);
        Assert.Equal(HttpStatusCode.OK, ambiguous.StatusCode);
        var html = WebUtility.HtmlDecode(await ambiguous.Content.ReadAsStringAsync());
        Assert.Contains("«12.5» si può leggere in due modi, 12,5 oppure 125", html);
        Assert.Empty(await ValuesAsync(id));

        var ok = await sector.SubmitAsync($"/piano/indicatori/{id}/misurazioni/nuova", [("Input.Period", "2023"), ("Input.Value", "26.000")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var thousands = await sector.SubmitAsync($"/piano/indicatori/{id}/misurazioni/nuova", [("Input.Period", "2024"), ("Input.Value", "1.234,5")]);
        Assert.Equal(HttpStatusCode.Redirect, thousands.StatusCode);
        Assert.Equal([1234.5m, 26000m], (await ValuesAsync(id)).Order());
    }

    [Fact]
    public async Task In_English_the_comma_groups_thousands()
    {
        var (id, _, _) = await IndicatorAsync();
        var sector = await SignedIn(Demo.Sector);
        await sector.GetAsync("/lingua?cultura=en&ritorno=%2F");
        var ok = await sector.SubmitAsync($"/piano/indicatori/{id}/misurazioni/nuova", [("Input.Period", "2023"), ("Input.Value", "26,000")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal([26000m], await ValuesAsync(id));
    }

    [Fact]
    public async Task The_json_api_takes_json_numbers_only()
    {
        var (id, _, _) = await IndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var asString = new StringContent("""{"period":"2023","value":"26.000"}""", Encoding.UTF8, "application/json");
        await (await office.PostAsync($"/api/v1/indicators/{id}/measurements", asString)).ShouldBeProblem(400);
        Assert.Empty(await ValuesAsync(id));
        var asNumber = new StringContent("""{"period":"2023","value":26000}""", Encoding.UTF8, "application/json");
        await (await office.PostAsync($"/api/v1/indicators/{id}/measurements", asNumber)).ShouldBe(HttpStatusCode.Created);

        // The document no longer says every number may be a string.
        using var doc = JsonDocument.Parse(await fx.App.Anonymous().GetStringAsync("/openapi/v1.json"));
        var value = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("MeasurementRequest").GetProperty("properties").GetProperty("value");
        Assert.DoesNotContain("string", value.ToString(), StringComparison.Ordinal);
    }

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task A_csv_import_reads_its_declared_format_and_refuses_what_could_be_read_two_ways()
    {
        var (id, plan, code) = await IndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var file = $"indicator_code,period,value,note\n{code},2023,\"26.000\",\n{code},2024,\"1.234,5\",\n";

        var undeclared = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(file))).ShouldBeProblem(422);
        var error = Assert.Single(undeclared.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("value", error.GetProperty("column").GetString());
        Assert.Contains("26.000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("26", error.GetProperty("message").GetString()!.Replace("26.000", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await ValuesAsync(id));

        await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}&numbers=fr", Csv(file))).ShouldBeProblem(400);

        await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}&numbers=it", Csv(file))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([1234.5m, 26000m], (await ValuesAsync(id)).Order());
    }

    [Fact]
    public async Task An_import_refused_on_the_page_lists_its_errors_in_the_readers_language()
    {
        var (id, plan, code) = await IndicatorAsync();
        var office = await SignedIn(Demo.PlanOffice);
        await office.GetAsync("/lingua?cultura=en&ritorno=%2F");
        var token = await office.AntiforgeryTokenAsync("/piano/misurazioni/importa");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(plan.ToString(System.Globalization.CultureInfo.InvariantCulture)), "PlanId" },
            { new StringContent("en"), "Numbers" },
        };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"indicator_code,period,value,note\n{code},2023,\"1,250\",\nZZ9,2023,5,\n{code},2024,abc,\n")), "Upload", "valori.csv");
        var response = await office.PostAsync("/piano/misurazioni/importa", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The plan has no indicator with code ZZ9.", html);
        Assert.Contains("“abc” is not a number", html);
        Assert.DoesNotContain("non è un numero", html);
        Assert.DoesNotContain("Nel piano non c'è", html);
        Assert.Empty(await ValuesAsync(id));
    }
}
