using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Territory.Model;

/// <summary>A lasting form of cooperation among Comuni: an Unione di Comuni, a convention for
/// functions exercised jointly, a consortium. Members carry their own dates (a Comune may join later
/// or leave); the functions are a short list, one per line.</summary>
public sealed class Association : IVersioned
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>One of <see cref="AssociationKinds"/>.</summary>
    public string Kind { get; set; } = AssociationKinds.Union;
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>The functions or services shared, one per line.</summary>
    public string Functions { get; set; } = "";
    /// <summary>The founding act (statute, convention, deliberation).</summary>
    public string? Act { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<AssociationMember> Members { get; set; } = [];
}

public sealed class AssociationMember
{
    public long Id { get; set; }
    public long AssociationId { get; set; }
    public string IstatCode { get; set; } = "";
    public DateOnly? ValidFrom { get; set; }
    /// <summary>Last day of membership (inclusive).</summary>
    public DateOnly? ValidTo { get; set; }
}

/// <summary>Kinds of association: stored codes and Italian labels (translated by the views).</summary>
public static class AssociationKinds
{
    public const string Union = "unione";
    public const string Convention = "convenzione";
    public const string Consortium = "consorzio";

    public static readonly IReadOnlyList<string> All = [Union, Convention, Consortium];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Union => "Unione di Comuni",
        Convention => "Convenzione per funzioni associate",
        Consortium => "Consorzio",
        _ => code,
    };
}

internal sealed class AssociationConfiguration : IEntityTypeConfiguration<Association>
{
    public void Configure(EntityTypeBuilder<Association> b)
    {
        b.ToTable("territory_associations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Functions).HasMaxLength(2000);
        b.Property(x => x.Act).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.AssociationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssociationMemberConfiguration : IEntityTypeConfiguration<AssociationMember>
{
    public void Configure(EntityTypeBuilder<AssociationMember> b)
    {
        b.ToTable("territory_association_members");
        b.HasKey(x => x.Id);
        b.Property(x => x.IstatCode).HasMaxLength(6);
        b.HasIndex(x => x.AssociationId);
        b.HasIndex(x => x.IstatCode);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.IstatCode).OnDelete(DeleteBehavior.Restrict);
    }
}
