using System.Data.Common;
using System.Diagnostics;
using Metropoli.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Metropoli.Web.Platform.Scale;

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
        var (table, columns) = Describe(typeof(T));
        var key = columns.Single(c => c.Property.IsPrimaryKey());
        return await ScalarAsync($"SELECT COALESCE(MAX(\"{key.Name}\"), 0) FROM \"{table}\"", ct) + 1;
    }

    public async Task<long> InsertAsync<T>(string label, IEnumerable<T> rows, long expected, CancellationToken ct) where T : class
    {
        var (table, columns) = Describe(typeof(T));
        var bar = _progress.Start(label, expected);
        long count;
        if (Provider == DatabaseProvider.Postgres)
        {
            count = await CopyAsync(table, columns, rows, bar, ct);
            // Keys were given explicitly: move the identity sequence past them.
            var identity = columns.SingleOrDefault(c => c.Property.IsPrimaryKey() && c.Property.ValueGenerated == ValueGenerated.OnAdd
                && (c.Property.ClrType == typeof(long) || c.Property.ClrType == typeof(int)));
            if (identity is not null && count > 0)
            {
                await ExecAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{identity.Name}'), (SELECT MAX(\"{identity.Name}\") FROM \"{table}\"))", ct);
            }
        }
        else
        {
            count = await InsertSqliteAsync(table, columns, rows, bar, ct);
        }
        bar.Done(count);
        return count;
    }

    private sealed record Column(string Name, IProperty Property, Func<object, object?> Read, string StoreType);

    private readonly Dictionary<Type, (string, Column[])> _described = [];

    private (string Table, Column[] Columns) Describe(Type type)
    {
        if (_described.TryGetValue(type, out var d)) return d;
        var entity = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p =>
            {
                var getter = p.GetGetter();
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                var converter = mapping.Converter;
                Func<object, object?> read = converter is null
                    ? getter.GetClrValueUsingContainingEntity
                    : e => getter.GetClrValueUsingContainingEntity(e) is { } v ? converter.ConvertToProvider(v) : null;
                return new Column(p.GetColumnName(store)!, p, read, mapping.StoreTypeNameBase);
            })
            .ToArray();
        d = (table, columns);
        _described[type] = d;
        return d;
    }

    private async Task<long> InsertSqliteAsync<T>(string table, Column[] columns, IEnumerable<T> rows, ScaleProgress.Bar bar, CancellationToken ct) where T : class
    {
        var connection = (SqliteConnection)_connection;
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        cmd.Prepare();
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }
            cmd.ExecuteNonQuery();
            if (++n % 20_000 == 0) bar.Report(n);
        }
        await tx.CommitAsync(ct);
        return n;
    }

    private async Task<long> CopyAsync<T>(string table, Column[] columns, IEnumerable<T> rows, ScaleProgress.Bar bar, CancellationToken ct) where T : class
    {
        var connection = (NpgsqlConnection)_connection;
        var types = columns.Select(c => PgType(c.StoreType)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        long n = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Length; i++)
            {
                var v = columns[i].Read(row);
                switch (v)
                {
                    case null: importer.WriteNull(); break;
                    case string s: importer.Write(s, types[i]); break;
                    case long l: importer.Write(l, types[i]); break;
                    case int x: importer.Write(x, types[i]); break;
                    case bool b: importer.Write(b, types[i]); break;
                    case decimal m: importer.Write(m, types[i]); break;
                    case DateTime t: importer.Write(DateTime.SpecifyKind(t, DateTimeKind.Utc), types[i]); break;
                    case DateOnly date: importer.Write(date, types[i]); break;
                    case DateTimeOffset o: importer.Write(o, types[i]); break;
                    default: throw new NotSupportedException($"{table}.{columns[i].Name}: {v.GetType().Name}");
                }
            }
            if (++n % 20_000 == 0) bar.Report(n);
        }
        await importer.CompleteAsync(ct);
        return n;
    }

    private static NpgsqlDbType PgType(string storeType) => storeType switch
    {
        "text" => NpgsqlDbType.Text,
        "character varying" => NpgsqlDbType.Varchar,
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "numeric" => NpgsqlDbType.Numeric,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" => NpgsqlDbType.Timestamp,
        "date" => NpgsqlDbType.Date,
        _ => throw new NotSupportedException("PostgreSQL store type " + storeType),
    };

    /// <summary>Timing of the whole load, for the final line.</summary>
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
    }
}
