using System.ComponentModel;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Calls;

public sealed record CallRow(long Id, string? Code, string Title, string Issuer, string Programme, string? MeasureCode, string? Recipients,
    decimal? Budget, DateOnly? OpensOn, DateOnly? ClosesOn, string Status, string? Link);

public sealed record CallFilter
{
    [Description("Programma o fondo: pnrr, fsc, fesr, fse-plus, regional, national, own.")]
    public string? Programme { get; init; }
    [Description("Stato: planned, open, closed, awarded.")]
    public string? Status { get; init; }
    [Description("Missione PNRR (M1…M6): bandi della misura che inizia con questo codice.")]
    public string? Mission { get; init; }
    [Description("Solo i bandi aperti ai Comuni (destinatari).")]
    public bool? ForComuni { get; init; }
}

/// <summary>The calls, filtered, searched, sorted and paged: the same query feeds the page, the API and the downloads.</summary>
public static class ListCalls
{
    public static readonly string[] Sortable = ["title", "issuer", "closesOn", "opensOn", "budget", "status", "measure"];

    public static Dictionary<string, string[]> Validate(ListQuery query, CallFilter f)
    {
        var errors = query.Validate(Sortable);
        if (f.Programme is { Length: > 0 } p && !FundingProgrammes.IsKnown(p)) errors["programme"] = ["Programma sconosciuto."];
        if (f.Status is { Length: > 0 } s && !FundingCallStatuses.IsKnown(s)) errors["status"] = ["Stato sconosciuto."];
        if (f.Mission is { Length: > 0 } m && (m.Length != 2 || m[0] != 'M' || m[1] is < '1' or > '6')) errors["mission"] = ["Missione sconosciuta (M1…M6)."];
        return errors;
    }

    public static IQueryable<FundingCall> Query(AppDbContext db, ListQuery query, CallFilter f)
    {
        var q = db.Set<FundingCall>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Programme)) q = q.Where(c => c.Programme == f.Programme);
        if (!string.IsNullOrWhiteSpace(f.Status)) q = q.Where(c => c.Status == f.Status);
        if (!string.IsNullOrWhiteSpace(f.Mission)) q = q.Where(c => c.MeasureCode != null && c.MeasureCode.StartsWith(f.Mission));
        if (f.ForComuni == true)
        {
            var forComuni = db.Set<FundingCallRule>().Where(r => r.Kind == RuleKinds.Recipients).Select(r => r.CallId);
            var withComuni = db.Set<FundingCallRule>().Where(r => r.Kind == RuleKinds.Recipients
                && (r.Parameter.ToLower().Contains("comuni") || r.Parameter.ToLower().Contains("comune") || r.Parameter.ToLower().Contains("enti locali"))).Select(r => r.CallId);
            q = q.Where(c => !forComuni.Contains(c.Id) || withComuni.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePattern.Containing(query.Q.Trim().ToLowerInvariant());
            q = q.Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(c.Issuer.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(c.Code!.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(c.MeasureCode!.ToLower(), pattern, LikePattern.Escape));
        }
        var (key, desc) = string.IsNullOrEmpty(query.Sort) ? ("closesOn", true) : query.SortOrDefault("title");
        return key switch
        {
            "issuer" => desc ? q.OrderByDescending(c => c.Issuer).ThenBy(c => c.Id) : q.OrderBy(c => c.Issuer).ThenBy(c => c.Id),
            "closesOn" => desc ? q.OrderByDescending(c => c.ClosesOn).ThenBy(c => c.Id) : q.OrderBy(c => c.ClosesOn).ThenBy(c => c.Id),
            "opensOn" => desc ? q.OrderByDescending(c => c.OpensOn).ThenBy(c => c.Id) : q.OrderBy(c => c.OpensOn).ThenBy(c => c.Id),
            "budget" => desc ? q.OrderByDescending(c => c.Budget).ThenBy(c => c.Id) : q.OrderBy(c => c.Budget).ThenBy(c => c.Id),
            "status" => desc ? q.OrderByDescending(c => c.Status).ThenBy(c => c.Id) : q.OrderBy(c => c.Status).ThenBy(c => c.Id),
            "measure" => desc ? q.OrderByDescending(c => c.MeasureCode).ThenBy(c => c.Id) : q.OrderBy(c => c.MeasureCode).ThenBy(c => c.Id),
            _ => desc ? q.OrderByDescending(c => c.Title).ThenBy(c => c.Id) : q.OrderBy(c => c.Title).ThenBy(c => c.Id),
        };
    }

    private static IQueryable<CallRow> Rows(IQueryable<FundingCall> q) =>
        q.Select(c => new CallRow(c.Id, c.Code, c.Title, c.Issuer, c.Programme, c.MeasureCode, c.Recipients, c.Budget, c.OpensOn, c.ClosesOn, c.Status, c.Link));

    public static async Task<Paged<CallRow>> HandleAsync(AppDbContext db, ListQuery query, CallFilter f, CancellationToken ct)
    {
        var q = Query(db, query, f);
        var total = await q.CountAsync(ct);
        var items = await Rows(q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)).ToListAsync(ct);
        return new Paged<CallRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static Task<List<CallRow>> AllAsync(AppDbContext db, ListQuery query, CallFilter f, CancellationToken ct) =>
        Rows(Query(db, query, f).Take(10_000)).ToListAsync(ct);
}
