using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text;

namespace Metropoli.Platform.Auth;

/// <summary>The password-reset and invitation e-mails, through the outbox (ADR 0030). Both carry a link with the
/// user's id and a token of Identity's data-protection providers: it expires (reset: <c>Security:PasswordResetMinutes</c>,
/// 60; invitation: <c>Security:InvitationDays</c>, 7) and works once, since setting the password rotates the
/// security stamp the token is bound to.</summary>
public static class AccountEmails
{
    public const string InvitationProvider = "Invito";
    public const string InvitationPurpose = "Invitation";
    public const string NewPasswordPath = "/accedi/nuova-password";

    /// <summary>Queues a reset e-mail unless one was queued for the same address in the last
    /// <paramref name="quiet"/> (so the form cannot be used to flood a mailbox). Answers whether one was queued.</summary>
    public static async Task<bool> SendPasswordResetAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, EmailOptions email,
        DateTime now, TimeSpan quiet, CancellationToken ct)
    {
        const string subject = "Metropoli: reimposta la password";
        var since = now - quiet;
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.To == user.Email && m.Subject == subject && m.CreatedAt > since, ct))
        {
            return false;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(email, user, token, invitation: false);
        Queue(db, user, subject, now,
            $"Gentile {user.DisplayName},\n\nabbiamo ricevuto una richiesta di reimpostare la password del tuo account Metropoli. " +
            $"Per scegliere una nuova password apri questo collegamento entro un'ora:\n\n{link}\n\n" +
            "Il collegamento vale una volta sola. Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: " +
            "la password attuale resta valida.\n");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task SendInvitationAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, EmailOptions email,
        string invitedBy, DateTime now, CancellationToken ct)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationProvider, InvitationPurpose);
        var link = Link(email, user, token, invitation: true);
        Queue(db, user, "Metropoli: invito ad accedere", now,
            $"Gentile {user.DisplayName},\n\n{invitedBy} ti ha creato un account su Metropoli, la piattaforma della Città metropolitana di Milano " +
            $"per il piano strategico e le intese con i Comuni. Il tuo nome utente è {user.Email}.\n\n" +
            $"Per attivare l'account scegli la tua password da questo collegamento, valido 7 giorni e una volta sola:\n\n{link}\n");
        await db.SaveChangesAsync(ct);
    }

    private static void Queue(AppDbContext db, AppUser user, string subject, DateTime now, string body) =>
        db.Add(new OutboxMessage
        {
            To = user.Email!, Subject = subject, CreatedAt = now, NextAttemptAt = now,
            Body = body + "\n—\nMetropoli · Città metropolitana di Milano. Messaggio automatico, non rispondere.",
        });

    private static string Link(EmailOptions email, AppUser user, string token, bool invitation)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var path = $"{NewPasswordPath}?utente={Uri.EscapeDataString(user.Id)}&codice={code}" + (invitation ? "&invito=1" : "");
        return string.IsNullOrWhiteSpace(email.PublicUrl) ? path : email.PublicUrl.TrimEnd('/') + path;
    }

    /// <summary>The token of a link, or null when the text is not one of ours.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Records an account event that changes no audited column (the password hash is never copied into the
    /// trail): a reset asked, a password set by reset or invitation, an invitation sent.</summary>
    public static async Task AuditAsync(AppDbContext db, string? actorId, string actorName, AppUser user, string what, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await AuditRecorder.LockHeadAsync(db, ct);
        await AuditRecorder.AppendSummaryAsync(db, head, actorId, actorName, nameof(AppUser), user.Id, "update",
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Password"] = what }), ct);
        await tx.CommitAsync(ct);
    }
}

/// <summary>Invitation tokens: Identity's data-protection provider with its own name and a longer life than a reset's.</summary>
public sealed class InvitationTokenProvider(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection,
    IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = AccountEmails.InvitationProvider;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
