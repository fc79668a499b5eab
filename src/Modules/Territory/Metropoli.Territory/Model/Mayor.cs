using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>One mandate of a Comune's mayor. A Comune's mandates do not overlap; the latest one is
/// "the mayor" shown and edited, the earlier ones are the history the coordinator rotation reads.</summary>
public sealed class Mayor : IVersioned
{
    public long Id { get; set; }
    public string IstatCode { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly TermStart { get; set; }
    /// <summary>Last day in office (inclusive); null while in office.</summary>
    public DateOnly? TermEnd { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool InOfficeOn(DateOnly day) => TermStart <= day && (TermEnd is null || TermEnd >= day);
}

internal sealed class MayorConfiguration : IEntityTypeConfiguration<Mayor>
{
    public void Configure(EntityTypeBuilder<Mayor> b)
    {
        b.ToTable("territory_mayors");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.IstatCode, x.TermStart }).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.IstatCode).OnDelete(DeleteBehavior.Restrict);
    }
}
