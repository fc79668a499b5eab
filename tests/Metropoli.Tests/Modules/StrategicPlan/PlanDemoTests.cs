using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary><c>seed --demo</c> loads the demonstration plans once, however many times it runs.</summary>
// On PostgreSQL too: seed --demo from an empty database, in transactions.
[Trait("Database", "Both")]
public sealed class PlanDemoTests
{
    [Fact]
    public async Task Seed_demo_loads_the_demonstration_plans_idempotently()
    {
        await using var database = await TestDatabase.CreateAsync("plandemo");
        Assert.Equal(0, await CliRunner.RunAsync(database, "seed", "--demo"));
        Assert.Equal(0, await CliRunner.RunAsync(database, "seed", "--demo"));

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        await using var db = new AppDbContext(options.Options);
        var plans = await db.Set<Plan>().OrderBy(p => p.StartYear).ToListAsync();
        Assert.Equal([PlanDemo.CurrentName, PlanDemo.NextName], plans.Select(p => p.Name));
        Assert.Equal([PlanStatuses.Approved, PlanStatuses.Draft], plans.Select(p => p.Status));
        Assert.All(plans, p => Assert.Contains("dimostrativ", p.Description, StringComparison.Ordinal));
        var current = plans[0].Id;
        Assert.Equal(10, await db.Set<PlanArea>().CountAsync(a => a.PlanId == current));
        Assert.Equal(16, await db.Set<PlanAction>().CountAsync(a => a.PlanId == current));
        Assert.True(await db.Set<PlanAction>().CountAsync(a => a.PlanId == current && a.OwnerSector == "ambiente") >= 3);
        Assert.Equal(23, await db.Set<DupMission>().CountAsync());
        Assert.Equal(99, await db.Set<DupProgramme>().CountAsync());
        Assert.Equal(11, await db.Set<PlanTag>().CountAsync());

        // The demo is current and consistent (ADR 0035): the plan in force covers today's year, the next follows it,
        // every demo campaign falls inside its plan's years, and the one for the current year is open.
        var today = CivilClock.Today(TimeProvider.System);
        Assert.Equal((today.Year - 2, today.Year), (plans[0].StartYear, plans[0].EndYear));
        Assert.Equal(today.Year + 1, plans[1].StartYear);
        var campaigns = await db.Set<MonitoringCampaign>().Where(c => c.PlanId == current).OrderBy(c => c.Year).ToListAsync();
        Assert.Equal([today.Year - 2, today.Year - 1, today.Year], campaigns.Select(c => c.Year));
        Assert.All(campaigns, c => Assert.InRange(c.Year, plans[0].StartYear, plans[0].EndYear));
        Assert.Equal([CampaignStatuses.Closed, CampaignStatuses.Closed, CampaignStatuses.Open], campaigns.Select(c => c.Status));
        Assert.All(await db.Set<PlanAction>().Where(a => a.PlanId == current).ToListAsync(),
            a => Assert.True(a.StartDate!.Value.Year >= plans[0].StartYear, a.Code));
    }
}
