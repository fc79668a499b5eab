using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.Web.Platform.Audit;

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
            if (entry.Entity is INotAudited || entry.Entity is IdentityUserToken<string>)
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

    public static void Append(DbContext db, AuditHead head, IReadOnlyList<Pending> pending, IAuditContext? who)
    {
        var now = Truncate(DateTime.UtcNow);
        var sequence = head.Sequence;
        var previous = head.Hash;
        foreach (var p in pending)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = now,
                UserId = who?.UserId,
                UserName = who?.UserName ?? SystemAuditContext.Name,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(p.Entry),
                Action = p.Action,
                Before = p.Before,
                After = p.Action == "delete" ? null : Snapshot(p.Entry, original: false),
                PreviousHash = previous,
            };
            entry.Hash = ComputeHash(entry);
            previous = entry.Hash;
            db.Add(entry);
        }
        var updated = new AuditHead { Id = 1, Sequence = sequence, Hash = previous };
        db.Attach(updated).State = EntityState.Modified;
    }

    /// <summary>Appends entries that record reads of the trail, in their own transaction.</summary>
    public static async Task RecordReadAsync(AppDbContext db, IAuditContext who, string what, string detail, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await LockHeadAsync(db, ct);
        var entry = new AuditEntry
        {
            Sequence = head.Sequence + 1,
            At = Truncate(DateTime.UtcNow),
            UserId = who.UserId,
            UserName = who.UserName,
            EntityType = "AuditTrail",
            EntityId = what,
            Action = "read",
            After = detail,
            PreviousHash = head.Hash,
        };
        entry.Hash = ComputeHash(entry);
        db.AuditEntries.Add(entry);
        db.Attach(new AuditHead { Id = 1, Sequence = entry.Sequence, Hash = entry.Hash }).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

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
