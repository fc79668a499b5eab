using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metropoli.Platform.Data;

/// <summary>Databases made before the generated migrations (docs/adr/0027) hold the schema of the hand-written chain
/// below, which the baseline migration rebuilds exactly (the upgrade test compares both). Such a database is adopted:
/// the baseline's history row is written, so that the migrator applies only what came after it.</summary>
public static class MigrationBaseline
{
    /// <summary>The name of each provider's first migration, which builds the whole schema of the hand-written chain.</summary>
    public const string Name = "Baseline";

    /// <summary>The history rows of the hand-written migrations, in order; a database holds all of them or none.</summary>
    public static readonly IReadOnlyList<string> HandWrittenChain =
    [
        "20261122000001_Initial",
        "20261122000002_Feedback",
        "20261122000003_TerritoryHistory",
        "20261122000004_Organisations",
        "20261122000005_StrategicPlan",
        "20261122000006_Indicators",
        "20261122000007_Notifications",
        "20261122000008_Campaigns",
        "20261122000009_Agreements",
        "20261202000010_ReadModelIndexes",
        "20261203000011_AgreementSearch",
    ];

    /// <summary>The baseline's id in this context's migrations assembly (the ids carry their creation time, so each
    /// provider's differs).</summary>
    public static string BaselineId(AppDbContext db)
    {
        var first = db.Database.GetMigrations().FirstOrDefault();
        return first is not null && first.EndsWith("_" + Name, StringComparison.Ordinal)
            ? first
            : throw new InvalidOperationException($"The first migration of {db.Database.ProviderName} is '{first}', not the baseline ('…_{Name}').");
    }

    /// <summary>Before the migrator runs: writes the baseline's history row into a database made by the whole
    /// hand-written chain, and refuses one made by part of it (its schema is neither the baseline's nor empty).
    /// Under the migrator's own database lock, so that instances starting together adopt once.</summary>
    public static async Task AdoptHandWrittenChainAsync(AppDbContext db, CancellationToken ct)
    {
        var baseline = BaselineId(db);
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return;
        }
        var history = db.GetService<IHistoryRepository>();
        // Read first without the lock: a new database (no history table) and every database after its first start
        // under the generated migrations leave here.
        if (!NeedsAdoption(await history.GetAppliedMigrationsAsync(ct), baseline))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        IMigrationsDatabaseLock? databaseLock = null;
        try
        {
            // The lock as the migrator takes it: SQLite's lock row outside the transaction, PostgreSQL's table lock inside.
            if (history.LockReleaseBehavior != LockReleaseBehavior.Transaction)
            {
                databaseLock = await history.AcquireDatabaseLockAsync(ct);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            databaseLock ??= await history.AcquireDatabaseLockAsync(ct);

            var applied = await history.GetAppliedMigrationsAsync(ct);
            if (!NeedsAdoption(applied, baseline))
            {
                return; // another instance adopted it meanwhile
            }
            var missing = HandWrittenChain.Except(applied.Select(r => r.MigrationId), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"This database was made by an older Metropoli that stopped before the hand-written migration {missing[0]}: " +
                    $"this version cannot upgrade it. Start the previous release once (it applies {HandWrittenChain[^1]}), then this one.");
            }
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            if (databaseLock is not null)
            {
                await databaseLock.DisposeAsync();
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool NeedsAdoption(IReadOnlyList<HistoryRow> applied, string baseline) =>
        !applied.Any(r => r.MigrationId == baseline) && applied.Any(r => HandWrittenChain.Contains(r.MigrationId));
}
