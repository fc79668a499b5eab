using System.Data.Common;
using System.Text;
using Metropoli.Platform.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metropoli.Tests.Infrastructure;

/// <summary>The schema of a database as a set of comparable one-line facts: tables, columns (store
/// type, nullability, default, identity), primary and foreign keys (with delete action), indexes.
/// Column order is not compared: it carries no meaning for the app.</summary>
public static class SchemaSnapshot
{
    /// <summary>Tables the migrator owns, not the model.</summary>
    private static readonly string[] Ignored = ["platform_migrations", "__EFMigrationsLock", "sqlite_sequence"];

    /// <summary>The agreement search's trigram index is built by the baseline migration outside the EF model
    /// (<see cref="SchemaExtras"/>): the SQLite FTS5 table (and the shadow tables FTS5 keeps beside it) and the
    /// PostgreSQL pg_trgm index. AgreementSearchTests checks that it is there and used.</summary>
    private static bool OutsideModel(string name) =>
        name == SchemaExtras.AgreementSearchTable
        || name.StartsWith(SchemaExtras.AgreementSearchTable + "_", StringComparison.Ordinal)
        || name == SchemaExtras.AgreementSearchIndex;

    /// <param name="withExtras">Also the objects built beside the model (<see cref="SchemaExtras"/>): the SQLite
    /// FTS5 table with its shadow tables and triggers, the PostgreSQL trigram index and the extensions; for comparing
    /// two migrated databases, not a migrated one with the model.</param>
    public static Task<SortedSet<string>> ReadAsync(DatabaseProvider provider, string connectionString, bool withExtras = false) =>
        provider == DatabaseProvider.Postgres ? ReadPostgresAsync(connectionString, withExtras) : ReadSqliteAsync(connectionString, withExtras);

    private static async Task<SortedSet<string>> ReadSqliteAsync(string connectionString, bool withExtras)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !Ignored.Contains(t.Name) && (withExtras || !OutsideModel(t.Name))))
        {
            facts.Add($"{table}: table, autoincrement={sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            if (sql.StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase))
            {
                facts.Add($"{table}: {OneLine(sql)}");
            }
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt64(4)));
            foreach (var c in columns)
            {
                facts.Add($"{table}.{c.Name}: column {c.Type}{(c.NotNull ? " NOT NULL" : " NULL")}{(c.Default is null ? "" : " DEFAULT " + c.Default)}");
            }
            var pk = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            facts.Add($"{table}: primary key ({string.Join(", ", pk)})");

            var fks = await QueryAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Target: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? "" : r.GetString(4), OnUpdate: r.GetString(5), OnDelete: r.GetString(6)));
            foreach (var fk in fks.GroupBy(f => f.Id))
            {
                var first = fk.First();
                facts.Add($"{table}: foreign key ({string.Join(", ", fk.Select(f => f.From))}) references {first.Target} ({string.Join(", ", fk.Select(f => f.To))}) on delete {first.OnDelete} on update {first.OnUpdate}");
            }

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2), Partial: r.GetInt64(3) == 1));
            foreach (var ix in indexes.Where(i => i.Origin != "pk"))
            {
                var cols = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{ix.Name}') ORDER BY seqno", r => r.IsDBNull(0) ? "<expr>" : r.GetString(0));
                facts.Add($"{table}: index {ix.Name}{(ix.Unique ? " UNIQUE" : "")}{(ix.Partial ? " PARTIAL" : "")} ({string.Join(", ", cols)}) origin={ix.Origin}");
            }
        }
        if (withExtras)
        {
            var triggers = await QueryAsync(connection, "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'",
                r => (Table: r.GetString(0), Name: r.GetString(1), Sql: r.GetString(2)));
            foreach (var t in triggers)
            {
                facts.Add($"{t.Table}: trigger {t.Name} {OneLine(t.Sql)}");
            }
        }
        return facts;
    }

    private static string OneLine(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<SortedSet<string>> ReadPostgresAsync(string connectionString, bool withExtras)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string userTables = """
            SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """;
        foreach (var t in await QueryAsync(connection, userTables + " ORDER BY c.relname", r => r.GetString(1)))
        {
            if (!Ignored.Contains(t))
            {
                facts.Add($"{t}: table");
            }
        }
        var columns = await QueryAsync(connection, $"""
            SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, coalesce(co.collname, '')
            FROM ({userTables}) t(oid, relname)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND co.collname <> 'default'
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetBoolean(3),
                Default: r.IsDBNull(4) ? null : r.GetString(4), Identity: r.GetChar(5), Generated: r.GetChar(6), Collation: r.GetString(7)));
        foreach (var c in columns.Where(c => !Ignored.Contains(c.Table)))
        {
            var identity = c.Identity switch { 'a' => " GENERATED ALWAYS AS IDENTITY", 'd' => " GENERATED BY DEFAULT AS IDENTITY", _ => "" };
            var generated = c.Generated == 's' ? " GENERATED STORED" : "";
            var collation = c.Collation.Length > 0 ? " COLLATE " + c.Collation : "";
            facts.Add($"{c.Table}.{c.Name}: column {c.Type}{collation}{(c.NotNull ? " NOT NULL" : " NULL")}{(c.Default is null ? "" : " DEFAULT " + c.Default)}{identity}{generated}");
        }
        var constraints = await QueryAsync(connection, $"""
            SELECT t.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
            FROM ({userTables}) t(oid, relname) JOIN pg_constraint con ON con.conrelid = t.oid
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetChar(2), Definition: r.GetString(3)));
        foreach (var c in constraints.Where(c => !Ignored.Contains(c.Table)))
        {
            // Constraint definitions spell out the delete action ("ON DELETE CASCADE"); NO ACTION is implicit.
            var kind = c.Type switch { 'p' => "primary key", 'f' => "foreign key", 'u' => "unique", 'c' => "check", 'x' => "exclusion", _ => c.Type.ToString() };
            facts.Add($"{c.Table}: {kind} {c.Name} {c.Definition}");
        }
        var indexes = await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => (Table: r.GetString(0), Name: r.GetString(1), Definition: r.GetString(2)));
        foreach (var ix in indexes.Where(i => !Ignored.Contains(i.Table) && (withExtras || !OutsideModel(i.Name))))
        {
            facts.Add($"{ix.Table}: index {ix.Name} {ix.Definition.Replace("public.", "", StringComparison.Ordinal)}");
        }
        if (withExtras)
        {
            foreach (var extension in await QueryAsync(connection, "SELECT extname FROM pg_extension", r => r.GetString(0)))
            {
                facts.Add($"(database): extension {extension}");
            }
        }
        return facts;
    }

    /// <summary>A readable diff, grouped by table; empty when equal.</summary>
    public static string Diff(SortedSet<string> expected, string expectedLabel, SortedSet<string> actual, string actualLabel)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return "";
        }
        var sb = new StringBuilder();
        foreach (var table in missing.Concat(extra).Select(TableOf).Distinct().Order(StringComparer.Ordinal))
        {
            sb.AppendLine($"== {table}");
            foreach (var line in missing.Where(l => TableOf(l) == table))
            {
                sb.AppendLine($"  - only in {expectedLabel}: {line}");
            }
            foreach (var line in extra.Where(l => TableOf(l) == table))
            {
                sb.AppendLine($"  + only in {actualLabel}: {line}");
            }
        }
        return sb.ToString();
    }

    private static string TableOf(string fact) => fact.Split(':', '.')[0];

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }
        return list;
    }
}
