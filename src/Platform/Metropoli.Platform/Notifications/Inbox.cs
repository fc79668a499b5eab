using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Notifications;

public sealed record NotificationItem(long Id, string Subject, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>Query of the notification list: the common paging plus <c>unread</c>.</summary>
public sealed record InboxQuery
{
    [Description("Solo le notifiche non lette.")]
    public bool? Unread { get; init; }
}

/// <summary>The signed-in user's notification centre; page and API share these handlers. A user only
/// ever reaches their own notifications (anyone else's answer 404).</summary>
public static class Inbox
{
    public static async Task<Paged<NotificationItem>> ListAsync(AppDbContext db, string userId, bool unreadOnly, int limit, int offset, CancellationToken ct)
    {
        var rows = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            rows = rows.Where(n => n.ReadAt == null);
        }
        var total = await rows.CountAsync(ct);
        // Rendered now, in the reader's language (issue 18, point 6).
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var items = (await rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(offset).Take(limit).ToListAsync(ct))
            .Select(n =>
            {
                var (subject, body) = NotificationText.Render(n.Kind, n.Subject, n.Body, n.Parameters, culture);
                return new NotificationItem(n.Id, subject, body, n.Link, n.CreatedAt, n.ReadAt);
            }).ToList();
        return new Paged<NotificationItem>(items, total, limit, offset);
    }

    public static Task<int> UnreadCountAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one notification read; false when it is not the user's.</summary>
    public static async Task<bool> MarkReadAsync(AppDbContext db, string userId, long id, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var found = await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == userId, ct);
        if (found)
        {
            await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        }
        return found;
    }

    public static Task<int> MarkAllReadAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        return db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").RequireAuthorization(Policies.Authenticated).WithTags("Notifiche");
        group.MapGet("", async Task<IResult> ([AsParameters] ListQuery query, [AsParameters] InboxQuery filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate([]);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors);
                }
                return TypedResults.Ok(await ListAsync(db, UserId(user), filter.Unread == true, query.EffectiveLimit, query.EffectiveOffset, ct));
            })
            .WithName("listNotifications").WithSummary("Le notifiche dell'utente autenticato, dalla più recente.")
            .Produces<Paged<NotificationItem>>().ProducesValidationProblem();
        group.MapPost("/{id:long}/read", async (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
                await MarkReadAsync(db, UserId(user), id, ct)
                    ? Results.NoContent()
                    : Problems.NotFound.Result("La notifica non esiste."))
            .WithName("markNotificationRead").WithSummary("Segna una notifica come letta.")
            .Produces(204).ProducesProblem(404);
        group.MapPost("/read-all", async (ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                await MarkAllReadAsync(db, UserId(user), ct);
                return Results.NoContent();
            })
            .WithName("markAllNotificationsRead").WithSummary("Segna come lette tutte le notifiche dell'utente.")
            .Produces(204);
    }

    public static string UserId(ClaimsPrincipal user) => CurrentUser.Of(user).Id!;
}
