using Metropoli.Tests.Infrastructure;
using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Data;

/// <summary>When the shared read cache computes a value again, on the real database: not while nothing changed
/// it depends on (past the age limit it reads the audit head, and the entries since), at once after a change saved
/// by this instance, after the age limit for an audited change saved elsewhere, and after the trust limit
/// whatever happened.</summary>
// On PostgreSQL too: the read cache's invalidation follows commits, raw SQL updates and transactions of the real database.
[Trait("Database", "Both")]
public sealed class ReadCacheTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private sealed class ManualClock : TimeProvider
    {
        private long ticks = TimeSpan.TicksPerDay;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref ticks);
        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }

    [Fact]
    public async Task A_value_is_computed_again_only_when_something_may_have_changed()
    {
        var clock = new ManualClock();
        var version = new ReadModelVersion();
        var cache = new ReadCache(fx.App.Services.GetRequiredService<IServiceScopeFactory>(), version, clock);
        var computations = 0;
        Task<string> Phone() => cache.GetAsync("test:phone", global::Metropoli.Territory.TerritoryModule.ReadModel, async (db, ct) =>
        {
            Interlocked.Increment(ref computations);
            return await db.Set<Municipality>().Where(m => m.IstatCode == Demo.Rho).Select(m => m.Phone ?? "").SingleAsync(ct);
        }, CancellationToken.None);
        // Past MaxStale a reader waits for the check, so each step below is deterministic.
        var pastStale = ReadCache.MaxStale + TimeSpan.FromSeconds(1);

        var before = await Phone();
        Assert.Equal(1, computations);
        Assert.Equal(before, await Phone());
        Assert.Equal(1, computations);

        // Nothing changed anywhere: past the age limit the audit head is read, the value kept.
        clock.Advance(pastStale);
        Assert.Equal(before, await Phone());
        Assert.Equal(1, computations);

        // Saved by another instance (its own context, audited, this counter not bumped): seen at the next check.
        var changed = "02 " + Random.Shared.Next(1_000_000, 9_999_999);
        await fx.App.WithScope(async services =>
        {
            await using var elsewhere = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>());
            (await elsewhere.Set<Municipality>().SingleAsync(m => m.IstatCode == Demo.Rho)).Phone = changed;
            return await elsewhere.SaveChangesAsync();
        });
        Assert.Equal(before, await Phone());
        clock.Advance(pastStale);
        Assert.Equal(changed, await Phone());
        Assert.Equal(2, computations);

        // Changed by SQL outside the application (no audit): seen once the trust limit has passed.
        var bySql = "03 " + Random.Shared.Next(1_000_000, 9_999_999);
        await fx.App.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE territory_municipalities SET \"Phone\" = {0} WHERE \"IstatCode\" = {1}", bySql, Demo.Rho));
        clock.Advance(pastStale);
        Assert.Equal(changed, await Phone());
        Assert.Equal(2, computations);
        clock.Advance(ReadCache.MaxTrusted);
        Assert.Equal(bySql, await Phone());
        Assert.Equal(3, computations);

        // A change saved elsewhere in a module the value does not depend on (an agreement theme): not computed again.
        await fx.App.WithScope(async services =>
        {
            await using var elsewhere = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>());
            var theme = await elsewhere.Set<Metropoli.Agreements.Model.AgreementTheme>().OrderBy(t => t.Code).FirstAsync();
            theme.SortOrder += 1;
            return await elsewhere.SaveChangesAsync();
        });
        clock.Advance(pastStale);
        Assert.Equal(bySql, await Phone());
        Assert.Equal(3, computations);
        version.Bump(global::Metropoli.Agreements.AgreementsModule.ReadModel | global::Metropoli.StrategicPlan.StrategicPlanModule.ReadModel);
        Assert.Equal(bySql, await Phone());
        Assert.Equal(3, computations);

        // A change saved by this instance: the very next read waits for a new value, with no age limit.
        version.Bump(global::Metropoli.Territory.TerritoryModule.ReadModel);
        Assert.Equal(bySql, await Phone());
        Assert.Equal(4, computations);
        Assert.Equal(bySql, await Phone());
        Assert.Equal(4, computations);
    }

    [Fact]
    public async Task A_reader_after_a_local_change_never_gets_a_computation_started_before_it()
    {
        var clock = new ManualClock();
        var version = new ReadModelVersion();
        var cache = new ReadCache(fx.App.Services.GetRequiredService<IServiceScopeFactory>(), version, clock);
        var round = 0;
        var firstRefresh = new TaskCompletionSource();
        Task<int> Read() => cache.GetAsync("test:in-flight", global::Metropoli.Territory.TerritoryModule.ReadModel, async (db, ct) =>
        {
            var mine = Interlocked.Increment(ref round);
            if (mine == 2) await firstRefresh.Task; // the refresh started by the age limit is slow
            return mine;
        }, CancellationToken.None);

        Assert.Equal(1, await Read());
        // Past the trust limit a reader starts a computation (round 2) and waits for it.
        clock.Advance(ReadCache.MaxTrusted + TimeSpan.FromSeconds(1));
        var aged = Read();
        // ... while that refresh (round 2) is in flight, this instance saves a change the value depends on.
        version.Bump(global::Metropoli.Territory.TerritoryModule.ReadModel);
        var afterChange = Read();
        firstRefresh.SetResult();
        await aged;
        // The reader after the change waited for a computation started after it, not for round 2.
        Assert.Equal(3, await afterChange);
    }

    [Fact]
    public async Task A_change_saved_in_a_transaction_moves_the_version_again_when_it_commits()
    {
        var version = fx.App.Services.GetRequiredService<ReadModelVersion>();
        await fx.App.WithScope(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Set<Municipality>().SingleAsync(m => m.IstatCode == Demo.Rho)).Phone = "02 " + Random.Shared.Next(1_000_000, 9_999_999);
            await db.SaveChangesAsync();
            var saved = version.Current(global::Metropoli.Territory.TerritoryModule.ReadModel);
            await tx.CommitAsync();
            // A value computed between the save and the commit carries the saved version but not the change.
            Assert.True(version.Current(global::Metropoli.Territory.TerritoryModule.ReadModel) > saved, "The commit did not move the version.");
            return 0;
        });
    }

    [Fact]
    public async Task Readers_of_one_key_share_one_computation_and_a_derived_value_lives_with_its_source()
    {
        var cache = new ReadCache(fx.App.Services.GetRequiredService<IServiceScopeFactory>(), new ReadModelVersion(), new ManualClock());
        var computations = 0;
        var gate = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("test:shared", global::Metropoli.Territory.TerritoryModule.ReadModel, async (db, ct) =>
        {
            Interlocked.Increment(ref computations);
            await gate.Task;
            return new List<string>(await db.Set<Zone>().OrderBy(z => z.SortOrder).Select(z => z.Code).ToListAsync(ct));
        }, CancellationToken.None)).ToList();
        gate.SetResult();
        var lists = await Task.WhenAll(readers);
        Assert.Equal(1, computations);
        Assert.All(lists, l => Assert.Same(lists[0], l));
        Assert.Equal(8, lists[0].Count);

        var derivations = 0;
        string Joined(List<string> zones) => cache.Derive(zones, "joined", z => { derivations++; return string.Join(",", z); });
        Assert.Equal(Joined(lists[0]), Joined(lists[0]));
        Assert.Equal(1, derivations);
        // Another source (a new computation) never gets the first one's derived value.
        Assert.Equal(Joined(lists[0]), Joined([.. lists[0]]));
        Assert.Equal(2, derivations);
    }
}
