using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Platform.Audit;

/// <summary>Turns tracked changes into hash-chained audit entries inside the same transaction.</summary>
public static class AuditRecorder
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // Secrets and bookkeeping that must never be copied into the trail.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "AccessFailedCount", "LastUsedAt",
    };

    public sealed record Pending(EntityEntry Entry, string Action, string? Before);

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            // Data Protection keys hold key material (the package's entity cannot carry INotAudited).
            if (entry.Entity is INotAudited || entry.Entity is IdentityUserToken<string> || entry.Entity is DataProtectionKey)
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    list.Add(new Pending(entry, "create", null));
                    break;
                case EntityState.Modified when entry.Properties.Any(p => p.IsModified && !Hidden.Contains(p.Metadata.Name)):
                    list.Add(new Pending(entry, "update", Snapshot(entry, original: true)));
                    break;
                case EntityState.Deleted:
                    list.Add(new Pending(entry, "delete", Snapshot(entry, original: true)));
                    break;
            }
        }
        return list;
    }

    public static async Task<AuditHead> LockHeadAsync(DbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE platform_audit_head SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1", ct);
        return await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
    }

    /// <summary>Writes the entries for <paramref name="pending"/> and moves the head; the caller's transaction holds the head lock.</summary>
    public static async Task AppendAsync(DbContext db, AuditHead head, IReadOnlyList<Pending> pending, ICurrentUser? who, CancellationToken ct)
    {
        var entries = new List<AuditEntry>(pending.Count);
        var now = Truncate(DateTime.UtcNow);
        var sequence = head.Sequence;
        var previous = head.Hash;
        foreach (var p in pending)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = now,
                UserId = who?.Id,
                UserName = who?.Name ?? CurrentUser.SystemName,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(p.Entry),
                Action = p.Action,
                Before = p.Before,
                After = p.Action == "delete" ? null : Snapshot(p.Entry, original: false),
                PreviousHash = previous,
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        await WriteAsync(db, entries, ct);
    }

    private static async Task WriteAsync(DbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        db.AddRange(entries);
        // The caller's own SaveChanges has run; this one only inserts the trail (INotAudited, so no recursion).
        await db.SaveChangesAsync(ct);
        foreach (var e in entries)
        {
            db.Entry(e).State = EntityState.Detached;
        }
        var last = entries[^1];
        await db.Set<AuditHead>().Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, last.Sequence).SetProperty(h => h.Hash, last.Hash), ct);
    }

    /// <summary>Appends one entry that stands for a bulk change written without the change tracker (an
    /// import of many rows); the caller's transaction holds the head lock taken by <see cref="LockHeadAsync"/>.</summary>
    public static async Task AppendSummaryAsync(DbContext db, AuditHead head, string? userId, string userName,
        string entityType, string entityId, string action, string after, CancellationToken ct)
    {
        var entry = new AuditEntry
        {
            Sequence = head.Sequence + 1,
            At = Truncate(DateTime.UtcNow),
            UserId = userId,
            UserName = userName,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            After = after,
            PreviousHash = head.Hash,
        };
        entry.Hash = ComputeHash(entry);
        await WriteAsync(db, [entry], ct);
    }

    /// <summary>Records a read of the trail in the access log (<see cref="AccessLogEntry"/>), not in the chain of changes
    /// (ADR 0030). The same person reading the same record's history again within five minutes adds no line.</summary>
    public static async Task RecordReadAsync(AppDbContext db, ICurrentUser who, string what, string detail, CancellationToken ct,
        string? entityType = null, string? entityId = null)
    {
        var now = Truncate(DateTime.UtcNow);
        if (what == "history")
        {
            var since = now.AddMinutes(-5);
            if (await db.Set<AccessLogEntry>().AnyAsync(e => e.What == what && e.UserName == who.Name && e.EntityType == entityType
                    && e.EntityId == entityId && e.At > since, ct))
            {
                return;
            }
        }
        db.Add(new AccessLogEntry
        {
            At = now, UserId = who.Id, UserName = who.Name, What = what, EntityType = Clip(entityType, 128), EntityId = Clip(entityId, 128),
            Detail = Clip(detail, 2000),
        });
        await db.SaveChangesAsync(ct);
        foreach (var e in db.ChangeTracker.Entries<AccessLogEntry>().ToList()) e.State = EntityState.Detached;
    }

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    public static string ComputeHash(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.UserId ?? "", e.UserName, e.EntityType, e.EntityId, e.Action,
            e.Before ?? "", e.After ?? "", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static DateTime Truncate(DateTime t) =>
        new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }
        return string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name))
            {
                continue;
            }
            var v = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = v is DateTime d ? Truncate(d.Kind == DateTimeKind.Utc ? d : d.ToUniversalTime()) : v;
        }
        return JsonSerializer.Serialize(values);
    }
}
