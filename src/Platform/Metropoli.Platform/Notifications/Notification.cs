using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Notifications;

/// <summary>A message for one user, shown in their notification centre (<c>/notifiche</c>).
/// <see cref="DedupKey"/> is unique per user: a reminder or alert computed twice (a rerun, a second
/// instance) is stored once.</summary>
public sealed class Notification : INotAudited
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The Italian rendering when stored (what rows stored before kinds hold; also a fallback).</summary>
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>What the notification is ("campaign-opened", "measurement-rejected", …); <see cref="NotificationText.PlainText"/>
    /// for rows stored as rendered text before kinds existed.</summary>
    public string Kind { get; set; } = NotificationText.PlainText;
    /// <summary>The Italian templates and the parameters (JSON), rendered in the reader's language when read.</summary>
    public string? Parameters { get; set; }
    /// <summary>A local path ("/piano/…") the notification is about, or null.</summary>
    public string? Link { get; set; }
    public string DedupKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>An e-mail waiting in the outbox or already sent. The <c>email-outbox</c> job delivers it
/// through the configured SMTP server and retries with back-off; nothing is lost while SMTP is down.</summary>
public sealed class OutboxMessage : INotAudited
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>When the message may be (re)tried; a sender claims a message by moving it forward.</summary>
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("platform_notifications");
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Subject).HasMaxLength(300);
        b.Property(n => n.Body).HasMaxLength(4000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.Property(n => n.DedupKey).HasMaxLength(300);
        b.Property(n => n.Kind).HasMaxLength(100).HasDefaultValue(NotificationText.PlainText);
        b.Property(n => n.Parameters).HasMaxLength(8000);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("platform_outbox");
        b.Property(o => o.To).HasMaxLength(256);
        b.Property(o => o.Subject).HasMaxLength(300);
        b.Property(o => o.Body).HasMaxLength(8000);
        b.Property(o => o.LastError).HasMaxLength(2000);
        b.HasIndex(o => new { o.SentAt, o.NextAttemptAt });
    }
}
