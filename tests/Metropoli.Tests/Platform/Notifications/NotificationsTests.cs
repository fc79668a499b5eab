using System.Net;
using System.Net.Http.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Platform.Notifications;

public sealed class NotificationsFixture : AppFixture
{
    public SmtpSink Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:From"] = "metropoli@cittametropolitana.example",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

// On PostgreSQL too: the inbox and the outbox update rows with ExecuteUpdate.
[Trait("Database", "Both")]
public sealed class NotificationsTests(NotificationsFixture fx) : IClassFixture<NotificationsFixture>
{
    private sealed record Item(long Id, string Subject, string? Link, DateTime? ReadAt);
    private sealed record Page(List<Item> Items, int Total);

    private Task<bool> Notify(string email, string subject, string key) => fx.App.WithDb(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var added = await Notifier.NotifyAsync(db, user, subject, "Testo della notifica.", "/piano", key);
        await db.SaveChangesAsync();
        return added;
    });

    private Task<int> SendOutbox() => fx.App.WithScope(sp =>
        sp.GetRequiredService<OutboxSenderJob>().SendPendingAsync(sp.GetRequiredService<Metropoli.Platform.Data.AppDbContext>(), CancellationToken.None));

    [Fact]
    public async Task A_notification_is_stored_once_per_key_and_only_its_owner_reads_it()
    {
        var key = "test:" + Guid.NewGuid();
        Assert.True(await Notify(Demo.RhoOfficer, "Scadenza vicina", key));
        Assert.False(await Notify(Demo.RhoOfficer, "Scadenza vicina", key)); // a rerun adds nothing

        var rho = await fx.As(Demo.RhoOfficer);
        var page = await rho.GetFromJsonAsync<Page>("/api/v1/notifications?unread=true&limit=200");
        var mine = Assert.Single(page!.Items, i => i.Subject == "Scadenza vicina");
        Assert.Null(mine.ReadAt);

        var other = await fx.As(Demo.ZoneCoordinator);
        var others = await other.GetFromJsonAsync<Page>("/api/v1/notifications?limit=200");
        Assert.DoesNotContain(others!.Items, i => i.Id == mine.Id);
        var stolen = await other.PostAsync($"/api/v1/notifications/{mine.Id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal("application/problem+json", stolen.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.NoContent, (await rho.PostAsync($"/api/v1/notifications/{mine.Id}/read", null)).StatusCode);
        var unread = await rho.GetFromJsonAsync<Page>("/api/v1/notifications?unread=true&limit=200");
        Assert.DoesNotContain(unread!.Items, i => i.Id == mine.Id);

        var anonymous = await fx.App.Anonymous().GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var bad = await rho.GetAsync("/api/v1/notifications?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_outbox_delivers_through_SMTP_and_keeps_failures_for_a_retry()
    {
        var subject = "Promemoria " + Guid.NewGuid().ToString("N")[..8];
        await Notify(Demo.Sector, subject, "mail:" + subject);
        await SendOutbox();
        var delivered = Assert.Single(fx.Smtp.Messages, m => m.Data.Contains(subject));
        Assert.Contains("settore@metropoli.example", delivered.To.Single());
        var row = await fx.App.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Subject == subject));
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);

        // A second run sends nothing again.
        await SendOutbox();
        Assert.Single(fx.Smtp.Messages, m => m.Data.Contains(subject));

        // The server refuses: the message stays, with the error and a later retry time.
        fx.Smtp.RejectAll = true;
        try
        {
            var refused = "Rifiutato " + Guid.NewGuid().ToString("N")[..8];
            await Notify(Demo.Sector, refused, "mail:" + refused);
            await SendOutbox();
            var failed = await fx.App.WithDb(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Subject == refused));
            Assert.Null(failed.SentAt);
            Assert.Equal(1, failed.Attempts);
            Assert.NotNull(failed.LastError);
            Assert.True(failed.NextAttemptAt > DateTime.UtcNow.AddSeconds(30));
        }
        finally
        {
            fx.Smtp.RejectAll = false;
        }
    }

    [Fact]
    public async Task The_notification_centre_lists_and_marks_read_with_antiforgery()
    {
        var subject = "Pagina " + Guid.NewGuid().ToString("N")[..8];
        await Notify(Demo.ZoneCoordinator, subject, "page:" + subject);
        var browser = await fx.App.SignedIn(Demo.ZoneCoordinator);
        var html = await browser.GetStringAsync("/notifiche");
        Assert.Contains(subject, html);
        var id = await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.Subject == subject).Select(n => n.Id).SingleAsync());
        var response = await browser.SubmitAsync("/notifiche", [("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "Read");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var readAt = await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync());
        Assert.NotNull(readAt);
    }
}
