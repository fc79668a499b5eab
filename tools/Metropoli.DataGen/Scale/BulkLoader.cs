using System.Data.Common;
using Metropoli.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Metropoli.DataGen.Scale;

/// <summary>Writes rows of an EF entity type straight into its table, bypassing the change tracker (and so
/// the audit recorder, which the generator replaces with its own hash-chained rows). Table and column names,
/// store types and value converters are read from the EF model, so the loader cannot drift from the
/// migrations. SQLite: one connection, one transaction per table, one prepared INSERT re-bound per row.
/// PostgreSQL: binary COPY. See docs/adr/0015.</summary>
public sealed class BulkLoader : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly IModel _model;
    private readonly ScaleProgress _progress;

    public DatabaseProvider Provider { get; }

    private BulkLoader(DbConnection connection, IModel model, DatabaseProvider provider, ScaleProgress progress)
    {
        _connection = connection;
        _model = model;
        Provider = provider;
        _progress = progress;
    }

    public static async Task<BulkLoader> OpenAsync(AppDbContext db, ScaleProgress progress, CancellationToken ct)
    {
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var cs = db.Database.GetConnectionString()!;
        DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(cs)
            // A private, unpooled connection: the load PRAGMAs below must not leak into the app's pool.
            : new SqliteConnection(new SqliteConnectionStringBuilder(cs) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Durability is pointless while generating (a failed load is simply re-run on a new file):
            // no fsync, a big page cache, temporary B-trees in memory. Foreign keys stay on, so a
            // generator bug shows up as an error rather than as dangling rows.
            await ExecAsync(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;", ct);
        }
        return new BulkLoader(connection, db.Model, provider, progress);
    }

    public DbConnection Connection => _connection;

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is null or DBNull ? 0 : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task ExecAsync(string sql, CancellationToken ct) => ExecAsync(_connection, sql, ct);

    private static async Task ExecAsync(DbConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The next free value of an entity's numeric key (the generator assigns keys itself, so that
    /// children can point at parents without reading them back).</summary>
    public async Task<long> NextIdAsync<T>(CancellationToken ct)
    {
        return await ScalarAsync($"SELECT COALESCE(MAX(\"{BulkInsert.KeyColumn<T>(_model)}\"), 0) FROM \"{BulkInsert.TableName<T>(_model)}\"", ct) + 1;
    }

    /// <summary>A generated collection, whose size is the expected count of its progress bar.</summary>
    public Task<long> InsertAsync<T>(string label, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(label, rows, rows.Count, ct);

    public async Task<long> InsertAsync<T>(string label, IEnumerable<T> rows, long expected, CancellationToken ct) where T : class
    {
        var bar = _progress.Start(label, expected);
        long count;
        if (Provider == DatabaseProvider.Postgres)
        {
            count = await BulkInsert.WriteAsync(_model, _connection, null, rows, bar.Report, ct);
        }
        else
        {
            // One transaction per table: a commit per row would cost an fsync-less but still full journal cycle each.
            await using var tx = await _connection.BeginTransactionAsync(ct);
            count = await BulkInsert.WriteAsync(_model, _connection, tx, rows, bar.Report, ct);
            await tx.CommitAsync(ct);
        }
        bar.Done(count);
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }
}
