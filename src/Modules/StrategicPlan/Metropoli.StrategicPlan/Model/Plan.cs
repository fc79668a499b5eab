using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>A strategic plan (PSTTM) for a span of years. Several coexist: the one in force, the next in
/// preparation, the archived ones. Its status moves only forward (see <see cref="PlanStatuses"/>).</summary>
public sealed class Plan : IVersioned
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string? Description { get; set; }
    /// <summary>One of <see cref="PlanStatuses"/>.</summary>
    public string Status { get; set; } = PlanStatuses.Draft;
    public string? AdoptionActBody { get; set; }
    public string? AdoptionActNumber { get; set; }
    public DateOnly? AdoptionActDate { get; set; }
    public string? ApprovalActBody { get; set; }
    public string? ApprovalActNumber { get; set; }
    public DateOnly? ApprovalActDate { get; set; }
    /// <summary>The plan this one follows, whose actions may be carried over into it.</summary>
    public long? PreviousPlanId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The life of a plan: draft → adopted → approved → archived, only forward. Codes are stored
/// (and used by the API); Italian labels are translated by the views.</summary>
public static class PlanStatuses
{
    public const string Draft = "draft";
    public const string Adopted = "adopted";
    public const string Approved = "approved";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All = [Draft, Adopted, Approved, Archived];

    /// <summary>What the public may see: everything that has left the drafting table.</summary>
    public static readonly IReadOnlyList<string> Published = [Adopted, Approved, Archived];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Draft => "bozza",
        Adopted => "adottato",
        Approved => "approvato",
        Archived => "archiviato",
        _ => code,
    };

    /// <summary>The only status each one may move to; null for the last.</summary>
    public static string? Next(string code) => code switch
    {
        Draft => Adopted,
        Adopted => Approved,
        Approved => Archived,
        _ => null,
    };
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plan_plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.AdoptionActBody).HasMaxLength(200);
        b.Property(p => p.AdoptionActNumber).HasMaxLength(50);
        b.Property(p => p.ApprovalActBody).HasMaxLength(200);
        b.Property(p => p.ApprovalActNumber).HasMaxLength(50);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Name).IsUnique();
        b.HasIndex(p => p.Status);
        b.HasIndex(p => p.PreviousPlanId);
        b.HasOne<Plan>().WithMany().HasForeignKey(p => p.PreviousPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
