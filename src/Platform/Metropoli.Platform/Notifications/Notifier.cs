using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Notifications;

/// <summary>Queues notifications: one in-app message and, when the user has an e-mail address, one
/// e-mail in the outbox, in the caller's transaction (the caller saves).</summary>
public static class Notifier
{
    /// <summary>Idempotent per (user, <paramref name="dedupKey"/>): answers false and adds nothing when
    /// the key was already used for that user (also when it is pending in this context).</summary>
    public static Task<bool> NotifyAsync(AppDbContext db, AppUser user, string subject, string body, string? link, string dedupKey, CancellationToken ct = default) =>
        NotifyAsync(db, user, new NotificationText(NotificationText.PlainText, subject, body), link, dedupKey, ct);

    /// <summary>A notification of a kind with its parameters: the centre renders it in the reader's language when
    /// read, the e-mail is rendered now in the recipient's (<see cref="AppUser.PreferredLanguage"/>).</summary>
    public static async Task<bool> NotifyAsync(AppDbContext db, AppUser user, NotificationText text, string? link, string dedupKey, CancellationToken ct = default)
    {
        var (subject, body) = text.Render(NotificationText.CultureOf("it"));
        subject = Clip(subject, 300);
        dedupKey = Clip(dedupKey, 300);
        var pending = db.ChangeTracker.Entries<Notification>()
            .Any(e => e.State == EntityState.Added && e.Entity.UserId == user.Id && e.Entity.DedupKey == dedupKey);
        if (pending || await db.Set<Notification>().AnyAsync(n => n.UserId == user.Id && n.DedupKey == dedupKey, ct))
        {
            return false;
        }
        var now = DateTime.UtcNow;
        db.Add(new Notification
        {
            UserId = user.Id, Subject = subject, Body = Clip(body, 4000), Link = link, DedupKey = dedupKey, CreatedAt = now,
            Kind = text.Kind, Parameters = text.Kind == NotificationText.PlainText ? null : text.ParametersJson,
        });
        if (!string.IsNullOrWhiteSpace(user.Email) && !user.IsDisabled)
        {
            var culture = NotificationText.CultureOf(user.PreferredLanguage);
            var (mailSubject, mailBody) = text.Render(culture);
            db.Add(new OutboxMessage
            {
                To = user.Email, Subject = Clip(mailSubject, 300), Body = EmailBody(user, mailBody, link, culture), CreatedAt = now, NextAttemptAt = now,
            });
        }
        return true;
    }

    /// <summary>Many notifications at once for a job: the dedup keys already used are read in one query per 500
    /// keys (not one per recipient), then <see cref="NotifyAsync(AppDbContext, AppUser, NotificationText, string?, string, CancellationToken)"/>'s
    /// rules apply. Returns how many were queued; the caller saves.</summary>
    public static async Task<int> NotifyManyAsync(AppDbContext db, IReadOnlyList<(AppUser User, NotificationText Text, string? Link, string DedupKey)> items, CancellationToken ct = default)
    {
        var used = new HashSet<(string, string)>();
        foreach (var chunk in items.Select(i => Clip(i.DedupKey, 300)).Distinct().Chunk(500))
        {
            foreach (var n in await db.Set<Notification>().AsNoTracking().Where(n => chunk.Contains(n.DedupKey)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct))
                used.Add((n.UserId, n.DedupKey));
        }
        var sent = 0;
        foreach (var (user, text, link, key) in items)
        {
            var dedupKey = Clip(key, 300);
            if (!used.Add((user.Id, dedupKey))) continue;
            var (subject, body) = text.Render(NotificationText.CultureOf("it"));
            var now = DateTime.UtcNow;
            db.Add(new Notification
            {
                UserId = user.Id, Subject = Clip(subject, 300), Body = Clip(body, 4000), Link = link, DedupKey = dedupKey, CreatedAt = now,
                Kind = text.Kind, Parameters = text.Kind == NotificationText.PlainText ? null : text.ParametersJson,
            });
            if (!string.IsNullOrWhiteSpace(user.Email) && !user.IsDisabled)
            {
                var culture = NotificationText.CultureOf(user.PreferredLanguage);
                var (mailSubject, mailBody) = text.Render(culture);
                db.Add(new OutboxMessage
                {
                    To = user.Email, Subject = Clip(mailSubject, 300), Body = EmailBody(user, mailBody, link, culture), CreatedAt = now, NextAttemptAt = now,
                });
            }
            sent++;
        }
        return sent;
    }

    private static string EmailBody(AppUser user, string body, string? link, System.Globalization.CultureInfo culture)
    {
        string T(string italian, string? value = null) =>
            new NotificationText("mail", italian, "").Text("value", value).Render(culture).Subject;
        var text = T("Gentile {value},", user.DisplayName) + $"\n\n{body}\n";
        if (link is not null)
        {
            text += "\n" + T("Apri in Metropoli: {value}", link) + "\n";
        }
        return Clip(text + "\n—\n" + T("Metropoli · Città metropolitana di Milano. Messaggio automatico: le notifiche sono anche nella pagina /notifiche."), 8000);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>Who receives a notification: enabled users found by role and scope.</summary>
public static class Recipients
{
    public static Task<List<AppUser>> InRoleAsync(AppDbContext db, string role, CancellationToken ct = default) =>
        InRole(db, role).ToListAsync(ct);

    public static Task<List<AppUser>> ForSectorAsync(AppDbContext db, string sectorCode, CancellationToken ct = default)
    {
        var sector = sectorCode.Trim().ToLowerInvariant();
        return InRole(db, Roles.SectorOfficer).Where(u => u.SectorCode == sector).ToListAsync(ct);
    }

    public static Task<List<AppUser>> ForMunicipalityAsync(AppDbContext db, string istat, CancellationToken ct = default) =>
        InRole(db, Roles.MunicipalityOfficer).Where(u => u.MunicipalityIstat == istat).ToListAsync(ct);

    /// <summary>Every enabled municipality officer, for jobs that group them by Comune in memory (one query).</summary>
    public static Task<List<AppUser>> MunicipalityOfficersAsync(AppDbContext db, CancellationToken ct = default) =>
        InRole(db, Roles.MunicipalityOfficer).Where(u => u.MunicipalityIstat != null).ToListAsync(ct);

    public static Task<List<AppUser>> ForOrganisationAsync(AppDbContext db, long organisationId, CancellationToken ct = default) =>
        db.Users.Where(u => !u.IsDisabled && u.OrganisationId == organisationId).ToListAsync(ct);

    private static IQueryable<AppUser> InRole(AppDbContext db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && !u.IsDisabled
        select u;
}
