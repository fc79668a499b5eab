using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Audit;

/// <summary>One append-only line of the audit trail. <see cref="Hash"/> covers the line and the
/// previous line's hash, so changing or removing any line breaks the chain.</summary>
public sealed class AuditEntry : INotAudited
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>create, update, delete, or read (reads of the trail itself).</summary>
    public string Action { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The single row that holds the end of the chain; updating it first serialises writers.</summary>
public sealed class AuditHead : INotAudited
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>Entities whose changes are not written to the audit trail (the trail itself, leases, keys).</summary>
public interface INotAudited;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("platform_audit_entries");
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityId).HasMaxLength(128);
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.UserName);
    }

    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("platform_audit_head");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}
