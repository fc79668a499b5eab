using System.Diagnostics;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Jobs;

/// <summary>Two app instances on one database, as in a deployment with two replicas.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public MetropoliApp A { get; private set; } = null!;
    public MetropoliApp B { get; private set; } = null!;
    public Stopwatch SinceStart { get; } = new();

    private static Dictionary<string, string?> Settings(string name) => new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:PollSeconds"] = "0.05",
        ["Jobs:TokenCleanupSeconds"] = "1",
        ["Jobs:InstanceName"] = name,
    };

    public async Task InitializeAsync()
    {
        // A migrated and seeded database (the run's template): a first start is not what this class is about.
        Database = await TestDatabase.FromTemplateAsync("two");
        try
        {
            // One after the other, as a rolling deployment.
            A = new MetropoliApp(Database, Settings("istanza-a")).Start();
            SinceStart.Start();
            B = new MetropoliApp(Database, Settings("istanza-b")).Start();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
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

// On PostgreSQL too: two instances share keys and job leases through the database (ExecuteUpdate claims).
[Trait("Database", "Both")]
public sealed class TwoInstancesTests(TwoInstancesFixture fx) : IClassFixture<TwoInstancesFixture>
{
    [Fact]
    public async Task A_recurring_job_runs_once_per_occurrence_across_two_instances()
    {
        var wait = TimeSpan.FromSeconds(4.5) - fx.SinceStart.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var elapsed = fx.SinceStart.Elapsed.TotalSeconds;
        var runs = await fx.A.WithDb(db => db.Set<JobRun>().AsNoTracking().Where(r => r.Name == "token-cleanup").OrderBy(r => r.ScheduledFor).ToListAsync());

        var summary = string.Join("\n", runs.Select(r => $"{r.ScheduledFor:HH:mm:ss.fff} {r.Instance} {r.Outcome}"));
        Assert.True(runs.Count >= 2, $"Only {runs.Count} runs in {elapsed:F1}s:\n{summary}");
        // Hosted services start before StartServer returns, so on a loaded machine the first instance may
        // run jobs for seconds before the stopwatch starts: bound the count by the span of the occurrences.
        var span = (DateTime.UtcNow - runs[0].ScheduledFor).TotalSeconds;
        Assert.True(runs.Count <= Math.Ceiling(span) + 2, $"{runs.Count} runs in {span:F1}s is more than one per second:\n{summary}");
        Assert.True(runs.Select(r => r.ScheduledFor).Distinct().Count() == runs.Count, "Two runs share an occurrence:\n" + summary);
        foreach (var (earlier, later) in runs.Zip(runs.Skip(1)))
        {
            Assert.True(later.ScheduledFor - earlier.ScheduledFor >= TimeSpan.FromSeconds(1), "Occurrences closer than the interval:\n" + summary);
        }
        Assert.All(runs, r => Assert.Contains(r.Instance, new[] { "istanza-a", "istanza-b" }));
        Assert.All(runs.Where(r => r.FinishedAt is not null), r => Assert.Equal("ok", r.Outcome));
    }

    [Fact]
    public void Data_protected_by_one_instance_is_readable_by_the_other()
    {
        var a = fx.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("x");
        var b = fx.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("x");
        var secret = "segreto-" + Guid.NewGuid();
        Assert.Equal(secret, b.Unprotect(a.Protect(secret)));
        Assert.Equal(secret, a.Unprotect(b.Protect(secret)));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() =>
            fx.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("y").Unprotect(a.Protect(secret)));
    }
}
