using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    /// <summary>How long a start (or <c>migrate</c>/<c>seed</c>) waits for another process that holds the
    /// startup lock (<see cref="StartupLock"/>) before giving up.</summary>
    public int StartupLockTimeoutSeconds { get; set; } = 600;

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

    /// <summary>Applies the pending migrations under the startup lock (<see cref="StartupLock"/>): safe when
    /// several processes start or upgrade the same database at once.</summary>
    public static async Task MigrateAsync(this AppDbContext db, CancellationToken ct = default)
    {
        await using (await StartupLock.AcquireAsync(db, StartupLock.DefaultTimeout, null, ct))
        {
            await db.MigrateUnderLockAsync(ct);
        }
    }

    /// <summary>Applies the pending migrations; the caller holds the <see cref="StartupLock"/>.</summary>
    public static async Task MigrateUnderLockAsync(this AppDbContext db, CancellationToken ct = default)
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

/// <summary>One process at a time migrates and seeds a database (docs/adr/0025). PostgreSQL: a session-level
/// <c>pg_advisory_lock</c> on a dedicated, unpooled connection, held until disposed (a crashed holder's session
/// ends and frees it). SQLite: an exclusive lock on a file beside the database file (<c>metropoli.db.startup-lock</c>,
/// never deleted: deleting it could let a third process lock a new file while the second still holds the old
/// one); the OS frees it when the holder dies. The others wait (polling) up to the timeout, then fail with a clear
/// message; once inside they find the work done (migrations applied, seeding idempotent).</summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "Metropol" in ASCII. Advisory locks are per database, so two
    /// databases on one server never wait for each other.</summary>
    public const long PostgresKey = 0x4D6574726F706F6C;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly Npgsql.NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(Npgsql.NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    /// <summary>What was locked, for messages: the lock file, or the advisory key and database.</summary>
    public string Description { get; private init; } = "";

    public static Task<StartupLock> AcquireAsync(IServiceProvider sp, CancellationToken ct)
    {
        var options = sp.GetRequiredService<DatabaseOptions>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Metropoli.Startup");
        return AcquireAsync(sp.GetRequiredService<AppDbContext>(), TimeSpan.FromSeconds(Math.Max(1, options.StartupLockTimeoutSeconds)),
            message => log.LogInformation("{Message}", message), ct);
    }

    public static async Task<StartupLock> AcquireAsync(AppDbContext db, TimeSpan timeout, Action<string>? waiting, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string: cannot take the startup lock.");
        return db.Database.IsNpgsql()
            ? await AcquirePostgresAsync(db, connectionString, timeout, waiting, ct)
            : await AcquireFileAsync(connectionString, timeout, waiting, ct);
    }

    private static async Task<StartupLock> AcquirePostgresAsync(AppDbContext db, string connectionString, TimeSpan timeout, Action<string>? waiting, CancellationToken ct)
    {
        // Unpooled: a session-level advisory lock belongs to the connection, which must really close on dispose.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false };
        var description = $"pg_advisory_lock({PostgresKey}) on database \"{builder.Database}\"";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connection = new Npgsql.NpgsqlConnection(builder.ToString());
        try
        {
            await OpenCreatingDatabaseAsync(db, connection, ct);
            var told = false;
            while (true)
            {
                await using (var cmd = new Npgsql.NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
                {
                    cmd.Parameters.AddWithValue("key", PostgresKey);
                    if (await cmd.ExecuteScalarAsync(ct) is true)
                    {
                        return new StartupLock(connection, null) { Description = description };
                    }
                }
                if (clock.Elapsed >= timeout)
                {
                    throw new TimeoutException($"Another process has been migrating or seeding the database for more than {timeout.TotalSeconds:0} s " +
                        $"(it holds {description}); gave up waiting. If no other instance is starting, look for a stuck session in pg_locks " +
                        $"(locktype = 'advisory'); raise Database:StartupLockTimeoutSeconds for a long migration.");
                }
                if (!told)
                {
                    waiting?.Invoke($"Another process is migrating or seeding the database ({description}): waiting for it.");
                    told = true;
                }
                await Task.Delay(Poll, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>EF's Migrate creates a missing PostgreSQL database; the lock needs a connection first, so it does
    /// the same here (a second process racing to create it finds it created).</summary>
    private static async Task OpenCreatingDatabaseAsync(AppDbContext db, Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            try
            {
                await db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>().CreateAsync(ct);
            }
            catch (Npgsql.PostgresException created) when (created.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it first.
            }
            await connection.OpenAsync(ct);
        }
    }

    private static async Task<StartupLock> AcquireFileAsync(string connectionString, TimeSpan timeout, Action<string>? waiting, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return new StartupLock(null, null) { Description = "in-memory database (one process)" };
        }
        var path = Path.GetFullPath(source) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None: on Linux an exclusive flock() that another process's FileShare.None open refuses.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new StartupLock(null, file) { Description = path };
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                if (!told)
                {
                    waiting?.Invoke($"Another process is migrating or seeding the database (it holds {path}): waiting for it.");
                    told = true;
                }
                await Task.Delay(Poll, ct);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another process has been migrating or seeding the database for more than {timeout.TotalSeconds:0} s " +
                    $"(it holds {path}); gave up waiting. If no other instance or command is running, the lock is held by a " +
                    "stuck process (see fuser/lsof on that file); raise Database:StartupLockTimeoutSeconds for a long migration.", e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                cmd.Parameters.AddWithValue("key", PostgresKey);
                await cmd.ExecuteScalarAsync();
            }
            catch (Npgsql.NpgsqlException)
            {
                // The session is gone, and the lock with it.
            }
            await _connection.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
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
