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
    public static async Task<bool> NotifyAsync(AppDbContext db, AppUser user, string subject, string body, string? link, string dedupKey, CancellationToken ct = default)
    {
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
        });
        if (!string.IsNullOrWhiteSpace(user.Email) && !user.IsDisabled)
        {
            db.Add(new OutboxMessage
            {
                To = user.Email, Subject = subject, Body = EmailBody(user, body, link), CreatedAt = now, NextAttemptAt = now,
            });
        }
        return true;
    }

    private static string EmailBody(AppUser user, string body, string? link)
    {
        var text = $"Gentile {user.DisplayName},\n\n{body}\n";
        if (link is not null)
        {
            text += $"\nApri in Metropoli: {link}\n";
        }
        return Clip(text + "\n—\nMetropoli · Città metropolitana di Milano. Messaggio automatico: le notifiche sono anche nella pagina /notifiche.", 8000);
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

    public static Task<List<AppUser>> ForOrganisationAsync(AppDbContext db, long organisationId, CancellationToken ct = default) =>
        db.Users.Where(u => !u.IsDisabled && u.OrganisationId == organisationId).ToListAsync(ct);

    private static IQueryable<AppUser> InRole(AppDbContext db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && !u.IsDisabled
        select u;
}
