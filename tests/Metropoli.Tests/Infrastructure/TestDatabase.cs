using Metropoli.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metropoli.Tests.Infrastructure;

/// <summary>A throw-away database on the provider the run targets: <c>METROPOLI_TEST_PROVIDER</c> =
/// <c>Sqlite</c> (default, a file in a temp folder) or <c>Postgres</c> (a uniquely named database on
/// the server named by <c>METROPOLI_TEST_PG</c>, dropped on dispose).
/// <para><see cref="CreateAsync"/> gives an empty database, for the tests of a first start (migrations,
/// seeds). <see cref="FromTemplateAsync"/> gives a copy of a template that one real start of the app made
/// once per test run (migrations, reference data, demo accounts with <see cref="MetropoliApp.DemoPassword"/>,
/// demo content): a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL. A copy is what
/// a fresh start leaves, without every test class paying for that start.</para></summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _pgAdmin;
    private readonly string? _pgName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? pgAdmin, string? pgName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _pgAdmin = pgAdmin;
        _pgName = pgName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseProvider CurrentProvider =>
        Environment.GetEnvironmentVariable("METROPOLI_TEST_PROVIDER") is { Length: > 0 } p
            ? Enum.Parse<DatabaseProvider>(p, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>An empty database: nothing migrated, nothing seeded.</summary>
    public static Task<TestDatabase> CreateAsync(string label = "db") => CreateAsync(label, template: null);

    /// <summary>A database holding what a first start of the app with the test settings creates.</summary>
    public static async Task<TestDatabase> FromTemplateAsync(string label = "db")
    {
        var template = await Template.Value;
        return await CreateAsync(label, template);
    }

    private static async Task<TestDatabase> CreateAsync(string label, TestDatabase? template)
    {
        if (CurrentProvider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("METROPOLI_TEST_PG");
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException("METROPOLI_TEST_PROVIDER=Postgres needs METROPOLI_TEST_PG (e.g. Host=127.0.0.1;Port=55432;Username=postgres).");
            }
            var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
            var name = $"metropoli_test_{label}_{Guid.NewGuid():N}"[..50].ToLowerInvariant();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template._pgName}\"";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var cmd = new NpgsqlCommand(sql, connection);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            return new TestDatabase(DatabaseProvider.Postgres, cs, null, admin, name);
        }

        var folder = Path.Combine(Path.GetTempPath(), "metropoli-tests", $"{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "metropoli.db");
        if (template is not null)
        {
            // The template was checkpointed and closed: its one file is the whole database (WAL mode is
            // recorded in the file's header, so the copy opens in WAL mode too).
            File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, file);
        }
        var sqlite = $"Data Source={file};Default Timeout=30";
        return new TestDatabase(DatabaseProvider.Sqlite, sqlite, folder, null, null);
    }

    private static readonly Lazy<Task<TestDatabase>> Template = new(BuildTemplateAsync);

    /// <summary>A real start of the app (the same <c>Program</c>, migrations, seeds and demo accounts as any
    /// test app) on an empty database, then closed so that it can be copied.</summary>
    private static async Task<TestDatabase> BuildTemplateAsync()
    {
        var template = await CreateAsync("template", template: null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // Best effort: a throw-away cluster or the OS's temp cleaning takes what is left.
            }
        };
        await using (var app = new MetropoliApp(template).Start())
        {
        }
        if (template.IsPostgres)
        {
            // CREATE DATABASE … TEMPLATE refuses a source with sessions: close the app's pooled ones, and
            // let no later connection in.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(template.ConnectionString));
            await using var connection = new NpgsqlConnection(template._pgAdmin);
            await connection.OpenAsync();
            await using (var shut = new NpgsqlCommand($"ALTER DATABASE \"{template._pgName}\" WITH ALLOW_CONNECTIONS false", connection))
            {
                await shut.ExecuteNonQueryAsync();
            }
            await using var close = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template._pgName}'", connection);
            await close.ExecuteNonQueryAsync();
        }
        else
        {
            var cs = new SqliteConnectionStringBuilder(template.ConnectionString) { Pooling = false }.ToString();
            SqliteConnection.ClearPool(new SqliteConnection(template.ConnectionString));
            await using var connection = new SqliteConnection(cs);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            // Moves every committed page from the WAL into the main file and empties the WAL.
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var result = await checkpoint.ExecuteReaderAsync();
            if (!await result.ReadAsync() || result.GetInt32(0) != 0)
            {
                throw new InvalidOperationException("The template's WAL could not be checkpointed: a connection still holds it.");
            }
        }
        return template;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null)
        {
            await using var connection = new NpgsqlConnection(_pgAdmin);
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        if (_folder is not null)
        {
            // Pooled connections keep the file open; only idle ones are closed, so this is safe beside other tests.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A connection of a still-running test may hold the file; the temp folder is cleaned by the OS.
            }
        }
    }
}
