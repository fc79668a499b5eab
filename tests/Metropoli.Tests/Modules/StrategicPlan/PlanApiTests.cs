using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Plans through the API: visibility of drafts, the status transitions with their guards,
/// the reference data, and the action lists with their filters.</summary>
// On PostgreSQL too: list filters and q search (lower-case Contains) are translated per provider.
[Trait("Database", "Both")]
public sealed class PlanApiTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private Task<long> DemoPlanId(string name) =>
        fx.App.WithDb(db => db.Set<Plan>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Anonymous_visitors_never_see_a_draft_plan()
    {
        var draft = await DemoPlanId(PlanDemo.NextName);
        var list = Items(await fx.App.Anonymous().GetJson("/api/v1/plans?limit=200"));
        Assert.DoesNotContain(list, p => p.GetProperty("id").GetInt64() == draft);
        Assert.All(list, p => Assert.NotEqual("draft", p.GetProperty("status").GetString()));
        await (await fx.App.Anonymous().GetAsync($"/api/v1/plans/{draft}")).ShouldBeProblem(404);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/plans/{draft}/areas")).ShouldBeProblem(404);
        var draftActions = await fx.App.WithDb(db => db.Set<PlanAction>().Where(a => a.PlanId == draft).Select(a => a.Id).ToListAsync());
        Assert.NotEmpty(draftActions);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/plan-actions/{draftActions[0]}")).ShouldBeProblem(404);
        var actions = Items(await fx.App.Anonymous().GetJson($"/api/v1/plan-actions?plan={draft}"));
        Assert.Empty(actions);
    }

    [Theory]
    [InlineData(Demo.Sector)]
    [InlineData(Demo.Forum)]
    [InlineData(Demo.RhoOfficer)]
    public async Task Other_roles_do_not_see_drafts_either(string email)
    {
        var draft = await DemoPlanId(PlanDemo.NextName);
        await (await (await fx.As(email)).GetAsync($"/api/v1/plans/{draft}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task The_plan_office_sees_drafts()
    {
        var draft = await DemoPlanId(PlanDemo.NextName);
        var office = await fx.As(Demo.PlanOffice);
        var plan = await office.GetJson($"/api/v1/plans/{draft}");
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Contains(Items(await office.GetJson("/api/v1/plans?status=draft")), p => p.GetProperty("id").GetInt64() == draft);
    }

    [Fact]
    public async Task Dup_reference_data_has_23_missions_and_their_programmes()
    {
        var page = await fx.App.Anonymous().GetJson("/api/v1/dup-missions");
        var missions = Items(page);
        Assert.Equal(23, missions.Count);
        Assert.Equal(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "50", "60", "99"],
            missions.Select(m => m.GetProperty("code").GetString()));
        var programmes = missions.SelectMany(m => m.GetProperty("programmes").EnumerateArray()).ToList();
        Assert.Equal(99, programmes.Count);
        var first = missions[0].GetProperty("programmes").EnumerateArray().First();
        Assert.Equal("01.01", first.GetProperty("code").GetString());
        Assert.Equal("Organi istituzionali", first.GetProperty("name").GetString());
        var environment = missions.Single(m => m.GetProperty("code").GetString() == "09");
        Assert.Equal(9, environment.GetProperty("programmes").GetArrayLength());
        Assert.All(missions, m => Assert.All(m.GetProperty("programmes").EnumerateArray(),
            p => Assert.StartsWith(m.GetProperty("code").GetString() + ".", p.GetProperty("code").GetString())));
        Assert.Equal(11, Items(await fx.App.Anonymous().GetJson("/api/v1/plan-tags")).Count);
    }

    [Fact]
    public async Task Actions_filter_by_sector_status_zone_and_municipality_and_sort_and_page()
    {
        var plan = await DemoPlanId(PlanDemo.CurrentName);
        var anonymous = fx.App.Anonymous();
        var all = await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&limit=200");
        Assert.Equal(16, all.GetProperty("total").GetInt32());

        var environment = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&sector=ambiente&limit=200"));
        Assert.Equal(6, environment.Count);
        Assert.All(environment, a => Assert.Equal("ambiente", a.GetProperty("ownerSector").GetString()));

        var late = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&status=late"));
        Assert.All(late, a => Assert.Equal("late", a.GetProperty("status").GetString()));
        Assert.NotEmpty(late);

        // Rho directly (D2.1.1, A3.1.1) or through its zone Nord Ovest (D3.1.2).
        var rho = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&municipality={Demo.Rho}"));
        Assert.Equal(["A3.1.1", "D2.1.1", "D3.1.2"], rho.Select(a => a.GetProperty("code").GetString()).Order());
        // Nord Milano directly (D1.1.1, D3.1.2, A4.1.1) or through Sesto, Cinisello, Paderno (D1.1.2, D2.1.2).
        var northMilan = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&zone=nord-milano&limit=200"));
        Assert.Equal(["A4.1.1", "D1.1.1", "D1.1.2", "D2.1.2", "D3.1.2"], northMilan.Select(a => a.GetProperty("code").GetString()).Order());

        var byBudget = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&sort=-budget&limit=3"));
        Assert.Equal("D5.1.1", byBudget[0].GetProperty("code").GetString());
        var budgets = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&sort=budget&limit=200")).Select(a => a.GetProperty("budget").GetDecimal()).ToList();
        Assert.Equal(budgets.Order(), budgets);

        var tree = Items(await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&limit=200")).Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal("D1.1.1", tree[0]);
        Assert.Equal("A5.1.1", tree[^1]);
        var second = await anonymous.GetJson($"/api/v1/plan-actions?plan={plan}&limit=5&offset=5");
        Assert.Equal(tree.Skip(5).Take(5), Items(second).Select(a => a.GetProperty("code").GetString()));

        await (await anonymous.GetAsync($"/api/v1/plan-actions?status=bogus")).ShouldBeProblem(400);
        await (await anonymous.GetAsync($"/api/v1/plan-actions?sort=bogus")).ShouldBeProblem(400);
    }
}
