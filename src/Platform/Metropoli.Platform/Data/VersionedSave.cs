using Metropoli.Platform.Api;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Data;

/// <summary>The optimistic-concurrency steps every command shares: the version the editor saw must be the
/// current one (checked here, then again by the database in the UPDATE's WHERE), and a change saved by someone
/// else in between is a conflict carrying the current version, or not found when the record was deleted.</summary>
public static class VersionedSave
{
    /// <summary>Null when <paramref name="expectedVersion"/> is the entity's version, which the save will then
    /// require of the stored row; the conflict with the current version otherwise (no version sent is a conflict too).</summary>
    public static Outcome.Conflict? CheckVersion<T>(this DbContext db, T entity, int? expectedVersion) where T : class, IVersioned
    {
        if (expectedVersion is not { } version || version != entity.Version) return new Outcome.Conflict(entity.Version);
        db.ExpectVersion(entity, version);
        return null;
    }

    /// <summary>Saves the changes; when the database finds that <paramref name="entity"/> changed meanwhile, nothing
    /// is saved, nothing stays tracked, and the answer is the conflict with its current version (not found when gone).</summary>
    public static async Task<Outcome> SaveAsync<T>(DbContext db, T entity, CancellationToken ct) where T : class, IVersioned
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var stored = await db.Entry(entity).GetDatabaseValuesAsync(ct);
            db.ChangeTracker.Clear();
            return stored is null ? new Outcome.NotFound() : new Outcome.Conflict(stored.GetValue<int>(nameof(IVersioned.Version)));
        }
        return new Outcome.Done(entity.Version);
    }

    /// <summary>The whole shape in one call, for a command that has made its changes: checks the expected version
    /// (on a mismatch the changes are dropped from the context), saves, and turns a concurrent save into a conflict.</summary>
    public static async Task<Outcome> SaveAsync<T>(DbContext db, T entity, int? expectedVersion, CancellationToken ct) where T : class, IVersioned
    {
        if (db.CheckVersion(entity, expectedVersion) is { } conflict)
        {
            db.ChangeTracker.Clear();
            return conflict;
        }
        return await SaveAsync(db, entity, ct);
    }
}
