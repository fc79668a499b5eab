using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.StrategicPlan.Model;

/// <summary>A monitoring round of a plan for one period: opened by the plan office with a deadline, it
/// gives each action's owner sector a task; closing it freezes a snapshot (the dashboard figures and every
/// action's state) from which the monitoring report is made.</summary>
public sealed class MonitoringCampaign : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The year being reported on: the measurements due are those of this year.</summary>
    public int Year { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>Days before the deadline when reminders go out, e.g. "7,1".</summary>
    public string ReminderDays { get; set; } = "7,1";
    public string? Instructions { get; set; }
    public string Status { get; set; } = CampaignStatuses.Open;
    public DateTime OpenedAt { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>SHA-256 of the frozen snapshot (<see cref="CampaignSnapshot"/>): the audited campaign row
    /// proves the figures of the report were not changed after closing.</summary>
    public string? SnapshotSha256 { get; set; }
    public int Version { get; set; }
}

public static class CampaignStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Label(string code) => code switch { Open => "aperta", Closed => "chiusa", _ => code };
}

/// <summary>What an action's owner sector must do in a campaign: report status, progress and a narrative
/// (and file the measurements due). pending → submitted → accepted, or returned (with a note) → submitted.</summary>
public sealed class CampaignTask : IVersioned
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long ActionId { get; set; }
    public string OwnerSector { get; set; } = "";
    public string Status { get; set; } = TaskStatuses.Pending;
    public string? ReportedStatus { get; set; }
    public int? ReportedProgress { get; set; }
    public string? Narrative { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>The plan office's note when it returns the task (internal, never in the report).</summary>
    public string? ReviewNote { get; set; }
    public int Version { get; set; }
}

public static class TaskStatuses
{
    public const string Pending = "pending";
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [Pending, Submitted, Returned, Accepted];

    /// <summary>Still waiting for the owner sector.</summary>
    public static bool AwaitsSector(string status) => status is Pending or Returned;

    public static string Label(string code) => code switch
    {
        Pending => "da compilare",
        Submitted => "inviata, da esaminare",
        Accepted => "accettata",
        Returned => "restituita per correzioni",
        _ => code,
    };

    public static string Badge(string code) => code switch
    {
        Accepted => "bg-success",
        Submitted => "bg-primary",
        Returned => "bg-danger",
        _ => "bg-warning text-dark",
    };
}

/// <summary>The plan dashboard as it stood when the campaign closed (JSON of <c>PlanDashboardView</c>).
/// Not audited row by row: its hash is on the (audited) campaign.</summary>
public sealed class CampaignSnapshot : INotAudited
{
    public long CampaignId { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>One action as it stood when its campaign closed: the timeline and the report read these.
/// Written once, in the closing transaction; covered by the campaign's snapshot hash.</summary>
public sealed class CampaignActionSnapshot : INotAudited
{
    public long CampaignId { get; set; }
    public long ActionId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string AreaTitle { get; set; } = "";
    public string ObjectiveCode { get; set; } = "";
    public string ObjectiveTitle { get; set; } = "";
    public string OwnerSector { get; set; } = "";
    public string Status { get; set; } = "";
    public int Progress { get; set; }
    public bool Late { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Narrative { get; set; }
    /// <summary>The task's state at closing (pending = the sector did not report).</summary>
    public string TaskStatus { get; set; } = "";
}

internal sealed class CampaignConfiguration :
    IEntityTypeConfiguration<MonitoringCampaign>, IEntityTypeConfiguration<CampaignTask>,
    IEntityTypeConfiguration<CampaignSnapshot>, IEntityTypeConfiguration<CampaignActionSnapshot>
{
    public const string OneOpenIndex = "IX_plan_campaigns_one_open";

    public void Configure(EntityTypeBuilder<MonitoringCampaign> b)
    {
        b.ToTable("plan_campaigns");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.ReminderDays).HasMaxLength(50);
        b.Property(c => c.Instructions).HasMaxLength(4000);
        b.Property(c => c.Status).HasMaxLength(16);
        b.Property(c => c.OpenedBy).HasMaxLength(256);
        b.Property(c => c.ClosedBy).HasMaxLength(256);
        b.Property(c => c.SnapshotSha256).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PlanId, c.Name }).IsUnique();
        b.HasIndex(c => c.Status);
        // One open campaign per plan, held by the database (parallel openings: docs/adr/0031).
        b.HasIndex(c => c.PlanId, OneOpenIndex).IsUnique().HasFilter("\"Status\" = 'open'");
    }

    public void Configure(EntityTypeBuilder<CampaignTask> b)
    {
        b.ToTable("plan_campaign_tasks");
        b.Property(t => t.OwnerSector).HasMaxLength(64);
        b.Property(t => t.Status).HasMaxLength(16);
        b.Property(t => t.ReportedStatus).HasMaxLength(16);
        b.Property(t => t.Narrative).HasMaxLength(4000);
        b.Property(t => t.SubmittedBy).HasMaxLength(256);
        b.Property(t => t.ReviewedBy).HasMaxLength(256);
        b.Property(t => t.ReviewNote).HasMaxLength(2000);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<MonitoringCampaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(t => t.ActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.CampaignId, t.ActionId }).IsUnique();
        b.HasIndex(t => new { t.OwnerSector, t.Status });
        b.HasIndex(t => t.ActionId);
    }

    public void Configure(EntityTypeBuilder<CampaignSnapshot> b)
    {
        b.ToTable("plan_campaign_snapshots");
        b.HasKey(s => s.CampaignId);
        b.HasOne<MonitoringCampaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CampaignActionSnapshot> b)
    {
        b.ToTable("plan_campaign_actions");
        b.HasKey(s => new { s.CampaignId, s.ActionId });
        b.Property(s => s.Code).HasMaxLength(20);
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.AreaCode).HasMaxLength(20);
        b.Property(s => s.AreaTitle).HasMaxLength(300);
        b.Property(s => s.ObjectiveCode).HasMaxLength(20);
        b.Property(s => s.ObjectiveTitle).HasMaxLength(300);
        b.Property(s => s.OwnerSector).HasMaxLength(64);
        b.Property(s => s.Status).HasMaxLength(16);
        b.Property(s => s.Narrative).HasMaxLength(4000);
        b.Property(s => s.TaskStatus).HasMaxLength(16);
        b.HasOne<MonitoringCampaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PlanAction>().WithMany().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.ActionId);
    }
}
