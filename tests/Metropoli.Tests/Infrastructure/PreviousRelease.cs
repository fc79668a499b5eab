using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metropoli.Tests.Infrastructure;

/// <summary>A database of the releases before the generated migrations: made by the hand-written migrations
/// M0001–M0011 and filled with reference data, demo accounts and demo content, as deployed databases are
/// (Fixtures/hand-written-chain.*.sql, Fixtures/README.md).</summary>
public static class PreviousRelease
{
    /// <summary>Runs the provider's dump on an empty database, on an unpooled connection of its own that is closed
    /// afterwards: nothing of the loader's session (PostgreSQL's emptied search_path, SQLite's rewritten schema
    /// table for the FTS5 table) reaches the app's connections.</summary>
    public static async Task LoadAsync(TestDatabase database)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", $"hand-written-chain.{(database.IsPostgres ? "postgres" : "sqlite")}.sql");
        var sql = await File.ReadAllTextAsync(file);
        if (database.IsPostgres)
        {
            // pg_dump's psql meta-commands (\restrict, \unrestrict) are not SQL.
            sql = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
        }
        await using var connection = OpenUnpooled(database);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 300;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A connection outside the app's pools, for reading or changing the database behind its back.</summary>
    public static DbConnection OpenUnpooled(TestDatabase database) => database.IsPostgres
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString())
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
}
