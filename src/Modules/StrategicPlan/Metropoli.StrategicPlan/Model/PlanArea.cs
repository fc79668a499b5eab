using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>The first level of a plan's tree: one of its drivers (e.g. "Politiche verdi e blu") or a
/// policy area (e.g. "Semplificazione e digitalizzazione"). The code is unique within the plan.</summary>
public sealed class PlanArea : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>One of <see cref="AreaKinds"/>.</summary>
    public string Kind { get; set; } = AreaKinds.Area;
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The PSTTM names two kinds of first-level headings: the cross-cutting development drivers
/// and the policy areas of the metropolitan administration.</summary>
public static class AreaKinds
{
    public const string Driver = "driver";
    public const string Area = "area";

    public static readonly IReadOnlyList<string> All = [Driver, Area];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Driver => "driver di sviluppo",
        Area => "area di policy",
        _ => code,
    };
}

/// <summary>The second level: an objective of an area. The plan id is repeated here so that codes can be
/// unique per plan (the import addresses objectives by code) and lists filter without joins.</summary>
public sealed class PlanObjective : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public long AreaId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class PlanAreaConfiguration : IEntityTypeConfiguration<PlanArea>
{
    public void Configure(EntityTypeBuilder<PlanArea> b)
    {
        b.ToTable("plan_areas");
        b.HasKey(a => a.Id);
        b.Property(a => a.Code).HasMaxLength(20);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.PlanId, a.Code }).IsUnique();
        b.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> b)
    {
        b.ToTable("plan_objectives");
        b.HasKey(o => o.Id);
        b.Property(o => o.Code).HasMaxLength(20);
        b.Property(o => o.Title).HasMaxLength(300);
        b.Property(o => o.Description).HasMaxLength(4000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.PlanId, o.Code }).IsUnique();
        b.HasIndex(o => o.AreaId);
        b.HasOne<Plan>().WithMany().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PlanArea>().WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
