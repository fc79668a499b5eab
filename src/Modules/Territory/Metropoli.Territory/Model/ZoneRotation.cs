using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>How a zone's political coordinator rotates among its mayors: terms of
/// <see cref="TermMonths"/> months from <see cref="StartDate"/>, in the order of its slots.
/// The slots belong to the rotation: saving the rotation replaces them and bumps its version.</summary>
public sealed class ZoneRotation : IVersioned
{
    public string ZoneCode { get; set; } = "";
    public int TermMonths { get; set; }
    public DateOnly StartDate { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<RotationSlot> Slots { get; set; } = [];
}

public sealed class RotationSlot
{
    public string ZoneCode { get; set; } = "";
    /// <summary>1-based place in the order.</summary>
    public int Position { get; set; }
    public string IstatCode { get; set; } = "";
}

/// <summary>A coordinator as it was: a term recorded when it started (so later edits of mayors or
/// of the order do not rewrite the past), or an administrator's override, which wins for its days.</summary>
public sealed class CoordinatorTerm
{
    public long Id { get; set; }
    public string ZoneCode { get; set; } = "";
    public string IstatCode { get; set; } = "";
    /// <summary>The mayor's name when the term was recorded.</summary>
    public string MayorName { get; set; } = "";
    public DateOnly TermStart { get; set; }
    /// <summary>Last day (inclusive).</summary>
    public DateOnly TermEnd { get; set; }
    public bool IsOverride { get; set; }
    public string? Reason { get; set; }
    public string SetBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

internal sealed class ZoneRotationConfiguration : IEntityTypeConfiguration<ZoneRotation>
{
    public void Configure(EntityTypeBuilder<ZoneRotation> b)
    {
        b.ToTable("territory_zone_rotations");
        b.HasKey(x => x.ZoneCode);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Zone>().WithOne().HasForeignKey<ZoneRotation>(x => x.ZoneCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Slots).WithOne().HasForeignKey(s => s.ZoneCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RotationSlotConfiguration : IEntityTypeConfiguration<RotationSlot>
{
    public void Configure(EntityTypeBuilder<RotationSlot> b)
    {
        b.ToTable("territory_rotation_slots");
        b.HasKey(x => new { x.ZoneCode, x.Position });
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => new { x.ZoneCode, x.IstatCode }).IsUnique();
        b.HasIndex(x => x.IstatCode);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.IstatCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoordinatorTermConfiguration : IEntityTypeConfiguration<CoordinatorTerm>
{
    public void Configure(EntityTypeBuilder<CoordinatorTerm> b)
    {
        b.ToTable("territory_coordinator_terms");
        b.HasKey(x => x.Id);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.MayorName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.SetBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ZoneCode, x.TermStart });
        b.HasIndex(x => x.IstatCode);
        b.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.IstatCode).OnDelete(DeleteBehavior.Restrict);
    }
}
