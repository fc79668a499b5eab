using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Jobs;

/// <summary>When a recurring job is due next. Instances race to move <see cref="NextRunAt"/>
/// forward with a compare-and-set; only the winner runs that occurrence.</summary>
public sealed class JobSchedule : INotAudited
{
    public string Name { get; set; } = "";
    public DateTime NextRunAt { get; set; }
    public DateTime? LastRunAt { get; set; }
    public string? LastRunBy { get; set; }
}

/// <summary>One run of a job. (Name, ScheduledFor) is unique: an occurrence cannot run twice.</summary>
public sealed class JobRun : INotAudited
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime ScheduledFor { get; set; }
    public string Instance { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string Outcome { get; set; } = "";
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobSchedule>, IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobSchedule> b)
    {
        b.ToTable("platform_job_schedules");
        b.HasKey(j => j.Name);
        b.Property(j => j.Name).HasMaxLength(100);
        b.Property(j => j.LastRunBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("platform_job_runs");
        b.Property(j => j.Name).HasMaxLength(100);
        b.Property(j => j.Instance).HasMaxLength(200);
        b.Property(j => j.Outcome).HasMaxLength(2000);
        b.HasIndex(j => new { j.Name, j.ScheduledFor }).IsUnique();
    }
}
