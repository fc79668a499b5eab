using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan;
using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>The plan dashboard (page and API): its numbers equal a direct count, the territorial filters
/// narrow them, only validated measurements move them, and a draft stays invisible.</summary>
// On PostgreSQL too: the dashboard read model counts in SQL.
[Trait("Database", "Both")]
public sealed class DashboardTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    private Task<long> DemoPlanId(string name) =>
        fx.App.WithDb(db => db.Set<Plan>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private static int Count(JsonElement list, string status) =>
        list.EnumerateArray().Where(s => s.GetProperty("status").GetString() == status).Sum(s => s.GetProperty("count").GetInt32());

    private static Task<HttpResponseMessage> PostWithVersion(HttpClient client, string url, int version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Counts_equal_a_direct_count_of_the_database()
    {
        var plan = await DemoPlanId(PlanDemo.CurrentName);
        var today = CivilClock.Today(TimeProvider.System);
        var actions = await fx.App.WithDb(db => db.Set<PlanAction>().Where(a => a.PlanId == plan)
            .Select(a => new { a.Status, a.EndDate, a.Progress }).ToListAsync());
        var dashboard = await fx.App.Anonymous().GetJson($"/api/v1/plans/{plan}/dashboard");

        Assert.Equal(actions.Count, dashboard.GetProperty("actions").GetInt32());
        foreach (var status in ActionStatuses.All)
        {
            Assert.Equal(actions.Count(a => a.Status == status), Count(dashboard.GetProperty("actionsByStatus"), status));
            Assert.Equal(actions.Count(a => a.Status == status),
                dashboard.GetProperty("areas").EnumerateArray().Sum(a => Count(a.GetProperty("byStatus"), status)));
        }
        Assert.Equal(actions.Count(a => PlanDashboard.IsLate(a.Status, a.EndDate, today)), dashboard.GetProperty("lateActions").GetArrayLength());
        var indicators = await fx.App.WithDb(db => db.Set<Indicator>().CountAsync(i => i.PlanId == plan));
        Assert.Equal(indicators, dashboard.GetProperty("indicators").GetArrayLength());
        Assert.Equal(indicators, dashboard.GetProperty("indicatorsByStatus").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()));

        var page = await fx.App.Anonymous().GetAsync($"/piano/{plan}/cruscotto");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html.Split("<svg")[1], StringComparison.Ordinal);
    }

    /// <summary>Issue 18.2: "late" was two things (14 on the tile, 1 on the chart). Two named measures, the same
    /// figures on the dashboard (page and API), the Comune page and the report's summary, each with its definition.</summary>
    [Fact]
    public async Task Declared_late_and_past_the_end_date_are_two_named_measures_with_the_same_figures_everywhere()
    {
        var plan = await DemoPlanId(PlanDemo.CurrentName);
        var today = CivilClock.Today(TimeProvider.System);
        var actions = await fx.App.WithDb(db => db.Set<PlanAction>().Where(a => a.PlanId == plan)
            .Select(a => new { a.Status, a.EndDate }).ToListAsync());
        var declared = actions.Count(a => a.Status == ActionStatuses.Late);
        var pastEnd = actions.Count(a => a.EndDate < today && a.Status != ActionStatuses.Completed && a.Status != ActionStatuses.Suspended);
        Assert.NotEqual(declared, pastEnd); // the demo has both kinds, so a figure shown under the wrong name is caught

        var dashboard = await fx.App.Anonymous().GetJson($"/api/v1/plans/{plan}/dashboard");
        Assert.Equal(declared, dashboard.GetProperty("declaredLate").GetInt32());
        Assert.Equal(declared, Count(dashboard.GetProperty("actionsByStatus"), ActionStatuses.Late));
        Assert.Equal(pastEnd, dashboard.GetProperty("pastEnd").GetInt32());

        static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ").Replace("&#xA0;", " ", StringComparison.Ordinal) is var t ? WebUtility.HtmlDecode(t) : "", @"\s+", " ");
        var page = Text(await fx.App.Anonymous().Html($"/piano/{plan}/cruscotto"));
        Assert.Contains($"{declared} {Lateness.DeclaredName} {Lateness.DeclaredDefinition}", page);
        Assert.Contains($"{pastEnd} {Lateness.PastEndName} {Lateness.PastEndDefinition}", page);
        Assert.DoesNotContain("Azioni in ritardo", page);

        // A Comune with actions of the plan: its figures under the same names.
        var code = Demo.Rho;
        var comune = await fx.App.Anonymous().GetJson($"/api/v1/plans/{plan}/dashboard?municipality={code}");
        var comunePage = Text(await fx.App.Anonymous().Html($"/comuni/{code}"));
        Assert.Contains($"{Lateness.DeclaredName} {comune.GetProperty("declaredLate").GetInt32()} — {Lateness.DeclaredDefinition}", comunePage);
        Assert.Contains($"{Lateness.PastEndName} {comune.GetProperty("pastEnd").GetInt32()} — {Lateness.PastEndDefinition}", comunePage);
    }

    [Fact]
    public async Task Zone_and_Comune_filters_narrow_the_figures()
    {
        var office = await fx.As(Demo.PlanOffice);
        var built = await PlanBuilders.CreateTreeAsync(office, adopt: true);
        var other = await office.PostAsync("/api/v1/plan-actions", Http.JsonBody(new
        {
            objectiveId = built.ObjectiveId, code = "A1.1.2", title = "Azione a Milano", ownerSector = "ambiente", status = "late", progress = 20,
            startDate = "2031-01-01", endDate = "2032-12-31", municipalities = new[] { Demo.Milano }, zones = Array.Empty<string>(),
        }));
        await other.ShouldBe(HttpStatusCode.Created);
        var anonymous = fx.App.Anonymous();
        string Url(string query) => $"/api/v1/plans/{built.PlanId}/dashboard{query}";

        Assert.Equal(2, (await anonymous.GetJson(Url(""))).GetProperty("actions").GetInt32());
        var rho = await anonymous.GetJson(Url($"?municipality={Demo.Rho}"));
        Assert.Equal(1, rho.GetProperty("actions").GetInt32());
        Assert.Equal(0, rho.GetProperty("lateActions").GetArrayLength());
        var milano = await anonymous.GetJson(Url($"?municipality={Demo.Milano}"));
        Assert.Equal(1, milano.GetProperty("actions").GetInt32());
        Assert.Equal(1, milano.GetProperty("lateActions").GetArrayLength());
        Assert.Equal(1, (await anonymous.GetJson(Url("?zone=nord-ovest"))).GetProperty("actions").GetInt32());
        // The same numbers as the action list with the same filter.
        var listed = await anonymous.GetJson($"/api/v1/plan-actions?plan={built.PlanId}&zone=nord-ovest");
        Assert.Equal(listed.GetProperty("total").GetInt32(), (await anonymous.GetJson(Url("?zone=nord-ovest"))).GetProperty("actions").GetInt32());
        await (await anonymous.GetAsync(Url("?municipality=12"))).ShouldBeProblem(400);

        var page = await (await anonymous.GetAsync($"/piano/{built.PlanId}/cruscotto?municipality={Demo.Milano}")).Content.ReadAsStringAsync();
        Assert.Contains("Azione a Milano", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Azione di prova", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_validated_measurements_change_the_figures()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var built = await PlanBuilders.CreateTreeAsync(office, adopt: true);
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = built.ActionId, code = "D1", name = "Alberi (cruscotto)", unit = "numero", direction = "increase",
            baselineValue = 1000, baselineYear = 2022, frequency = "annual", source = "Settore ambiente",
            targets = new[] { new { year = 2023, value = 5000 }, new { year = 2024, value = 11000 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var anonymous = fx.App.Anonymous();
        async Task<(int NoData, int OnTrack, int OffTrack, JsonElement Row)> Figures()
        {
            var d = await anonymous.GetJson($"/api/v1/plans/{built.PlanId}/dashboard");
            var s = d.GetProperty("indicatorsByStatus");
            return (Count(s, "no-data"), Count(s, "on-track"), Count(s, "off-track"), d.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == indicator));
        }
        Assert.Equal(1, (await Figures()).NoData);

        // Submitted, not validated: nothing changes.
        var submitted = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2024", value = 999999, note = "prova" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var f = await Figures();
        Assert.Equal((1, 0), (f.NoData, f.OnTrack));
        // Rejected: nothing changes either.
        await (await PostWithVersion(office, $"/api/v1/measurements/{submitted}/rejection", 1, new { reason = "Fuori scala" })).ShouldBe(HttpStatusCode.NoContent);
        f = await Figures();
        Assert.Equal((1, 0), (f.NoData, f.OnTrack));
        Assert.Equal(JsonValueKind.Null, f.Row.GetProperty("achievement").ValueKind);

        // Validated: counted, with the achievement of the indicator pages.
        var good = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2023", value = 3000, note = "prova" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await PostWithVersion(office, $"/api/v1/measurements/{good}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);
        f = await Figures();
        Assert.Equal((0, 1), (f.NoData, f.OffTrack));
        Assert.Equal(50m, f.Row.GetProperty("achievement").GetDecimal());
        var detail = await anonymous.GetJson($"/api/v1/indicators/{indicator}");
        Assert.Equal(detail.GetProperty("achievement").GetDecimal(), f.Row.GetProperty("achievement").GetDecimal());

        // A change saved by another instance (its own context: audited, but this instance's version counter
        // never hears of it) shows within about a second: the cache's age limit, then the audit head check.
        await fx.App.WithScope(async services =>
        {
            await using var elsewhere = new Metropoli.Platform.Data.AppDbContext(services.GetRequiredService<DbContextOptions<Metropoli.Platform.Data.AppDbContext>>());
            var row = await elsewhere.Set<Measurement>().SingleAsync(m => m.Id == good);
            row.Value = 11000;
            return await elsewhere.SaveChangesAsync();
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await Figures()).OnTrack != 1)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"The dashboard still showed the old value after {watch.Elapsed.TotalMilliseconds:0} ms");
            await Task.Delay(50);
        }
        Assert.Equal(100m, (await Figures()).Row.GetProperty("achievement").GetDecimal());
    }

    [Fact]
    public async Task The_page_shows_the_indicators_farthest_from_target_and_the_CSV_has_them_all()
    {
        var office = await fx.As(Demo.PlanOffice);
        var built = await PlanBuilders.CreateTreeAsync(office, adopt: true);
        const int count = IndexModel.Shown + 5;
        for (var n = 1; n <= count; n++)
        {
            await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
            {
                actionId = built.ActionId, code = $"K{n:00}", name = $"Indicatore numero {n:00}", unit = "numero", direction = "increase",
                baselineValue = 0, baselineYear = 2022, frequency = "annual", targets = new[] { new { year = 2024, value = 100 } },
            }))).ShouldBe(HttpStatusCode.Created);
        }
        var anonymous = fx.App.Anonymous();
        var html = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/piano/{built.PlanId}/cruscotto"));
        Assert.Contains($"i {IndexModel.Shown} più lontani dall'obiettivo, su {count}", html, StringComparison.Ordinal);
        Assert.Equal(IndexModel.Shown, System.Text.RegularExpressions.Regex.Matches(html, "Indicatore numero \\d\\d").Count);

        var csv = await anonymous.GetAsync($"/piano/{built.PlanId}/cruscotto?handler=indicatori");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name,unit,latest_period,latest_value,achievement_percent,status", lines[0]);
        Assert.Equal(count, lines.Count(l => l.Contains("Indicatore numero", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_draft_plan_dashboard_is_404_to_anonymous_visitors()
    {
        var draft = await DemoPlanId(PlanDemo.NextName);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/plans/{draft}/dashboard")).ShouldBeProblem(404);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.App.Anonymous().GetAsync($"/piano/{draft}/cruscotto")).StatusCode);
        var office = await fx.As(Demo.PlanOffice);
        await (await office.GetAsync($"/api/v1/plans/{draft}/dashboard")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/piano/{draft}/cruscotto")).StatusCode);
    }
}
