using System.Security.Cryptography;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Auth;

/// <summary>Keeps the sign-in tickets in the database (<see cref="UserSession"/>): the cookie holds a random key.
/// Signing out removes the row, so the cookie stops working at once, on every instance (ADR 0030).</summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, default);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // Its own scope: saving through the request's context would also save whatever the page left tracked.
        await WithDb(null, async db =>
        {
            db.Add(new UserSession
            {
                Key = key,
                UserId = CurrentUser.Of(ticket.Principal).Id ?? "",
                Ticket = TicketSerializer.Default.Serialize(ticket),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        });
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, default);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDb(httpContext, db => db.Set<UserSession>().Where(s => s.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, TicketSerializer.Default.Serialize(ticket))
            .SetProperty(x => x.ExpiresAt, ticket.Properties.ExpiresUtc.HasValue ? ticket.Properties.ExpiresUtc.Value.UtcDateTime : null), cancellationToken));

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, default);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (key.Length != 64) return null;
        byte[]? bytes = null;
        await WithDb(httpContext, async db => bytes = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Key == key).Select(s => s.Ticket).SingleOrDefaultAsync(cancellationToken));
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, default);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        WithDb(httpContext, db => db.Set<UserSession>().Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken));

    /// <summary>Ends every session of a user (password changed or reset, account disabled), or all but one.</summary>
    public static Task<int> EndSessionsAsync(AppDbContext db, string userId, string? except, CancellationToken ct) =>
        db.Set<UserSession>().Where(s => s.UserId == userId && s.Key != except).ExecuteDeleteAsync(ct);

    private async Task WithDb(HttpContext? httpContext, Func<AppDbContext, Task> work)
    {
        if (httpContext?.RequestServices is { } services)
        {
            await work(services.GetRequiredService<AppDbContext>());
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
