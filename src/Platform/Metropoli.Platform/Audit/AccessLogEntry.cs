using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Audit;

/// <summary>One read of personal or audited data (a record's history, a search of the trail), kept apart from the
/// hash-chained trail of changes and deleted after <c>Audit:AccessLogRetentionDays</c> (ADR 0030).</summary>
public sealed class AccessLogEntry : INotAudited
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>What was read: <c>history</c>, <c>search</c>, <c>verify</c>, <c>access-log</c>.</summary>
    public string What { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.ToTable("platform_access_log");
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.What).HasMaxLength(32);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityId).HasMaxLength(128);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.UserName);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
    }
}
