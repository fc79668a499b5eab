using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.StrategicPlan.PlanBuilders;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>POST /api/v1/plans/{id}/import: all or nothing, every bad row reported with its line.</summary>
// On PostgreSQL too: the all-or-nothing structure import is one transaction.
[Trait("Database", "Both")]
public sealed class PlanImportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Header = "area_code,area_title,objective_code,objective_title,action_code,action_title,owner_sector,start_date,end_date,budget,dup_mission,dup_programme,zones,municipalities";

    private Task<(int Areas, int Objectives, int Actions)> CountsAsync(long planId) => fx.App.WithDb(async db => (
        await db.Set<PlanArea>().CountAsync(a => a.PlanId == planId),
        await db.Set<PlanObjective>().CountAsync(o => o.PlanId == planId),
        await db.Set<PlanAction>().CountAsync(a => a.PlanId == planId)));

    [Fact]
    public async Task A_good_file_creates_areas_objectives_and_actions_in_one_go()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await CreatePlanAsync(office);
        var csv = Header + "\r\n"
            + "D1,\"Politiche verdi e blu\",D1.1,Forestazione,D1.1.1,\"Boschi urbani, fase 1\",ambiente,2025-01-01,2026-12-31,\"1.250.000,50\",09,09.05,nord-ovest alto-milanese,015182 015118\r\n"
            + "D1,Politiche verdi e blu,D1.1,,D1.1.2,\"Titolo su\ndue righe\",Ambiente,,,,,,,\r\n"
            + "A1,Semplificazione,A1.1,Servizi digitali,A1.1.1,Sportello unico,innovazione-digitale,2025-03-01,,900000,,01.08,,015146\r\n";
        var result = await (await office.PostCsv($"/api/v1/plans/{plan}/import", csv)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((2, 2, 3), (result.GetProperty("areas").GetInt32(), result.GetProperty("objectives").GetInt32(), result.GetProperty("actions").GetInt32()));
        Assert.Equal((2, 2, 3), await CountsAsync(plan));

        var actions = (await office.GetJson($"/api/v1/plan-actions?plan={plan}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["D1.1.1", "D1.1.2", "A1.1.1"], actions.Select(a => a.GetProperty("code").GetString()));
        var first = await office.GetJson($"/api/v1/plan-actions/{actions[0].GetProperty("id").GetInt64()}");
        Assert.Equal(1250000.50m, first.GetProperty("budget").GetDecimal());
        Assert.Equal("09", first.GetProperty("dupMission").GetProperty("code").GetString());
        Assert.Equal(2, first.GetProperty("municipalities").GetArrayLength());
        Assert.Equal(2, first.GetProperty("zones").GetArrayLength());
        Assert.Equal("ambiente", (await office.GetJson($"/api/v1/plan-actions/{actions[1].GetProperty("id").GetInt64()}")).GetProperty("ownerSector").GetString());
        var sixth = await office.GetJson($"/api/v1/plan-actions/{actions[2].GetProperty("id").GetInt64()}");
        Assert.Equal("01", sixth.GetProperty("dupMission").GetProperty("code").GetString());

        // A second file reuses the existing area and objective and adds to them.
        var more = Header + "\nD1,,D1.1,,D1.1.3,Terza azione,ambiente,,,,,,,\n";
        await (await office.PostCsv($"/api/v1/plans/{plan}/import", more)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((2, 2, 4), await CountsAsync(plan));
    }

    [Fact]
    public async Task Bad_rows_on_lines_4_and_6_are_both_reported_and_nothing_is_imported()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await CreatePlanAsync(office);
        var csv = Header + "\n"                                                                 // line 1
            + "D1,Verde,D1.1,Boschi,D1.1.1,Prima,ambiente,2025-01-01,2025-12-31,1000,09,09.05,,\n"   // line 2
            + "D1,Verde,D1.1,Boschi,D1.1.2,Seconda,ambiente,,,,,,,\n"                              // line 3
            + "D1,Verde,D1.1,Boschi,D1.1.3,Terza,ambiente,2025-13-01,,,,,,\n"                      // line 4: bad date
            + "D1,Verde,D1.1,Boschi,D1.1.4,Quinta,ambiente,,,,,,,\n"                               // line 5
            + "D1,Verde,D1.1,Boschi,D1.1.1,Sesta,ambiente,,,,,,,999999\n";                         // line 6: repeated code, unknown Comune
        var problem = await (await office.PostCsv($"/api/v1/plans/{plan}/import", csv)).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Equal([4, 6], errors.Select(e => e.Line).Distinct());
        Assert.Contains((4, "start_date"), errors);
        Assert.Contains((6, "action_code"), errors);
        Assert.Contains((6, "municipalities"), errors);
        Assert.Equal((0, 0, 0), await CountsAsync(plan));
    }

    [Fact]
    public async Task Line_numbers_count_physical_lines_across_quoted_line_breaks()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await CreatePlanAsync(office);
        var csv = Header + "\n"
            + "D1,Verde,D1.1,Boschi,D1.1.1,\"Prima,\nsu due righe\",ambiente,,,,,,,\n"  // lines 2-3
            + "D1,Verde,D1.1,Boschi,D1.1.2,,ambiente,,,,,,,\n";                          // line 4: no title
        var problem = await (await office.PostCsv($"/api/v1/plans/{plan}/import", csv)).ShouldBeProblem(422);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal("action_title", error.GetProperty("column").GetString());
    }

    [Fact]
    public async Task Codes_already_in_the_plan_and_disagreeing_rows_are_errors()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await CreateTreeAsync(office);
        var csv = Header + "\n"
            + "A1,Altro titolo,A1.1,,A1.1.1,Doppia,ambiente,,,,,,,\n"   // line 2: area title differs, action code exists
            + "B1,Nuova,A1.1,,B1.1.1,Sposta,ambiente,,,,,,,\n"          // line 3: objective A1.1 belongs to A1
            + "C1,,C1.1,Ob,C1.1.1,Senza titolo d'area,ambiente,,,,,,,\n"; // line 4: new area without title
        var problem = await (await office.PostCsv($"/api/v1/plans/{tree.PlanId}/import", csv)).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Contains((2, "area_title"), errors);
        Assert.Contains((2, "action_code"), errors);
        Assert.Contains((3, "objective_code"), errors);
        Assert.Contains((4, "area_title"), errors);
        Assert.Equal((1, 1, 1), await CountsAsync(tree.PlanId));
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_roles_other_than_the_plan_office_are_refused()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await CreatePlanAsync(office);
        await (await office.PostCsv($"/api/v1/plans/{plan}/import", Header + "\n", "application/json")).ShouldBeProblem(415);
        await (await (await fx.As(Demo.Sector)).PostCsv($"/api/v1/plans/{plan}/import", Header + "\n")).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PostCsv($"/api/v1/plans/{plan}/import", Header + "\n")).ShouldBeProblem(401);
        await (await office.PostCsv("/api/v1/plans/999999/import", Header + "\n")).ShouldBeProblem(404);
    }
}
