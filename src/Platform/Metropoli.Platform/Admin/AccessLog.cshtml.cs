using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

/// <summary>The access log (ADR 0030): who read which record's history or searched the register, when. Kept for
/// <c>Audit:AccessLogRetentionDays</c> (365), as the privacy page promises; reading it is itself a line of it.</summary>
public sealed class AccessLogModel(AppDbContext db, ICurrentUser who, IConfiguration configuration, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public sealed record Filters
    {
        public string? User { get; init; }
        public string? What { get; init; }
        public string? EntityType { get; init; }
        public string? EntityId { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
    }

    public sealed record Row(DateTime At, string Who, string UserName, string What, string? EntityType, string? EntityId, string? Detail);

    public static readonly string[] Kinds = ["history", "search", "verify", "access-log"];

    [BindProperty(SupportsGet = true)]
    public Filters Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public IReadOnlyList<Row> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public string? FilterError { get; private set; }
    public int RetentionDays => configuration.GetValue("Audit:AccessLogRetentionDays", 365);

    public static string KindLabel(string what) => what switch
    {
        "history" => "cronologia di un record",
        "search" => "ricerca nel registro delle modifiche",
        "verify" => "verifica della catena",
        "access-log" => "consultazione del registro degli accessi",
        _ => what,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Query.Validate([]).Count > 0)
        {
            FilterError = l["Alcuni filtri non sono validi e sono stati ignorati (le date vanno nel formato AAAA-MM-GG)."];
            Filter = new Filters();
            Query = new ListQuery { Limit = 50 };
        }
        var rows = db.Set<AccessLogEntry>().AsNoTracking();
        var f = Filter;
        if (!string.IsNullOrWhiteSpace(f.User)) rows = rows.Where(e => e.UserName == f.User.Trim());
        if (!string.IsNullOrWhiteSpace(f.What)) rows = rows.Where(e => e.What == f.What);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) rows = rows.Where(e => e.EntityType == f.EntityType.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) rows = rows.Where(e => e.EntityId == f.EntityId.Trim());
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
        var limit = Query.Limit ?? 50;
        var query = Query with { Limit = limit };
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(e => e.Id).Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        var ids = page.Where(e => e.UserId != null).Select(e => e.UserId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Items = page.Select(e => new Row(e.At, e.UserId is { } id && names.TryGetValue(id, out var n) && n.Length > 0 ? n : e.UserName,
            e.UserName, e.What, e.EntityType, e.EntityId, e.Detail)).ToList();
        Pager = Pager.From(Request, total, query.EffectiveLimit, query.EffectiveOffset);
        await AuditRecorder.RecordReadAsync(db, who, "access-log", System.Text.Json.JsonSerializer.Serialize(f), ct);
    }
}
