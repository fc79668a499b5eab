using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>A Comune's membership of a zone for a span of days. Both ends are inclusive: a move
/// effective on day D closes the old membership on D − 1 and opens the new one on D. The open
/// membership (no end) is the current one and always agrees with <see cref="Municipality.ZoneCode"/>.</summary>
public sealed class ZoneMembership : IVersioned
{
    public long Id { get; set; }
    public string IstatCode { get; set; } = "";
    public string ZoneCode { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    /// <summary>Last day of membership (inclusive); null while it lasts.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>The act that decided it, e.g. "Delibera del Consiglio metropolitano n. 12 del 3/3/2027".</summary>
    public string? Act { get; set; }
    /// <summary>One of <see cref="ZoneSources"/>.</summary>
    public string Source { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>How sure a zone assignment is. The first four come from the seed file; administrators
/// turn them into <see cref="Confirmed"/> (checked, unchanged) or <see cref="Corrected"/> (set by them,
/// with an act: a move or the correction of a wrong seed assignment).</summary>
public static class ZoneSources
{
    public const string Official = "official";
    public const string Secondary = "secondary";
    public const string Derived = "derived";
    public const string Capoluogo = "capoluogo";
    public const string Confirmed = "confirmed";
    public const string Corrected = "corrected";

    public static readonly IReadOnlyList<string> All = [Official, Secondary, Derived, Capoluogo, Confirmed, Corrected];

    /// <summary>The day the seeded memberships start. The seed is today's composition and claims
    /// nothing about earlier history; 1 January 2016 is a convention (the zones were working by then),
    /// and asking for an earlier date shows empty zones rather than an invented past.</summary>
    public static readonly DateOnly SeedStart = new(2016, 1, 1);
}

internal sealed class ZoneMembershipConfiguration : IEntityTypeConfiguration<ZoneMembership>
{
    public void Configure(EntityTypeBuilder<ZoneMembership> b)
    {
        b.ToTable("territory_zone_memberships");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.Act).HasMaxLength(500);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One membership may start on a given day for a Comune: the history is a sequence, not a set.
        b.HasIndex(x => new { x.IstatCode, x.ValidFrom }).IsUnique();
        b.HasIndex(x => new { x.ZoneCode, x.ValidFrom });
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.IstatCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneCode).OnDelete(DeleteBehavior.Restrict);
    }
}
