using System.Globalization;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Audit;

public sealed record AuditRow(long Sequence, DateTimeOffset At, string UserName, string EntityType, string EntityId,
    string Action, string? Before, string? After, string Hash, string? UserId = null, string? UserDisplayName = null);

public sealed record AuditFilter
{
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? User { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>Searching the trail, and a record's history. Every search is written to the access log (ADR 0030).</summary>
public static class AuditSearch
{
    public static readonly string[] Sortable = ["sequence"];

    public static async Task<Paged<AuditRow>> SearchAsync(AppDbContext db, ICurrentUser who, AuditFilter f, ListQuery query, CancellationToken ct,
        bool changesOnly = false, string access = "search")
    {
        var rows = db.AuditEntries.AsNoTracking();
        // Reads were written to the chain before the access log existed (ADR 0030): the register of changes leaves them out.
        if (changesOnly && string.IsNullOrWhiteSpace(f.Action)) rows = rows.Where(e => e.Action != "read");
        if (!string.IsNullOrWhiteSpace(f.EntityType)) rows = rows.Where(e => e.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) rows = rows.Where(e => e.EntityId == f.EntityId);
        if (!string.IsNullOrWhiteSpace(f.User)) rows = rows.Where(e => e.UserName == f.User);
        if (!string.IsNullOrWhiteSpace(f.Action)) rows = rows.Where(e => e.Action == f.Action);
        if (f.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.At >= start);
        }
        if (f.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.At < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            rows = rows.Where(e => e.EntityId == q || e.UserName.Contains(q) || e.EntityType.Contains(q));
        }
        // Newest first unless the caller asks for "sequence" (oldest first).
        var descending = string.IsNullOrEmpty(query.Sort) || query.Sort.StartsWith('-');
        rows = descending ? rows.OrderByDescending(e => e.Sequence) : rows.OrderBy(e => e.Sequence);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(e => new { e.Sequence, e.At, e.UserId, e.UserName, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.Hash })
            .ToListAsync(ct);
        var ids = items.Where(e => e.UserId != null).Select(e => e.UserId!).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await AuditRecorder.RecordReadAsync(db, who, access, Describe(f, query), ct, f.EntityType, f.EntityId);
        return new Paged<AuditRow>(
            items.Select(e => new AuditRow(e.Sequence, new DateTimeOffset(e.At, TimeSpan.Zero), e.UserName, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.Hash,
                e.UserId, e.UserId is { } id && names.TryGetValue(id, out var name) && name.Length > 0 ? name : null)).ToList(),
            total, query.EffectiveLimit, query.EffectiveOffset);
    }

    /// <summary>The history of one record, newest first.</summary>
    public static Task<Paged<AuditRow>> HistoryAsync(AppDbContext db, ICurrentUser who, string entityType, string entityId, CancellationToken ct) =>
        SearchAsync(db, who, new AuditFilter { EntityType = entityType, EntityId = entityId }, new ListQuery { Limit = ListQuery.MaxLimit }, ct,
            changesOnly: true, access: "history");

    private static string Describe(AuditFilter f, ListQuery q) => System.Text.Json.JsonSerializer.Serialize(new
    {
        f.EntityType, f.EntityId, f.User, f.Action,
        From = f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        q.Q, q.Limit, q.Offset,
    });

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit-entries").WithTags("Registro delle modifiche").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async Task<Results<Ok<Paged<AuditRow>>, ValidationProblem>> (
                [AsParameters] ListQuery query, [AsParameters] AuditFilter filter, AppDbContext db, ICurrentUser who, CancellationToken ct) =>
            {
                var errors = query.Validate(Sortable);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await SearchAsync(db, who, filter, query, ct));
            })
            .WithName("searchAuditEntries").WithSummary("Cerca nel registro delle modifiche (solo amministratori).");
        group.MapGet("/verification", async (AppDbContext db, ICurrentUser who, HttpContext http, CancellationToken ct) =>
            {
                var result = await AuditChain.VerifyAsync(db, http.RequestServices, null, ct);
                await AuditRecorder.RecordReadAsync(db, who, "verify", result.Message, ct);
                return TypedResults.Ok(result);
            })
            .WithName("verifyAuditChain").WithSummary("Verifica l'integrità della catena di impronte del registro.");
    }
}
