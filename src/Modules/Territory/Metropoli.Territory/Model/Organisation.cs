using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>A party to anything in Metropoli: the Region, a Comune (linked one-to-one by its ISTAT
/// code), the metropolitan city, companies, universities, the third sector… The codice fiscale is
/// unique among organisations that have one.</summary>
public sealed class Organisation : IVersioned
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="OrganisationTypes"/>, stored as its code.</summary>
    public string Type { get; set; } = OrganisationTypes.Other;
    /// <summary>11 digits (bodies) or 16 characters (people), normalised; null when unknown.</summary>
    public string? FiscalCode { get; set; }
    public string? VatNumber { get; set; }
    public string? IpaCode { get; set; }
    /// <summary>The Comune this organisation is, for type municipality.</summary>
    public string? MunicipalityIstat { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Pec { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}


internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("territory_organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Type).HasMaxLength(32);
        b.Property(o => o.FiscalCode).HasMaxLength(16);
        b.Property(o => o.VatNumber).HasMaxLength(11);
        b.Property(o => o.IpaCode).HasMaxLength(20);
        b.Property(o => o.MunicipalityIstat).HasMaxLength(6);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.PostalCode).HasMaxLength(5);
        b.Property(o => o.City).HasMaxLength(100);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Pec).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(40);
        b.Property(o => o.Website).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.Type);
        // NULLs are distinct in a unique index on both SQLite and PostgreSQL: many organisations may
        // lack a fiscal code, but no two may share one.
        b.HasIndex(o => o.FiscalCode).IsUnique();
        b.HasOne<Municipality>().WithOne().HasForeignKey<Organisation>(o => o.MunicipalityIstat).OnDelete(DeleteBehavior.Restrict);
    }
}
