using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>A Missione of the budget classification of D.Lgs. 118/2011 (Allegato 14): two digits,
/// "01" … "20", "50", "60", "99". Reference data shipped with the app, not edited in it.</summary>
public sealed class DupMission
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>A Programma within a Missione, coded "MM.PP" (e.g. "09.02"). Some exist only in the
/// budgets of the Regions; they are kept, flagged, so the list is the whole official one.</summary>
public sealed class DupProgramme
{
    public string Code { get; set; } = "";
    public string MissionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public bool RegionsOnly { get; set; }
}

/// <summary>A cross-cutting tag of the plan: one of its five pillars or one of the six PNRR missions.
/// A table rather than a CLR enum so that a future plan may add its own without a code change.</summary>
public sealed class PlanTag
{
    public string Code { get; set; } = "";
    /// <summary>One of <see cref="TagKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

public static class TagKinds
{
    public const string Pillar = "pillar";
    public const string Pnrr = "pnrr";

    public static string Label(string code) => code switch
    {
        Pillar => "pilastro",
        Pnrr => "missione PNRR",
        _ => code,
    };
}

internal sealed class DupMissionConfiguration : IEntityTypeConfiguration<DupMission>
{
    public void Configure(EntityTypeBuilder<DupMission> b)
    {
        b.ToTable("plan_dup_missions");
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(2);
        b.Property(m => m.Name).HasMaxLength(200);
    }
}

internal sealed class DupProgrammeConfiguration : IEntityTypeConfiguration<DupProgramme>
{
    public void Configure(EntityTypeBuilder<DupProgramme> b)
    {
        b.ToTable("plan_dup_programmes");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(5);
        b.Property(p => p.MissionCode).HasMaxLength(2);
        b.Property(p => p.Name).HasMaxLength(300);
        b.HasIndex(p => p.MissionCode);
        b.HasOne<DupMission>().WithMany().HasForeignKey(p => p.MissionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlanTagConfiguration : IEntityTypeConfiguration<PlanTag>
{
    public void Configure(EntityTypeBuilder<PlanTag> b)
    {
        b.ToTable("plan_tags");
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(32);
        b.Property(t => t.Kind).HasMaxLength(16);
        b.Property(t => t.Name).HasMaxLength(200);
    }
}
