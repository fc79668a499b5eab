using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Funding.Model;

/// <summary>An expenditure of a funded project (rendicontazione), entered by the implementing Comune's officer with
/// its document (SHA-256) and the payment request it belongs to; submitted → validated or rejected by the funding
/// office. Only validated expenditures are published.</summary>
public sealed class FundingExpenditure : IVersioned
{
    public long Id { get; set; }
    public string Cup { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The payment request (domanda di rimborso / richiesta di pagamento) reference.</summary>
    public string? PaymentRequest { get; set; }
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    /// <summary>One of <see cref="ReportStatuses"/>.</summary>
    public string Status { get; set; } = ReportStatuses.Submitted;
    public string? Reason { get; set; }
    public string? EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A milestone or target of a funded project with its due date; the implementing Comune's officer reports
/// its progress (value reached, date), the funding office validates or rejects the report.</summary>
public sealed class FundingMilestone : IVersioned
{
    public long Id { get; set; }
    public string Cup { get; set; } = "";
    /// <summary>"milestone" or "target".</summary>
    public string Kind { get; set; } = MilestoneKinds.Milestone;
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public decimal? TargetValue { get; set; }
    public decimal? ReachedValue { get; set; }
    public DateOnly? ReachedOn { get; set; }
    /// <summary>Null until progress is reported; then one of <see cref="ReportStatuses"/>.</summary>
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public string? ReportedBy { get; set; }
    /// <summary>When the progress was last reported (the monthly reminder looks for reports of the month).</summary>
    public DateTime? ReportedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>When the late-milestone notification was sent (once).</summary>
    public DateTime? LateNotifiedAt { get; set; }
    public int Version { get; set; }
}

public static class MilestoneKinds
{
    public const string Milestone = "milestone", Target = "target";
    public static bool IsKnown(string? k) => k is Milestone or Target;
    public static string Label(string k) => k == Target ? "Target" : "Milestone";
}

public static class ReportStatuses
{
    public const string Submitted = "submitted", Validated = "validated", Rejected = "rejected";
    public static string Label(string code) => code switch { Submitted => "Inviata, da validare", Validated => "Validata dall'ufficio", Rejected => "Respinta dall'ufficio", _ => code };
}

internal sealed class FundingExpenditureConfiguration : IEntityTypeConfiguration<FundingExpenditure>
{
    public void Configure(EntityTypeBuilder<FundingExpenditure> b)
    {
        b.ToTable("funding_expenditures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.PaymentRequest).HasMaxLength(64);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.StoredName).HasMaxLength(100);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.EnteredBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        // (Cup, Status, PaidOn): a project's validated spending and a few projects' latest; (Status, PaidOn, Id): the
        // latest validated spending of a Comune with many projects, read in date order (Spending.RecentInComuneAsync).
        b.HasIndex(x => new { x.Cup, x.Status, x.PaidOn });
        b.HasIndex(x => new { x.Status, x.PaidOn, x.Id });
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FundingMilestoneConfiguration : IEntityTypeConfiguration<FundingMilestone>
{
    public void Configure(EntityTypeBuilder<FundingMilestone> b)
    {
        b.ToTable("funding_milestones");
        b.HasKey(x => x.Id);
        b.Property(x => x.Cup).HasMaxLength(15);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.TargetValue).HasPrecision(18, 2);
        b.Property(x => x.ReachedValue).HasPrecision(18, 2);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Cup);
        b.HasIndex(x => x.DueOn);
        b.HasOne<FundingProject>().WithMany().HasForeignKey(x => x.Cup).OnDelete(DeleteBehavior.Cascade);
    }
}
