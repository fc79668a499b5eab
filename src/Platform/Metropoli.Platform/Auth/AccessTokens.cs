using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Metropoli.Platform.Auth;

public sealed record AccessTokenRow(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt, bool Active);

public sealed record CreateAccessTokenRequest(string? Name, int? ExpiresInDays);

public sealed record CreatedAccessToken(long Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>Personal access tokens: list, create, revoke. Used by the profile page, the API and the CLI.</summary>
public static class AccessTokens
{
    public const int MaxDays = 365;

    public static async Task<List<AccessTokenRow>> ListAsync(AppDbContext db, string userId, DateTime now, CancellationToken ct)
    {
        var rows = await db.Set<AccessToken>().AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id).ToListAsync(ct);
        return rows.Select(t => new AccessTokenRow(t.Id, t.Name, t.Prefix, Utc(t.CreatedAt), Utc(t.ExpiresAt),
            t.RevokedAt is { } r ? Utc(r) : null, t.LastUsedAt is { } l ? Utc(l) : null, t.IsActive(now))).ToList();
    }

    public static Dictionary<string, string[]> Validate(CreateAccessTokenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Indica un nome per riconoscere il token."];
        }
        else if (request.Name.Length > 100)
        {
            errors["name"] = ["Il nome non può superare 100 caratteri."];
        }
        if (request.ExpiresInDays is < 1 or > MaxDays)
        {
            errors["expiresInDays"] = [$"La durata deve essere tra 1 e {MaxDays} giorni."];
        }
        return errors;
    }

    public static async Task<CreatedAccessToken> CreateAsync(AppDbContext db, string userId, CreateAccessTokenRequest request, DateTime now, CancellationToken ct)
    {
        var (secret, hash, prefix) = AccessToken.NewSecret();
        var token = new AccessToken
        {
            UserId = userId,
            Name = request.Name!.Trim(),
            Prefix = prefix,
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays ?? 90),
        };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedAccessToken(token.Id, token.Name, secret, Utc(token.ExpiresAt));
    }

    /// <summary>Revokes one of the user's tokens (administrators may revoke anyone's).</summary>
    public static async Task<bool> RevokeAsync(AppDbContext db, long id, string? ownerId, DateTime now, CancellationToken ct)
    {
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == id && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Revokes every active token of the user: after a password change, or when an administrator disables
    /// the account (a token must not outlive the credentials it was made with). Returns how many.</summary>
    public static async Task<int> RevokeAllAsync(AppDbContext db, string userId, DateTime now, CancellationToken ct)
    {
        var active = await db.Set<AccessToken>().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in active)
        {
            token.RevokedAt = now;
        }
        if (active.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return active.Count;
    }

    /// <summary>Why a token is refused where only a signed-in session may act.</summary>
    public const string SessionOnly = "I token personali si creano e si elencano solo dalla sessione web (Il mio profilo → Token personali), non con un altro token: un token non può generarne altri.";

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));

    public static void MapAccessTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/access-tokens").WithTags("Token personali").RequireAuthorization(Policies.Authenticated);
        group.MapGet("/", async Task<Results<Ok<Paged<AccessTokenRow>>, ProblemHttpResult>> (ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (AccessTokenHandler.ViaToken(user))
                {
                    return Problems.Forbidden.Result(SessionOnly);
                }
                var items = await ListAsync(db, CurrentUser.Of(user).Id!, clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Ok(new Paged<AccessTokenRow>(items, items.Count, items.Count, 0));
            })
            .WithName("listAccessTokens").WithSummary("I token personali dell'utente corrente (solo dalla sessione web, non con un token).")
            .ProducesProblem(403);
        group.MapPost("/", async Task<Results<Created<CreatedAccessToken>, ProblemHttpResult>> (
                CreateAccessTokenRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (AccessTokenHandler.ViaToken(user))
                {
                    return Problems.Forbidden.Result(SessionOnly);
                }
                var errors = Validate(request);
                if (errors.Count > 0)
                {
                    return Problems.Invalid.Result("Correggi i campi indicati.", new Dictionary<string, object?> { ["errors"] = errors });
                }
                var created = await CreateAsync(db, CurrentUser.Of(user).Id!, request, clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Created($"/api/v1/access-tokens/{created.Id}", created);
            })
            .WithName("createAccessToken").WithSummary("Crea un token personale (solo dalla sessione web, non con un altro token); il segreto è mostrato solo ora.")
            .ProducesProblem(403).ProducesProblem(422);
        group.MapDelete("/{id:long}", async Task<Results<NoContent, ProblemHttpResult>> (
                long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var owner = user.IsAdministrator() ? null : CurrentUser.Of(user).Id;
                return await RevokeAsync(db, id, owner, clock.GetUtcNow().UtcDateTime, ct)
                    ? TypedResults.NoContent()
                    : Problems.NotFound.Result("Token inesistente.");
            })
            .WithName("revokeAccessToken").WithSummary("Revoca un token personale.")
            .ProducesProblem(404);
    }
}
