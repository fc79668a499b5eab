using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Notifications;

/// <summary>Settings of the e-mail outbox (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    [Required, EmailAddress]
    public string From { get; set; } = "metropoli@localhost";
    /// <summary>SMTP server; when empty (and no pickup folder) e-mails stay queued in the outbox.</summary>
    public string? SmtpHost { get; set; }
    [Range(1, 65_535)]
    public int SmtpPort { get; set; } = 25;
    public bool SmtpEnableSsl { get; set; }
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Instead of SMTP, write each e-mail as an .eml file into this folder (development).</summary>
    public string? PickupDirectory { get; set; }
    [Range(1, 86_400)]
    public double OutboxSeconds { get; set; } = 60;
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Metropoli's public address (https://…), the start of the links in account e-mails (password reset,
    /// invitation). Never taken from the request's Host header, which a client chooses (ADR 0030); when empty the
    /// e-mails carry the path alone.</summary>
    [Url]
    public string? PublicUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

/// <summary>Delivers queued e-mails. Each message is claimed with a compare-and-set on
/// <see cref="OutboxMessage.NextAttemptAt"/> before it is sent, so two instances (or a run that overlaps
/// the next) never send it twice; a failure is retried with exponential back-off up to
/// <see cref="EmailOptions.MaxAttempts"/> times, and the last error is kept for the administrators.</summary>
public sealed class OutboxSenderJob(IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSenderJob> logger) : IRecurringJob
{
    public string Name => "email-outbox";

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.OutboxSeconds));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await SendPendingAsync(db, ct);
        var max = options.Value.MaxAttempts;
        Observability.MetropoliMetrics.ReportOutboxBacklog(
            await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.Attempts < max, ct));
    }

    public async Task<int> SendPendingAsync(AppDbContext db, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.IsConfigured)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < o.MaxAttempts)
            .OrderBy(m => m.Id).Take(o.BatchSize).ToListAsync(ct);
        var sent = 0;
        using var smtp = CreateClient(o);
        foreach (var message in due)
        {
            var lease = now.AddMinutes(10);
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == message.Id && m.NextAttemptAt == message.NextAttemptAt && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed != 1)
            {
                continue;
            }
            try
            {
                using var mail = new MailMessage(o.From, message.To, message.Subject, message.Body) { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
                await smtp.SendMailAsync(mail, ct);
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow().UtcDateTime).SetProperty(m => m.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or FormatException)
            {
                var attempts = message.Attempts + 1;
                var retryAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, Math.Min(attempts, 10)));
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning("E-mail {Id} to the outbox recipient failed (attempt {Attempts}): {Error}", message.Id, attempts, error);
                await db.Set<OutboxMessage>().Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, retryAt).SetProperty(m => m.LastError, error), ct);
            }
        }
        return sent;
    }

    private static SmtpClient CreateClient(EmailOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Path.GetFullPath(o.PickupDirectory) };
        }
        var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpEnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(o.SmtpUserName, o.SmtpPassword);
        }
        return client;
    }
}
