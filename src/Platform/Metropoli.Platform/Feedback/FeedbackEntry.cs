using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Feedback;

/// <summary>A report sent from the "Segnala un problema" form (the feedback mechanism AgID asks for).</summary>
public sealed class FeedbackEntry : IVersioned
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public string PagePath { get; set; } = "";
    public string Category { get; set; } = "";
    public string Message { get; set; } = "";
    public string? ContactEmail { get; set; }
    public bool Handled { get; set; }
    public int Version { get; set; }
}

internal sealed class FeedbackEntryConfiguration : IEntityTypeConfiguration<FeedbackEntry>
{
    public void Configure(EntityTypeBuilder<FeedbackEntry> b)
    {
        b.ToTable("platform_feedback");
        b.Property(f => f.PagePath).HasMaxLength(500);
        b.Property(f => f.Category).HasMaxLength(32);
        b.Property(f => f.Message).HasMaxLength(4000);
        b.Property(f => f.ContactEmail).HasMaxLength(256);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => f.CreatedAt);
    }
}
