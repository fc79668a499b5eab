using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Data;

/// <summary>A database made by the hand-written migrations that the generated baseline replaced upgrades without
/// loss, on the provider under test. The databases are real: dumps of ones made and filled with demo content by the
/// code before the baseline (Fixtures/README.md), loaded into an empty database and started with the real host.</summary>
[Trait("Database", "Both")]
public sealed class DatabaseUpgradeTests(ITestOutputHelper output)
{
    /// <summary>Tables of every module and the platform, each with rows in the fixtures.</summary>
    private static readonly string[] CountedTables =
    [
        "auth_users", "auth_user_roles", "territory_municipalities", "territory_zone_memberships", "territory_organisations",
        "plan_plans", "plan_actions", "plan_indicators", "plan_measurements", "plan_campaign_tasks",
        "agreement_agreements", "agreement_parties", "agreement_obligations", "platform_audit_entries",
    ];

    [Fact]
    public async Task A_database_of_the_hand_written_chain_adopts_the_baseline_keeps_its_data_and_ends_with_a_fresh_schema()
    {
        await using var old = await TestDatabase.CreateAsync("upgrade");
        await PreviousRelease.LoadAsync(old);
        var before = await CountRowsAsync(old);
        Assert.All(CountedTables, t => Assert.True(before[t] > 0, $"The fixture has no rows in {t}"));

        string baseline;
        await using (var app = new MetropoliApp(old).Start())
        {
            baseline = await app.WithDb(db => Task.FromResult(MigrationBaseline.BaselineId(db)));
            var applied = await app.WithDb(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
            Assert.Contains(baseline, applied);
            Assert.All(MigrationBaseline.HandWrittenChain, id => Assert.Contains(id, applied));
            Assert.Empty(await app.WithDb(db => db.Database.GetPendingMigrationsAsync()));
            // Every row kept; the audit trail may only have grown (reference data added at start is audited,
            // e.g. the sectors registry of a later release) and still verifies from its first row.
            var after = await CountRowsAsync(old);
            Assert.Equal(before.Where(kv => kv.Key != "platform_audit_entries"), after.Where(kv => kv.Key != "platform_audit_entries"));
            Assert.True(after["platform_audit_entries"] >= before["platform_audit_entries"]);

            var chain = await app.WithDb(db => AuditChain.VerifyAsync(db, null, CancellationToken.None));
            Assert.True(chain.Ok, chain.Message);
            Assert.Equal(after["platform_audit_entries"], chain.Checked);

            // The old rows serve the app: a demo account's new token reads the agreements it could read before.
            var agreements = await app.WithToken(await app.TokenFor(Demo.Admin)).GetAsync("/api/v1/agreements?limit=1");
            Assert.Equal(System.Net.HttpStatusCode.OK, agreements.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await agreements.Content.ReadAsStringAsync());
            Assert.Equal(before["agreement_agreements"], json.RootElement.GetProperty("total").GetInt64());
        }
        Assert.Equal(1, await ScalarAsync(old, $"SELECT count(*) FROM {DatabaseSetup.HistoryTable} WHERE \"MigrationId\" = '{baseline}'"));

        await using var fresh = await TestDatabase.CreateAsync("fresh");
        await using (var db = NewContext(fresh))
        {
            await db.MigrateAsync();
        }
        var upgraded = await SchemaSnapshot.ReadAsync(old.Provider, old.ConnectionString, withExtras: true);
        var created = await SchemaSnapshot.ReadAsync(fresh.Provider, fresh.ConnectionString, withExtras: true);
        Assert.Contains(created, f => f.Contains(old.IsPostgres ? SchemaExtras.AgreementSearchIndex : "trigger agreement_search_update", StringComparison.Ordinal));
        var diff = SchemaSnapshot.Diff(created, "a new database", upgraded, "the upgraded one");
        output.WriteLine(diff);
        Assert.True(diff.Length == 0, $"The upgraded database's schema differs from a new one's on {old.Provider}:\n{diff}");
    }

    [Fact]
    public async Task A_database_of_part_of_the_hand_written_chain_is_refused_and_left_as_it_was()
    {
        await using var old = await TestDatabase.CreateAsync("partial");
        await PreviousRelease.LoadAsync(old);
        var last = MigrationBaseline.HandWrittenChain[^1];
        await ScalarAsync(old, $"DELETE FROM {DatabaseSetup.HistoryTable} WHERE \"MigrationId\" = '{last}'");

        await using var db = NewContext(old);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.MigrateAsync());
        Assert.Contains(last, refused.Message, StringComparison.Ordinal);
        Assert.Contains("previous release", refused.Message, StringComparison.Ordinal);
        Assert.Equal(MigrationBaseline.HandWrittenChain.Count - 1, await ScalarAsync(old, $"SELECT count(*) FROM {DatabaseSetup.HistoryTable}"));
    }

    private static AppDbContext NewContext(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        return new AppDbContext(options.Options);
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(TestDatabase database)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in CountedTables)
        {
            counts[table] = await ScalarAsync(database, $"SELECT count(*) FROM {table}");
        }
        return counts;
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = PreviousRelease.OpenUnpooled(database);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
