using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Data;

/// <summary>"Only one" rules held by the database (unique constraints and partial unique indexes): two requests
/// that pass the same check at once meet here, and the second one's save fails. This tells that failure apart
/// from other failures, on both providers, so that a handler answers it as the rule's 409 (or 422) and the
/// exception handler, as a last resort, as a 409 rather than a 500 (docs/adr/0031).</summary>
public static class UniqueViolation
{
    /// <summary>True when <paramref name="e"/> (or an inner exception) is a unique-constraint violation:
    /// PostgreSQL SQLSTATE 23505, SQLite SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    /// <paramref name="index"/>, when given, must be the violated index's name (PostgreSQL names it; SQLite names
    /// the columns in its message, so there the table-and-columns text is matched).</summary>
    public static bool Is(Exception e, string? index = null)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case Npgsql.PostgresException { SqlState: "23505" } pg:
                    return index is null || string.Equals(pg.ConstraintName, index, StringComparison.OrdinalIgnoreCase);
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Saves; a unique violation answers false and leaves nothing tracked (the caller answers the rule's
    /// refusal). Inside a transaction, the caller then lets the transaction roll back.</summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
