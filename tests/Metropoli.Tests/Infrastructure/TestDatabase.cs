using Metropoli.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metropoli.Tests.Infrastructure;

/// <summary>A throw-away database on the provider the run targets: <c>METROPOLI_TEST_PROVIDER</c> =
/// <c>Sqlite</c> (default, a file in a temp folder) or <c>Postgres</c> (a uniquely named database on
/// the server named by <c>METROPOLI_TEST_PG</c>, dropped on dispose).</summary>
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

    public static async Task<TestDatabase> CreateAsync(string label = "db")
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
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await cmd.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            return new TestDatabase(DatabaseProvider.Postgres, cs, null, admin, name);
        }

        var folder = Path.Combine(Path.GetTempPath(), "metropoli-tests", $"{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var sqlite = $"Data Source={Path.Combine(folder, "metropoli.db")};Default Timeout=30";
        return new TestDatabase(DatabaseProvider.Sqlite, sqlite, folder, null, null);
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
