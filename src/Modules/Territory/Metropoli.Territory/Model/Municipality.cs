using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>A Comune. The ISTAT code is a 6-character string: its leading zeros matter.</summary>
public sealed class Municipality : IVersioned
{
    public string IstatCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string CadastralCode { get; set; } = "";
    public int Population { get; set; }
    public string PostalCodes { get; set; } = "";
    public string ZoneCode { get; set; } = "";
    /// <summary>How sure the zone assignment is: official, secondary, derived or capoluogo.</summary>
    public string ZoneSource { get; set; } = "";
    public string? Website { get; set; }
    public string? Pec { get; set; }
    public string? Phone { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.ToTable("territory_municipalities");
        b.HasKey(m => m.IstatCode);
        b.Property(m => m.IstatCode).HasMaxLength(6);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.CadastralCode).HasMaxLength(4);
        b.Property(m => m.PostalCodes).HasMaxLength(400); // Milano alone lists 42 CAPs (251 characters)
        b.Property(m => m.ZoneCode).HasMaxLength(64);
        b.Property(m => m.ZoneSource).HasMaxLength(16);
        b.Property(m => m.Website).HasMaxLength(200);
        b.Property(m => m.Pec).HasMaxLength(200);
        b.Property(m => m.Phone).HasMaxLength(40);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.Name);
        b.HasIndex(m => m.ZoneCode);
        b.HasIndex(m => m.CadastralCode).IsUnique();
        b.HasOne<Zone>().WithMany().HasForeignKey(m => m.ZoneCode).OnDelete(DeleteBehavior.Restrict);
    }
}
