using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Metropoli.Platform.Data;

/// <summary>Inserts many rows of an EF entity type straight into its table, on a given connection and
/// transaction, without the change tracker: SQLite with one prepared INSERT re-bound per row, PostgreSQL
/// with binary COPY. Table and column names, store types and value converters come from the EF model,
/// so the raw SQL cannot drift from the migrations. Keys must be set by the caller. Rows written this
/// way are not audited by <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>: the caller
/// writes the audit entries it owes (see docs/adr/0015).</summary>
public static class BulkInsert
{
    private sealed record Column(string Name, IProperty Property, Func<object, object?> Read, NpgsqlDbType PgType);

    private sealed record Table(string Name, Column[] Columns);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), Table> Described = new();

    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    public static string TableName<T>(IModel model) => Describe(model, typeof(T)).Name;

    public static string KeyColumn<T>(IModel model) => Describe(model, typeof(T)).Columns.Single(c => c.Property.IsPrimaryKey()).Name;

    /// <summary>Writes <paramref name="rows"/>; <paramref name="progress"/> is called every 20,000 rows.</summary>
    public static async Task<long> WriteAsync<T>(IModel model, DbConnection connection, DbTransaction? transaction, IEnumerable<T> rows,
        Action<long>? progress, CancellationToken ct) where T : class
    {
        var table = Describe(model, typeof(T));
        long count;
        if (connection is NpgsqlConnection pg)
        {
            count = await CopyAsync(pg, table, rows, progress, ct);
            // Keys were given explicitly: move the identity sequence past them.
            var identity = table.Columns.SingleOrDefault(c => c.Property.IsPrimaryKey() && c.Property.ValueGenerated == ValueGenerated.OnAdd
                && (c.Property.ClrType == typeof(long) || c.Property.ClrType == typeof(int)));
            if (identity is not null && count > 0)
            {
                await using var cmd = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('\"{table.Name}\"', '{identity.Name}'), (SELECT MAX(\"{identity.Name}\") FROM \"{table.Name}\"))", pg,
                    (NpgsqlTransaction?)transaction);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            count = Insert((SqliteConnection)connection, (SqliteTransaction?)transaction, table, rows, progress);
        }
        return count;
    }

    private static Table Describe(IModel model, Type type) => Described.GetOrAdd((model, type), key =>
    {
        var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
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
                return new Column(p.GetColumnName(store)!, p, read, PgType(mapping.StoreTypeNameBase));
            })
            .ToArray();
        return new Table(name, columns);
    });

    private static string ColumnList(Table t) => string.Join(", ", t.Columns.Select(c => $"\"{c.Name}\""));

    private static long Insert<T>(SqliteConnection connection, SqliteTransaction? transaction, Table table, IEnumerable<T> rows, Action<long>? progress) where T : class
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"{table.Name}\" ({ColumnList(table)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        cmd.Prepare();
        long n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            }
            cmd.ExecuteNonQuery();
            if (++n % 20_000 == 0) progress?.Invoke(n);
        }
        return n;
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, Action<long>? progress, CancellationToken ct) where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({ColumnList(table)}) FROM STDIN (FORMAT BINARY)", ct);
        var columns = table.Columns;
        long n = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Length; i++)
            {
                var type = columns[i].PgType;
                switch (columns[i].Read(row))
                {
                    case null: importer.WriteNull(); break;
                    case string s: importer.Write(s, type); break;
                    case long l: importer.Write(l, type); break;
                    case int x: importer.Write(x, type); break;
                    case bool b: importer.Write(b, type); break;
                    case decimal m: importer.Write(m, type); break;
                    case DateTime t: importer.Write(DateTime.SpecifyKind(t, DateTimeKind.Utc), type); break;
                    case DateOnly d: importer.Write(d, type); break;
                    case DateTimeOffset o: importer.Write(o, type); break;
                    case var v: throw new NotSupportedException($"{table.Name}.{columns[i].Name}: {v.GetType().Name}");
                }
            }
            if (++n % 20_000 == 0) progress?.Invoke(n);
        }
        await importer.CompleteAsync(ct);
        return n;
    }

    // SQLite's names (TEXT, INTEGER…) never reach this: the mapping is only read for PostgreSQL.
    private static NpgsqlDbType PgType(string storeType) => storeType.ToLowerInvariant() switch
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
        _ => NpgsqlDbType.Unknown,
    };
}
