using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Metropoli.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>Database:Provider</c> = Sqlite (default, a file under <c>Database:DataFolder</c>) or
/// Postgres (<c>Database:ConnectionString</c>).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
    public string DataFolder { get; set; } = "data";
    public bool MigrateOnStartup { get; set; } = true;

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
        }
        var folder = Path.GetFullPath(Path.Combine(contentRoot, DataFolder));
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "metropoli.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}

public static class DatabaseSetup
{
    public const string HistoryTable = "platform_migrations";

    /// <summary>One migrations project per provider (docs/adr/0027): each holds the migrations and model snapshot
    /// generated for its provider's column types and annotations. The host references both; the platform names
    /// them only here, by assembly name.</summary>
    public const string SqliteMigrations = "Metropoli.Migrations.Sqlite", PostgresMigrations = "Metropoli.Migrations.Postgres";

    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        return options;
    }

    public static void AddAppDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.ReadDatabaseOptions();
        var connectionString = options.ResolveConnectionString(contentRoot);
        services.AddSingleton(options);
        services.AddSingleton<ReadModelVersion>();
        services.AddSingleton<ReadCache>();
        services.AddDbContext<AppDbContext>(db => Configure(db, options.Provider, connectionString));
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(HistoryTable).MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            db.UseSqlite(connectionString, o => o.MigrationsHistoryTable(HistoryTable).MigrationsAssembly(SqliteMigrations));
            db.AddInterceptors(SqlitePragmas.Instance);
        }
        db.AddInterceptors(ReadModelCommits.Instance);
    }

    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        await MigrationBaseline.AdoptHandWrittenChainAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer and survives a crash of the process.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>Moves the read models' versions again when a transaction that saved changes to them ends
/// (<see cref="AppDbContext.TransactionEnded"/>): the bump made at SaveChanges came before the commit.</summary>
internal sealed class ReadModelCommits : DbTransactionInterceptor
{
    public static readonly ReadModelCommits Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionEnded();

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.TransactionEnded();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionEnded();

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.TransactionEnded();
        return Task.CompletedTask;
    }
}

/// <summary>Per-connection SQLite settings: foreign keys on, and a wait instead of an error when busy.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        cmd.ExecuteNonQuery();
    }
}
