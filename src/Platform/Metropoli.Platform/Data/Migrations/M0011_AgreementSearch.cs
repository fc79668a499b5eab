using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Metropoli.Platform.Data.Migrations;

/// <summary>A trigram index for the agreement register's text search (bench/RESULTS.md, step 5; ADR 0022), so
/// that "contains" finds its rows through an index instead of reading every title and subject. SQLite: an FTS5
/// table with the trigram tokenizer over title, number and subject, kept by triggers (external content: the
/// text is stored once, in the agreements table). PostgreSQL: pg_trgm and a GIN index on the lower-cased
/// columns; where the extension cannot be created the search works as before, without the index.
/// Neither is part of the EF model (SchemaSnapshot leaves them out of the comparison).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203000011_AgreementSearch")]
public sealed class M0011_AgreementSearch : Migration
{
    public const string SqliteTable = "agreement_search";
    public const string PostgresIndex = "IX_agreement_agreements_search_trgm";

    private static readonly (string Name, string Body)[] SqliteTriggers =
    [
        ("agreement_search_insert", """
            AFTER INSERT ON agreement_agreements BEGIN
                INSERT INTO agreement_search (rowid, "Title", "Number", "Subject") VALUES (new."Id", new."Title", new."Number", new."Subject");
            END
            """),
        ("agreement_search_delete", """
            AFTER DELETE ON agreement_agreements BEGIN
                INSERT INTO agreement_search (agreement_search, rowid, "Title", "Number", "Subject") VALUES ('delete', old."Id", old."Title", old."Number", old."Subject");
            END
            """),
        ("agreement_search_update", """
            AFTER UPDATE OF "Title", "Number", "Subject" ON agreement_agreements BEGIN
                INSERT INTO agreement_search (agreement_search, rowid, "Title", "Number", "Subject") VALUES ('delete', old."Id", old."Title", old."Number", old."Subject");
                INSERT INTO agreement_search (rowid, "Title", "Number", "Subject") VALUES (new."Id", new."Title", new."Number", new."Subject");
            END
            """),
    ];

    protected override void Up(MigrationBuilder m)
    {
        if (m.IsSqlite())
        {
            m.Sql("""CREATE VIRTUAL TABLE agreement_search USING fts5("Title", "Number", "Subject", content='agreement_agreements', content_rowid='Id', tokenize='trigram')""");
            m.Sql("INSERT INTO agreement_search (agreement_search) VALUES ('rebuild')");
            foreach (var (name, body) in SqliteTriggers) m.Sql($"CREATE TRIGGER {name} {body}");
            return;
        }
        m.Sql("""
            DO $$
            BEGIN
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'pg_trgm is not available: the agreement search runs without its index';
            END $$
            """);
        m.Sql($"""
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    CREATE INDEX "{PostgresIndex}" ON agreement_agreements
                        USING gin (lower("Title") gin_trgm_ops, lower("Number") gin_trgm_ops, lower("Subject") gin_trgm_ops);
                END IF;
            END $$
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.IsSqlite())
        {
            foreach (var (name, _) in SqliteTriggers) m.Sql($"DROP TRIGGER IF EXISTS {name}");
            m.Sql("DROP TABLE IF EXISTS agreement_search");
            return;
        }
        m.Sql($"DROP INDEX IF EXISTS \"{PostgresIndex}\"");
    }
}
