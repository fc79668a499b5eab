using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Agreements.Demo;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Reliability;

/// <summary>Two real server processes started at the same moment on one database (PostgreSQL, or one SQLite
/// file), as two replicas deployed together: (a) on an empty database, (b) on the previous release's database,
/// made by the hand-written migrations (the baseline to adopt, docs/adr/0027). Both must start and answer
/// /status 200, the schema must be complete and the reference data and demo content must be there once
/// (docs/adr/0025: migrate and seed under a database lock).</summary>
[Trait("Database", "Both")]
public sealed class StartupRaceTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(600);

    [Fact]
    public async Task Two_processes_started_together_on_an_empty_database_both_start_and_migrate_and_seed_once()
    {
        await using var database = await TestDatabase.CreateAsync("race");
        var folder = Directory.CreateTempSubdirectory("metropoli-race-").FullName;
        try
        {
            await StartTogetherAsync(database, folder);
            await AssertCompleteAsync(database);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    [Fact]
    public async Task Two_processes_started_together_on_the_previous_release_database_both_start_and_upgrade_it_once()
    {
        await using var database = await TestDatabase.CreateAsync("raceup");
        var folder = Directory.CreateTempSubdirectory("metropoli-raceup-").FullName;
        try
        {
            // The previous release's database (made by the hand-written migrations, with reference data, demo
            // accounts and content), so that both processes find the baseline to adopt and the migrations after it
            // pending; and the agreement themes that no agreement uses removed, so that the upgrade also brings
            // reference data to seed.
            await PreviousRelease.LoadAsync(database);
            await using (var db = ReliabilityDb.Open(database))
            {
                Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
                var unused = await db.Set<AgreementTheme>().Where(t => !db.Set<AgreementThemeLink>().Any(l => l.ThemeCode == t.Code)).ExecuteDeleteAsync();
                Assert.True(unused > 0, "Every theme is in use: nothing left for the upgrade to seed.");
            }

            await StartTogetherAsync(database, folder);
            await AssertCompleteAsync(database);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static async Task StartTogetherAsync(TestDatabase database, string folder)
    {
        // The startup log says when a process waited for the other's lock.
        Dictionary<string, string> Settings(string name) => new() { ["Jobs:InstanceName"] = name, ["Logging:LogLevel:Metropoli.Startup"] = "Information" };
        await using var a = new ServerProcess(database, folder, Settings("avvio-a"));
        await using var b = new ServerProcess(database, folder, Settings("avvio-b"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var started = await Task.WhenAll(TryStartAsync(a), TryStartAsync(b));
        var failures = started.Where(s => s is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of 2 processes started together did not start:\n" + string.Join("\n\n", failures));
        var waited = new[] { a, b }.Count(p => p.LogTail(2000).Contains("waiting for it", StringComparison.Ordinal));
        ReliabilityDb.Report($"startup-race [{database.Provider}] both started in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(A {a.LastStartTime.TotalSeconds:0.0} s, B {b.LastStartTime.TotalSeconds:0.0} s); {waited} waited for the other's lock");

        foreach (var process in new[] { a, b })
        {
            using var client = process.Client();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/status")).StatusCode);
            var comuni = await client.GetJson("/api/v1/municipalities?limit=1");
            Assert.Equal(133, comuni.GetProperty("total").GetInt32());
        }
    }

    /// <summary>Null when the process started, else why not with the end of its log.</summary>
    private static async Task<string?> TryStartAsync(ServerProcess process)
    {
        try
        {
            await process.StartAsync(StartTimeout);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return e.Message;
        }
    }

    private static async Task AssertCompleteAsync(TestDatabase database)
    {
        await using var db = ReliabilityDb.Open(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // A database of the previous release also keeps the hand-written migrations' rows.
        Assert.Equal(db.Database.GetMigrations(), (await db.Database.GetAppliedMigrationsAsync()).Except(MigrationBaseline.HandWrittenChain));

        // The same schema as one process alone builds, and the search objects of the newest migration.
        await using (var reference = await TestDatabase.CreateAsync("raceref"))
        {
            await using (var alone = ReliabilityDb.Open(reference))
            {
                await alone.MigrateAsync();
            }
            var diff = SchemaSnapshot.Diff(await SchemaSnapshot.ReadAsync(reference.Provider, reference.ConnectionString), "one process",
                await SchemaSnapshot.ReadAsync(database.Provider, database.ConnectionString), "two processes");
            Assert.True(diff.Length == 0, "The schema built by two processes differs:\n" + diff);
        }
        if (database.IsPostgres)
        {
            var trgm = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_extension WHERE extname = 'pg_trgm'").SingleAsync();
            var index = await db.Database.SqlQuery<int>(
                $"SELECT COUNT(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = {SchemaExtras.AgreementSearchIndex}").SingleAsync();
            Assert.Equal(trgm, index);
        }
        else
        {
            var search = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'agreement_search' OR (type = 'trigger' AND name LIKE 'agreement_search_%')").SingleAsync();
            Assert.Equal(4, search);
        }

        // Reference data once.
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        Assert.Equal(8, await db.Set<Zone>().CountAsync());
        Assert.Equal(133, await db.Set<Municipality>().CountAsync());
        Assert.Equal(AgreementThemeSeed.Themes.Count, await db.Set<AgreementTheme>().CountAsync());
        var organisations = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.FiscalCode, o.MunicipalityIstat, o.Name }).ToListAsync();
        var twice = organisations.GroupBy(o => o.FiscalCode ?? o.MunicipalityIstat ?? o.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(twice.Count == 0, "Organisations seeded twice: " + string.Join(", ", twice));
        Assert.Equal(133, organisations.Count(o => o.MunicipalityIstat != null));
        var missions = await db.Set<DupMission>().CountAsync();
        Assert.True(missions > 0);

        // Demo accounts and content (Development) once.
        Assert.Equal(Startup.DemoAccounts.Length, await db.Users.CountAsync());
        // A database seeded by an earlier release keeps the demo plans' earlier names (ADR 0035): once, either way.
        Assert.Equal(1, await db.Set<Plan>().CountAsync(p => p.Name == PlanDemo.CurrentName || p.Name == PlanDemo.EarlierNames[0]));
        Assert.Equal(1, await db.Set<Plan>().CountAsync(p => p.Name == PlanDemo.NextName || p.Name == PlanDemo.EarlierNames[1]));
        Assert.Equal(1, await db.Set<Agreement>().CountAsync(a => a.Title == AgreementDemo.RegionTitle));
        var campaigns = await db.Set<MonitoringCampaign>().GroupBy(c => new { c.PlanId, c.Name }).Select(g => g.Count()).ToListAsync();
        Assert.All(campaigns, c => Assert.Equal(1, c));

        // One unbroken audit chain.
        var chain = await AuditChain.VerifyAsync(db, null, CancellationToken.None);
        Assert.True(chain.Ok, chain.Message);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
