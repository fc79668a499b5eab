using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Knowledge.Model;

/// <summary>A standard act (atto tipo) the Città metropolitana offers the Comuni: a model regulation, a model resolution
/// or a template, with its versions (<see cref="StandardActVersion"/>) and the Comuni's adoptions (<see cref="Adoption"/>).</summary>
public sealed class StandardAct : IVersioned
{
    public long Id { get; set; }
    /// <summary>One of <see cref="StandardActKinds"/>.</summary>
    public string Kind { get; set; } = StandardActKinds.Regulation;
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>One of <see cref="KnowledgeThemes"/>.</summary>
    public string Theme { get; set; } = KnowledgeThemes.Digital;
    /// <summary>The plan objective the act serves (Metropoli.StrategicPlan.Contracts), if any.</summary>
    public long? ObjectiveId { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public static class StandardActKinds
{
    public const string Regulation = "regulation";
    public const string Resolution = "resolution";
    public const string Template = "template";

    public static readonly IReadOnlyList<string> All = [Regulation, Resolution, Template];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Regulation => "Regolamento tipo",
        Resolution => "Delibera tipo",
        Template => "Modulo tipo",
        _ => code,
    };
}

/// <summary>The themes of the knowledge module's records (standard acts; later practices and news).</summary>
public static class KnowledgeThemes
{
    public const string Digital = "digitale";
    public const string Environment = "ambiente";
    public const string Mobility = "mobilita";
    public const string Social = "sociale";
    public const string Planning = "urbanistica";
    public const string Transparency = "trasparenza";
    public const string Finance = "tributi";

    public static readonly IReadOnlyList<string> All = [Digital, Environment, Mobility, Social, Planning, Transparency, Finance];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Digital => "Transizione digitale",
        Environment => "Ambiente ed energia",
        Mobility => "Mobilità",
        Social => "Politiche sociali",
        Planning => "Urbanistica ed edilizia",
        Transparency => "Trasparenza e anticorruzione",
        Finance => "Tributi e bilancio",
        _ => code,
    };
}

/// <summary>A version of a standard act: its file (the platform's upload checks, SHA-256 recorded), what changed, its date.
/// Versions are numbered 1, 2, … per act and never edited: a correction is a new version.</summary>
public sealed class StandardActVersion
{
    public long Id { get; set; }
    public long ActId { get; set; }
    public int Number { get; set; }
    public DateOnly PublishedOn { get; set; }
    public string Changes { get; set; } = "";
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

/// <summary>A Comune's adoption of a version of a standard act: the Comune's own act (number, date, link to its publication).
/// Recorded by a municipality officer for their own Comune only.</summary>
public sealed class Adoption
{
    public long Id { get; set; }
    public long ActId { get; set; }
    public int VersionNumber { get; set; }
    public string IstatCode { get; set; } = "";
    public string ActNumber { get; set; } = "";
    public DateOnly AdoptedOn { get; set; }
    public string Link { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public bool IsDemo { get; set; }
}

internal sealed class StandardActConfiguration : IEntityTypeConfiguration<StandardAct>
{
    public void Configure(EntityTypeBuilder<StandardAct> b)
    {
        b.ToTable("knowledge_standard_acts");
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Theme).HasMaxLength(32);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Title);
        b.HasOne(ModuleCatalog.EntityName(PlanContract.ObjectiveEntity), null).WithMany().HasForeignKey(nameof(StandardAct.ObjectiveId)).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StandardActVersionConfiguration : IEntityTypeConfiguration<StandardActVersion>
{
    public void Configure(EntityTypeBuilder<StandardActVersion> b)
    {
        b.ToTable("knowledge_standard_act_versions");
        b.Property(x => x.Changes).HasMaxLength(4000);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ActId, x.Number }).IsUnique();
        b.HasOne<StandardAct>().WithMany().HasForeignKey(x => x.ActId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdoptionConfiguration : IEntityTypeConfiguration<Adoption>
{
    public void Configure(EntityTypeBuilder<Adoption> b)
    {
        b.ToTable("knowledge_adoptions");
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.Property(x => x.ActNumber).HasMaxLength(100);
        b.Property(x => x.Link).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ActId, x.IstatCode, x.VersionNumber }).IsUnique();
        b.HasIndex(x => x.IstatCode);
        b.HasOne<StandardAct>().WithMany().HasForeignKey(x => x.ActId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ModuleCatalog.EntityName(TerritoryContract.MunicipalityEntity), null).WithMany().HasForeignKey(nameof(Adoption.IstatCode)).OnDelete(DeleteBehavior.Restrict);
    }
}
