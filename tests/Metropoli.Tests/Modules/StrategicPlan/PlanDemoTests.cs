using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
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
    }
}
