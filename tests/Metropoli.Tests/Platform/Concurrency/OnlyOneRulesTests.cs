using System.Net;
using System.Text.Json;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Errors;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Concurrency;

public sealed class OnlyOneRulesFixture : AppFixture;

/// <summary>Two app instances on one database (two replicas), for "only one" rules under requests split across them.</summary>
public sealed class OnlyOneTwoInstancesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public MetropoliApp A { get; private set; } = null!;
    public MetropoliApp B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.FromTemplateAsync("onlyonetwo");
        A = new MetropoliApp(Database).Start();
        B = new MetropoliApp(Database).Start();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (B is not null) await B.DisposeAsync();
            if (A is not null) await A.DisposeAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }
}

internal static class Parallel8
{
    public const int Requests = 8;

    /// <summary>Starts <see cref="Requests"/> requests at once (released together) and answers the statuses and bodies.</summary>
    public static async Task<List<(int Status, string Body, string? ProblemType)>> RunAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Requests).Select(async i =>
        {
            await gate.Task;
            using var response = await send(i);
            var body = await response.Content.ReadAsStringAsync();
            string? type = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                type = JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();
            return ((int)response.StatusCode, body, type);
        }).ToList();
        gate.SetResult();
        return (await Task.WhenAll(tasks)).ToList();
    }

    public static void OneCreated(List<(int Status, string Body, string? ProblemType)> answers, int others, string otherType)
    {
        var summary = string.Join("; ", answers.Select(a => $"{a.Status} {a.ProblemType}"));
        Assert.True(answers.Count(a => a.Status == 201) == 1, "exactly one 201 expected: " + summary);
        Assert.True(answers.Where(a => a.Status != 201).All(a => a.Status == others && a.ProblemType == otherType), summary);
    }
}

/// <summary>Issue 18, point 12: "only one" rules hold under 8 parallel requests, because the database holds them
/// (partial unique indexes), and the losers get the rule's answer, never a 500 nor a duplicate (docs/adr/0031).</summary>
// Unique indexes, transactions and races are the database's: on PostgreSQL too.
[Trait("Database", "Both")]
public sealed class OnlyOneRulesTests(OnlyOneRulesFixture fx) : IClassFixture<OnlyOneRulesFixture>
{
    private static readonly string Refused = Problems.Refused.Type;

    private static StringContent Campaign(int i) => Http.JsonBody(new
    {
        name = $"Monitoraggio parallelo {i}", year = 2031, deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd"),
    });

    [Fact]
    public async Task Parallel_openings_open_one_campaign_and_tell_the_sector_once()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", adopt: true);

        var answers = await Parallel8.RunAsync(i => office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Campaign(i)));

        Parallel8.OneCreated(answers, 409, Refused);
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<MonitoringCampaign>().CountAsync(c => c.PlanId == tree.PlanId)));
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<CampaignTask>().CountAsync(t => db.Set<MonitoringCampaign>().Any(c => c.Id == t.CampaignId && c.PlanId == tree.PlanId))));
    }

    [Fact]
    public async Task Parallel_renewals_create_one_successor()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, _, _) = await AgreementBuilders.InForceAsync(fx.App, office, Demo.Rho);
        var etag = await AgreementBuilders.ETagAsync(office, $"/api/v1/agreements/{id}");

        var answers = await Parallel8.RunAsync(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/renewal");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return office.SendAsync(request);
        });

        Parallel8.OneCreated(answers, 409, Refused);
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<Agreement>().CountAsync(a => a.PredecessorId == id)));
    }

    [Fact]
    public async Task Parallel_submissions_leave_one_value_waiting_for_the_period()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", adopt: true);
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "IND-P1", name = "Alberi piantati", unit = "numero", direction = "increase",
            baselineValue = 100, baselineYear = 2030, frequency = "annual", targets = new[] { new { year = 2031, value = 300 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var answers = await Parallel8.RunAsync(i =>
            sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 200 + i })));

        Parallel8.OneCreated(answers, 409, Refused);
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<Measurement>().CountAsync(m => m.IndicatorId == indicator && m.Status == MeasurementStatuses.Submitted)));
    }

    [Fact]
    public async Task Parallel_areas_with_one_code_create_one_and_answer_the_others_as_a_duplicate_code_not_500()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await PlanBuilders.CreatePlanAsync(office);

        var answers = await Parallel8.RunAsync(i =>
            office.PostAsync($"/api/v1/plans/{plan}/areas", Http.JsonBody(new { code = "Z9", title = $"Area parallela {i}", kind = "area" })));

        // The same answer as a request that comes after the first: 422 with the message on the code.
        Parallel8.OneCreated(answers, 422, Problems.Invalid.Type);
        Assert.All(answers.Where(a => a.Status == 422), a => Assert.Contains("esiste già un'area con questo codice", a.Body));
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<PlanArea>().CountAsync(a => a.PlanId == plan && a.Code == "Z9")));
    }
}

/// <summary>The same rules with the 8 requests split across two instances on one database.</summary>
[Trait("Database", "Both")]
public sealed class OnlyOneRulesTwoInstancesTests(OnlyOneTwoInstancesFixture fx) : IClassFixture<OnlyOneTwoInstancesFixture>
{
    [Fact]
    public async Task Openings_split_across_two_instances_open_one_campaign()
    {
        var officeA = await fx.A.As(Demo.PlanOffice);
        var officeB = await fx.B.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(officeA, "ambiente", adopt: true);
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd");

        var answers = await Parallel8.RunAsync(i => (i % 2 == 0 ? officeA : officeB).PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns",
            Http.JsonBody(new { name = $"Monitoraggio {i}", year = 2031, deadline })));

        Parallel8.OneCreated(answers, 409, Problems.Refused.Type);
        Assert.Equal(1, await fx.A.WithDb(db => db.Set<MonitoringCampaign>().CountAsync(c => c.PlanId == tree.PlanId && c.Status == CampaignStatuses.Open)));
    }

    [Fact]
    public async Task Submissions_split_across_two_instances_leave_one_value_waiting()
    {
        var office = await fx.A.As(Demo.PlanOffice);
        var sectorA = await fx.A.As(Demo.Sector);
        var sectorB = await fx.B.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", adopt: true);
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "IND-P2", name = "Piste ciclabili", unit = "km", direction = "increase",
            baselineValue = 10, baselineYear = 2030, frequency = "annual", targets = new[] { new { year = 2031, value = 30 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var answers = await Parallel8.RunAsync(i => (i % 2 == 0 ? sectorA : sectorB)
            .PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 20 + i })));

        Parallel8.OneCreated(answers, 409, Problems.Refused.Type);
        Assert.Equal(1, await fx.A.WithDb(db => db.Set<Measurement>().CountAsync(m => m.IndicatorId == indicator && m.Status == MeasurementStatuses.Submitted)));
    }
}
