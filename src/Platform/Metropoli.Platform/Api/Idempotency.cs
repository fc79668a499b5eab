using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Api;

/// <summary>The first answer to a creating write sent with an <c>Idempotency-Key</c> (IETF draft "The
/// Idempotency-Key HTTP Header Field"), per user, key and operation (method and path): a retry of a write
/// whose answer was lost gets that answer again instead of a second record (docs/adr/0031).</summary>
public sealed class IdempotencyRecord : INotAudited
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>"POST /api/v1/plans/3/campaigns".</summary>
    public string Operation { get; set; } = "";
    /// <summary>SHA-256 of the request's content type and body: the same key with another body is refused.</summary>
    public string RequestHash { get; set; } = "";
    /// <summary>Null while the first request is in flight.</summary>
    public int? Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("platform_idempotency_keys");
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Key).HasMaxLength(Idempotency.MaxKeyLength);
        b.Property(r => r.Operation).HasMaxLength(500);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(1000);
        b.Property(r => r.ETag).HasMaxLength(100);
        b.HasIndex(r => new { r.UserId, r.Key, r.Operation }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>Accepts <c>Idempotency-Key</c> on every POST of the API from an authenticated user: the first request
/// with a key runs and its answer (status, Location, ETag, content type, body) is kept for
/// <see cref="Retention"/>; a repeat with the same body gets that answer (with <c>Idempotency-Replayed: true</c>),
/// a repeat with another body 422, a repeat while the first is still running 409. 5xx and 429 answers are not
/// kept (nothing was done; the retry runs). Without the header nothing changes.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    /// <summary>A first request still "in flight" after this long died with its process: a retry may run.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    /// <summary>Larger answers are not kept (a creating write answers a record, far smaller).</summary>
    public const int MaxStoredBody = 1024 * 1024;

    public static readonly ProblemType InFlight = new("idempotency-in-flight", 409, "Richiesta già in corso");
    public static readonly ProblemType KeyReused = new("idempotency-key-reused", 422, "Chiave di idempotenza già usata");

    public const string InvalidKeyDetail = "L'intestazione Idempotency-Key deve contenere da 1 a 255 caratteri stampabili, " +
        "per esempio \"8e03978e-40d5-43e8-bc93-6894a57f9324\".";
    public const string InFlightDetail = "Una richiesta con la stessa Idempotency-Key è ancora in corso: attendi la sua risposta e riprova.";
    public const string KeyReusedDetail = "Questa Idempotency-Key è già stata usata per questa operazione con un altro contenuto: " +
        "usa una chiave nuova per ogni richiesta diversa.";

    public const string OpenApiDescription = "Facoltativa (IETF draft «The Idempotency-Key HTTP Header Field»): una chiave unica " +
        "per ogni richiesta, per esempio un UUID. Ripetendo la richiesta con la stessa chiave e lo stesso corpo entro 24 ore si riceve " +
        "la prima risposta (con Idempotency-Replayed: true) e non si crea un secondo record; la stessa chiave con un altro corpo risponde 422, " +
        "mentre la prima richiesta è in corso 409.";

    /// <summary>The key as sent: a bare token or a structured-field string ("…"), 1–255 printable ASCII characters.</summary>
    public static string? Parse(string? value)
    {
        if (value is null) return null;
        var key = value.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"') key = key[1..^1];
        if (key.Length is 0 or > MaxKeyLength) return null;
        foreach (var c in key)
        {
            if (c is < (char)0x21 or > (char)0x7e || c == '"') return null;
        }
        return key;
    }

    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}

internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, IServiceScopeFactory scopes)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api")
            || !request.Headers.TryGetValue(Idempotency.Header, out var values))
        {
            await next(context);
            return;
        }
        var key = values.Count == 1 ? Idempotency.Parse(values[0]) : null;
        if (key is null)
        {
            await Problems.WriteAsync(context, Problems.BadRequest, Idempotency.InvalidKeyDetail);
            return;
        }
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            await next(context); // the endpoint answers a visitor (401, or a write that needs no account)
            return;
        }
        var operation = Clip($"{request.Method} {request.Path}", 500)!;
        var hash = await HashAsync(request, context.RequestAborted);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Not the request's token: the first answer is kept even when the client has gone away.
        var ct = CancellationToken.None;
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - Idempotency.Retention;
        await db.Set<IdempotencyRecord>().Where(r => r.UserId == userId && r.CreatedAt < expired).ExecuteDeleteAsync(ct);

        IdempotencyRecord? record = null;
        for (var attempt = 0; record is null; attempt++)
        {
            var mine = new IdempotencyRecord { UserId = userId, Key = key, Operation = operation, RequestHash = hash, CreatedAt = now };
            db.Add(mine);
            if (await db.TrySaveAsync(ct))
            {
                record = mine;
                break;
            }
            var first = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.Operation == operation, ct);
            if (first is not null && first.RequestHash != hash)
            {
                await Problems.WriteAsync(context, Idempotency.KeyReused, Idempotency.KeyReusedDetail);
                return;
            }
            if (first is { Status: { } status })
            {
                await ReplayAsync(context, first, status);
                return;
            }
            var abandoned = first is not null && first.CreatedAt < now - Idempotency.Lease;
            if (attempt > 0 || (first is not null && !abandoned))
            {
                context.Response.Headers.RetryAfter = "1";
                await Problems.WriteAsync(context, Idempotency.InFlight, Idempotency.InFlightDetail);
                return;
            }
            if (abandoned)
            {
                logger.LogWarning("Idempotency key {Key} of {Operation} was left in flight since {Since}: the retry runs", key, operation, first!.CreatedAt);
                await db.Set<IdempotencyRecord>().Where(r => r.Id == first.Id && r.Status == null).ExecuteDeleteAsync(ct);
            }
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var keep = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            keep = status < 500 && status != StatusCodes.Status429TooManyRequests && buffer.Length <= Idempotency.MaxStoredBody;
            if (keep)
            {
                record.Status = status;
                record.ContentType = Clip(context.Response.ContentType, 200);
                record.Location = Clip(context.Response.Headers.Location.ToString(), 1000);
                record.ETag = Clip(context.Response.Headers.ETag.ToString(), 100);
                record.Body = buffer.ToArray();
                record.CompletedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!keep)
            {
                db.ChangeTracker.Clear();
                await db.Set<IdempotencyRecord>().Where(r => r.Id == record.Id).ExecuteDeleteAsync(ct);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord first, int status)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (!string.IsNullOrEmpty(first.ContentType)) response.ContentType = first.ContentType;
        if (!string.IsNullOrEmpty(first.Location)) response.Headers.Location = first.Location;
        if (!string.IsNullOrEmpty(first.ETag)) response.Headers.ETag = first.ETag;
        response.Headers[Idempotency.ReplayedHeader] = "true";
        if (first.Body is { Length: > 0 } body) await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes((request.ContentType ?? "") + "\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? Clip(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length <= max ? s : s[..max];
}
