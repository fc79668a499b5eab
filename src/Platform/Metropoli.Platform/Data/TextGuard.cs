using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Data;

/// <summary>A NUL character (code 0) in a text about to be saved. PostgreSQL cannot store it and SQLite would
/// store it silently, so both refuse it the same way before the database sees it (a 400, not a 500).</summary>
public sealed class InvalidTextException(string entity, string property)
    : Exception($"{entity}.{property} contains a NUL character.")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
}

public static class TextGuard
{
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0')
                    && (entry.State == EntityState.Added || property.IsModified))
                {
                    throw new InvalidTextException(entry.Metadata.ClrType.Name, property.Metadata.Name);
                }
            }
        }
    }
}
