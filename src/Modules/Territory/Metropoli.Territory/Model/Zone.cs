using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>A Zona omogenea, or Milano (the capoluogo), which the plan treats as a zone of its own.</summary>
public sealed class Zone
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsCapoluogo { get; set; }
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.ToTable("territory_zones");
        b.HasKey(z => z.Code);
        b.Property(z => z.Code).HasMaxLength(64);
        b.Property(z => z.Name).HasMaxLength(100);
        b.HasIndex(z => z.Name).IsUnique();
    }
}
