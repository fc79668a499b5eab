using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Data;

/// <summary>An editable record. <see cref="Version"/> is a concurrency token: a stale edit fails
/// instead of overwriting someone else's change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versioning
{
    public static void BumpVersions(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }

    /// <summary>Makes the save check the version the editor saw, not the one just loaded.</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int expectedVersion) where T : class, IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }
}
