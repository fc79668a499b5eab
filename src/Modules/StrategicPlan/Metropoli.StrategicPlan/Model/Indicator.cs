using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>What measures an action (or, for a result the plan expects, an objective): a unit, the
/// direction in which "better" goes, a baseline, yearly targets, a source, a frequency of measurement
/// and the sector that answers for it. The plan id is repeated so indicators list and filter by plan
/// without joins, and codes are unique per plan.</summary>
public sealed class Indicator : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    /// <summary>Exactly one of <see cref="ActionId"/> and <see cref="ObjectiveId"/> is set.</summary>
    public long? ActionId { get; set; }
    public long? ObjectiveId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>One of <see cref="IndicatorDirections"/>.</summary>
    public string Direction { get; set; } = IndicatorDirections.Increase;
    /// <summary>For the range direction: the acceptable interval (either bound may be open).</summary>
    public decimal? LowerBound { get; set; }
    public decimal? UpperBound { get; set; }
    public decimal? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    public string? Source { get; set; }
    /// <summary>One of <see cref="IndicatorFrequencies"/>; it fixes the shape of the measurement periods.</summary>
    public string Frequency { get; set; } = IndicatorFrequencies.Annual;
    /// <summary>The sector whose officers submit the measurements, as in their scope claim.</summary>
    public string OwnerSector { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The value an indicator should reach in a year.</summary>
public sealed class IndicatorTarget
{
    public long IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
}

/// <summary>The plan office's thresholds for the status of the plan's indicators. A plan without a row
/// uses <see cref="Indicators.Achievement.DefaultOnTrack"/> and <see cref="Indicators.Achievement.DefaultAtRisk"/>.</summary>
public sealed class IndicatorThresholds : IVersioned
{
    public long PlanId { get; set; }
    /// <summary>Achievement (percent) from which an indicator is on track.</summary>
    public int OnTrack { get; set; }
    /// <summary>Achievement (percent) from which it is at risk; below it, off track.</summary>
    public int AtRisk { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class IndicatorDirections
{
    public const string Increase = "increase";
    public const string Decrease = "decrease";
    public const string Range = "range";

    public static readonly IReadOnlyList<string> All = [Increase, Decrease, Range];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Increase => "aumentare",
        Decrease => "diminuire",
        Range => "restare nell'intervallo",
        _ => code,
    };
}

public static class IndicatorFrequencies
{
    public const string Annual = "annual";
    public const string Semiannual = "semiannual";
    public const string Quarterly = "quarterly";
    public const string Monthly = "monthly";

    public static readonly IReadOnlyList<string> All = [Annual, Semiannual, Quarterly, Monthly];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Annual => "annuale",
        Semiannual => "semestrale",
        Quarterly => "trimestrale",
        Monthly => "mensile",
        _ => code,
    };

    /// <summary>How a period of this frequency is written, for forms and error messages.</summary>
    public static string PeriodExample(string code) => code switch
    {
        Semiannual => "2024-S1",
        Quarterly => "2024-Q3",
        Monthly => "2024-05",
        _ => "2024",
    };
}

/// <summary>Computed, never stored: see <see cref="Indicators.Achievement.Status"/>.</summary>
public static class IndicatorStatuses
{
    public const string OnTrack = "on-track";
    public const string AtRisk = "at-risk";
    public const string OffTrack = "off-track";
    public const string NoData = "no-data";

    public static string Label(string code) => code switch
    {
        OnTrack => "in linea",
        AtRisk => "a rischio",
        OffTrack => "fuori obiettivo",
        NoData => "senza dati",
        _ => code,
    };

    /// <summary>Bootstrap Italia badge colour; the label always goes with it.</summary>
    public static string Badge(string code) => code switch
    {
        OnTrack => "bg-success",
        AtRisk => "bg-warning text-dark",
        OffTrack => "bg-danger",
        _ => "bg-light text-dark",
    };
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("plan_indicators");
        b.HasKey(i => i.Id);
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.Description).HasMaxLength(4000);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Direction).HasMaxLength(16);
        b.Property(i => i.LowerBound).HasPrecision(18, 4);
        b.Property(i => i.UpperBound).HasPrecision(18, 4);
        b.Property(i => i.BaselineValue).HasPrecision(18, 4);
        b.Property(i => i.Source).HasMaxLength(300);
        b.Property(i => i.Frequency).HasMaxLength(16);
        b.Property(i => i.OwnerSector).HasMaxLength(64);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.PlanId, i.Code }).IsUnique();
        b.HasIndex(i => i.ActionId);
        b.HasIndex(i => i.ObjectiveId);
        b.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanObjective>().WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("plan_indicator_targets");
        b.HasKey(t => new { t.IndicatorId, t.Year });
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorThresholdsConfiguration : IEntityTypeConfiguration<IndicatorThresholds>
{
    public void Configure(EntityTypeBuilder<IndicatorThresholds> b)
    {
        b.ToTable("plan_indicator_thresholds");
        b.HasKey(t => t.PlanId);
        b.Property(t => t.PlanId).ValueGeneratedNever();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithOne().HasForeignKey<IndicatorThresholds>(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
