using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Knowledge.Model;

/// <summary>A best practice described by a Comune (its officer) or by the Città metropolitana (the editors): problem,
/// solution, results, costs and contacts as a safe Markdown subset, tagged by theme and zone, linked to plan actions.
/// draft → submitted → published | returned (with a reason) → submitted again. Drafts are seen only by their author side.</summary>
public sealed class Practice : IVersioned
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Solution { get; set; } = "";
    public string Results { get; set; } = "";
    public string? Costs { get; set; }
    public string? Contacts { get; set; }
    /// <summary>One of <see cref="KnowledgeThemes"/>.</summary>
    public string Theme { get; set; } = KnowledgeThemes.Digital;
    public string? ZoneCode { get; set; }
    /// <summary>The Comune that describes it; null for the Città metropolitana.</summary>
    public string? IstatCode { get; set; }
    /// <summary>One of <see cref="PracticeStatuses"/>.</summary>
    public string Status { get; set; } = PracticeStatuses.Draft;
    public string? ReturnReason { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class PracticeStatuses
{
    public const string Draft = "draft", Submitted = "submitted", Published = "published", Returned = "returned";
    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Published, Returned];

    public static string Label(string code) => code switch
    {
        Draft => "bozza",
        Submitted => "inviata alla redazione",
        Published => "pubblicata",
        Returned => "restituita",
        _ => code,
    };

    public static string Badge(string code) => code switch
    {
        Published => "bg-success",
        Returned => "bg-warning text-dark",
        Submitted => "bg-info text-dark",
        _ => "bg-secondary",
    };
}

/// <summary>A plan action a practice is linked to.</summary>
public sealed class PracticeAction
{
    public long PracticeId { get; set; }
    public long ActionId { get; set; }
}

/// <summary>Another Comune says "we reuse this": one per Comune and practice.</summary>
public sealed class PracticeReuse
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public string IstatCode { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> b)
    {
        b.ToTable("knowledge_practices");
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Problem).HasMaxLength(20000);
        b.Property(x => x.Solution).HasMaxLength(20000);
        b.Property(x => x.Results).HasMaxLength(20000);
        b.Property(x => x.Costs).HasMaxLength(4000);
        b.Property(x => x.Contacts).HasMaxLength(4000);
        b.Property(x => x.Theme).HasMaxLength(32);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.ReturnReason).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.PublishedAt });
        b.HasIndex(x => x.IstatCode);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(Practice.IstatCode)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.ZoneEntity), null).WithMany().HasForeignKey(nameof(Practice.ZoneCode)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeActionConfiguration : IEntityTypeConfiguration<PracticeAction>
{
    public void Configure(EntityTypeBuilder<PracticeAction> b)
    {
        b.ToTable("knowledge_practice_actions");
        b.HasKey(x => new { x.PracticeId, x.ActionId });
        b.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ActionEntity), null).WithMany().HasForeignKey(nameof(PracticeAction.ActionId)).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PracticeReuseConfiguration : IEntityTypeConfiguration<PracticeReuse>
{
    public void Configure(EntityTypeBuilder<PracticeReuse> b)
    {
        b.ToTable("knowledge_practice_reuses");
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.PracticeId, x.IstatCode }).IsUnique();
        b.HasOne<Practice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(PracticeReuse.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}
