using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.Practices;

public sealed record PracticeRow(long Id, string Title, string Theme, string? Zone, string Author, string Status, DateTime? PublishedAt, int Reuses, bool IsDemo);

public sealed record PracticeReuseView(string IstatCode, string Comune, DateTime RecordedAt);

public sealed record PracticeActionView(long Id, string Code, string Title);

public sealed record PracticeDetail(long Id, string Title, string Problem, string Solution, string Results, string? Costs, string? Contacts, string Theme,
    string? ZoneCode, string? Zone, string? IstatCode, string Author, string Status, string? ReturnReason, DateTime? PublishedAt, bool IsDemo, int Version,
    IReadOnlyList<PracticeActionView> Actions, IReadOnlyList<PracticeReuseView> Reuses, bool CanEdit, bool CanReview, bool CanReuse);

public sealed class PracticeRequest
{
    public string? Title { get; set; }
    [Description("Il problema affrontato (Markdown semplice).")]
    public string? Problem { get; set; }
    [Description("La soluzione adottata (Markdown semplice).")]
    public string? Solution { get; set; }
    [Description("I risultati ottenuti (Markdown semplice).")]
    public string? Results { get; set; }
    public string? Costs { get; set; }
    public string? Contacts { get; set; }
    [Description("Tema: digitale, ambiente, mobilita, sociale, urbanistica, trasparenza, tributi.")]
    public string? Theme { get; set; }
    [Description("La zona omogenea (codice), facoltativa.")]
    public string? ZoneCode { get; set; }
    [Description("Le azioni del Piano collegate (identificativi).")]
    public List<long>? ActionIds { get; set; }
}

public sealed class PracticeTransition
{
    [Description("submitted (l'autore invia alla redazione), published o returned (la redazione; returned richiede reason).")]
    public string? To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Best practices: written by a Comune's officer for their Comune or by the editors for the Città metropolitana,
/// reviewed by the editors (published or returned with a reason), reused by other Comuni (one mark per Comune).</summary>
public static class PracticeHandlers
{
    public const string NotFound = "Nessuna buona pratica con questo identificativo.";
    public const string MetropolitanCity = "Città metropolitana di Milano";

    /// <summary>The author side: the officers of the practice's Comune, or the editors for the Città metropolitana's.</summary>
    public static bool IsAuthor(ClaimsPrincipal user, Practice p) =>
        p.IstatCode is null ? KnowledgeAccess.IsEditor(user) : KnowledgeAccess.Municipality(user) == p.IstatCode;

    /// <summary>Published: everyone. Draft: only the author side. Submitted or returned: the author side and the editors.</summary>
    public static bool CanSee(ClaimsPrincipal user, Practice p) =>
        p.Status == PracticeStatuses.Published || IsAuthor(user, p) || (p.Status != PracticeStatuses.Draft && KnowledgeAccess.IsEditor(user));

    private static IQueryable<Practice> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        var editor = KnowledgeAccess.IsEditor(user);
        var comune = KnowledgeAccess.Municipality(user);
        return db.Set<Practice>().AsNoTracking().Where(p => p.Status == PracticeStatuses.Published
            || (comune != null && p.IstatCode == comune)
            || (editor && (p.IstatCode == null || p.Status != PracticeStatuses.Draft)));
    }

    public static async Task<Paged<PracticeRow>> PageAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, string? theme, CancellationToken ct)
    {
        var q = Visible(db, user);
        if (!string.IsNullOrWhiteSpace(theme)) q = q.Where(p => p.Theme == theme);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePattern.Containing(query.Q.Trim().ToLowerInvariant());
            q = q.Where(p => EF.Functions.Like(p.Title.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(p.Problem.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(p.Solution.ToLower(), pattern, LikePattern.Escape));
        }
        var total = await q.CountAsync(ct);
        var t = db.Reads<ITerritoryQueries>();
        var reuses = db.Set<PracticeReuse>();
        var rows = await q.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(p => new
            {
                p.Id, p.Title, p.Theme, p.Status, p.PublishedAt, p.IsDemo,
                Zone = t.Zones.Where(z => z.Code == p.ZoneCode).Select(z => z.Name).FirstOrDefault(),
                Comune = t.Comuni.Where(c => c.IstatCode == p.IstatCode).Select(c => c.Name).FirstOrDefault(),
                Reuses = reuses.Count(r => r.PracticeId == p.Id),
            }).ToListAsync(ct);
        return new Paged<PracticeRow>(rows.Select(r => new PracticeRow(r.Id, r.Title, r.Theme, r.Zone, r.Comune ?? MetropolitanCity, r.Status, r.PublishedAt, r.Reuses, r.IsDemo)).ToList(),
            total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<PracticeDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var p = await db.Set<Practice>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !CanSee(user, p)) return null;
        var t = db.Reads<ITerritoryQueries>();
        var plans = db.Reads<IPlanQueries>();
        var zone = p.ZoneCode is null ? null : await t.Zones.Where(z => z.Code == p.ZoneCode).Select(z => z.Name).FirstOrDefaultAsync(ct);
        var author = p.IstatCode is null ? MetropolitanCity : await t.Comuni.Where(c => c.IstatCode == p.IstatCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? p.IstatCode;
        var actions = await (from a in db.Set<PracticeAction>().AsNoTracking() join x in plans.Actions on a.ActionId equals x.Id
                             where a.PracticeId == id && plans.Plans.Any(pl => pl.Id == x.PlanId && !pl.IsDraft)
                             orderby x.Code select new PracticeActionView(x.Id, x.Code, x.Title)).ToListAsync(ct);
        var reuses = await (from r in db.Set<PracticeReuse>().AsNoTracking() join c in t.Comuni on r.IstatCode equals c.IstatCode
                            where r.PracticeId == id orderby c.Name select new PracticeReuseView(r.IstatCode, c.Name, r.RecordedAt)).ToListAsync(ct);
        var comune = KnowledgeAccess.Municipality(user);
        var canReuse = p.Status == PracticeStatuses.Published && comune is not null && comune != p.IstatCode && reuses.All(r => r.IstatCode != comune);
        return new PracticeDetail(p.Id, p.Title, p.Problem, p.Solution, p.Results, p.Costs, p.Contacts, p.Theme, p.ZoneCode, zone, p.IstatCode, author, p.Status,
            p.ReturnReason, p.PublishedAt, p.IsDemo, p.Version, actions, reuses,
            IsAuthor(user, p) && p.Status is PracticeStatuses.Draft or PracticeStatuses.Returned,
            KnowledgeAccess.IsEditor(user) && p.Status == PracticeStatuses.Submitted, canReuse);
    }

    private static async Task<Dictionary<string, string[]>> CheckAsync(AppDbContext db, PracticeRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        (r.Title, r.Problem, r.Solution, r.Results, r.Costs, r.Contacts, r.Theme, r.ZoneCode) = (KnowledgeAccess.Blank(r.Title), KnowledgeAccess.Blank(r.Problem),
            KnowledgeAccess.Blank(r.Solution), KnowledgeAccess.Blank(r.Results), KnowledgeAccess.Blank(r.Costs), KnowledgeAccess.Blank(r.Contacts),
            KnowledgeAccess.Blank(r.Theme), KnowledgeAccess.Blank(r.ZoneCode));
        if (r.Title is null) errors["title"] = ["Indica il titolo."];
        else if (r.Title.Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        foreach (var (name, value, label) in new[] { ("problem", r.Problem, "Descrivi il problema."), ("solution", r.Solution, "Descrivi la soluzione."), ("results", r.Results, "Descrivi i risultati.") })
        {
            if (value is null) errors[name] = [label];
            else if (value.Length > 20000) errors[name] = ["Il testo non può superare 20000 caratteri."];
        }
        if (r.Costs is { Length: > 4000 }) errors["costs"] = ["Il testo non può superare 4000 caratteri."];
        if (r.Contacts is { Length: > 4000 }) errors["contacts"] = ["Il testo non può superare 4000 caratteri."];
        if (!KnowledgeThemes.IsKnown(r.Theme)) errors["theme"] = ["Scegli il tema."];
        if (r.ZoneCode is { } z && !await db.Reads<ITerritoryQueries>().Zones.AnyAsync(x => x.Code == z, ct)) errors["zoneCode"] = ["Zona sconosciuta."];
        r.ActionIds = r.ActionIds?.Distinct().ToList();
        if (r.ActionIds is { Count: > 50 }) errors["actionIds"] = ["Collega al più 50 azioni."];
        else if (r.ActionIds is { Count: > 0 } ids)
        {
            var plans = db.Reads<IPlanQueries>();
            var found = await plans.Actions.Where(a => ids.Contains(a.Id) && plans.Plans.Any(p => p.Id == a.PlanId && !p.IsDraft)).CountAsync(ct);
            if (found != ids.Count) errors["actionIds"] = ["Alcune azioni non esistono o appartengono a un piano non pubblicato."];
        }
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, PracticeRequest r, CancellationToken ct)
    {
        var comune = KnowledgeAccess.Municipality(user);
        if (comune is null && !KnowledgeAccess.IsEditor(user)) return (new Outcome.Forbidden(), 0);
        var errors = await CheckAsync(db, r, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Practice
        {
            Title = r.Title!, Problem = r.Problem!, Solution = r.Solution!, Results = r.Results!, Costs = r.Costs, Contacts = r.Contacts, Theme = r.Theme!,
            ZoneCode = r.ZoneCode, IstatCode = comune, CreatedBy = KnowledgeAccess.Actor(user), CreatedAt = now, UpdatedAt = now,
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        foreach (var a in r.ActionIds ?? []) db.Add(new PracticeAction { PracticeId = p.Id, ActionId = a });
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(p.Version), p.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, PracticeRequest r, CancellationToken ct)
    {
        var p = await db.Set<Practice>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !CanSee(user, p)) return new Outcome.NotFound();
        if (!IsAuthor(user, p)) return new Outcome.Forbidden();
        var errors = await CheckAsync(db, r, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (p.Status is not (PracticeStatuses.Draft or PracticeStatuses.Returned)) return new Outcome.Refused("Si modifica solo una bozza o una pratica restituita.");
        (p.Title, p.Problem, p.Solution, p.Results, p.Costs, p.Contacts, p.Theme, p.ZoneCode) = (r.Title!, r.Problem!, r.Solution!, r.Results!, r.Costs, r.Contacts, r.Theme!, r.ZoneCode);
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (r.ActionIds is { } ids)
        {
            db.RemoveRange(await db.Set<PracticeAction>().Where(a => a.PracticeId == id).ToListAsync(ct));
            foreach (var a in ids) db.Add(new PracticeAction { PracticeId = id, ActionId = a });
        }
        return await VersionedSave.SaveAsync(db, p, version, ct);
    }

    /// <summary>submitted by the author side (from draft or returned); published or returned (with a reason) by the editors.</summary>
    public static async Task<Outcome> MoveAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, PracticeTransition t, CancellationToken ct)
    {
        var p = await db.Set<Practice>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !CanSee(user, p)) return new Outcome.NotFound();
        var to = KnowledgeAccess.Blank(t.To);
        var reason = KnowledgeAccess.Blank(t.Reason);
        switch (to)
        {
            case PracticeStatuses.Submitted:
                if (!IsAuthor(user, p)) return new Outcome.Forbidden();
                if (p.Status is not (PracticeStatuses.Draft or PracticeStatuses.Returned)) return new Outcome.Refused("Si invia alla redazione solo una bozza o una pratica restituita.");
                break;
            case PracticeStatuses.Published or PracticeStatuses.Returned:
                if (!KnowledgeAccess.IsEditor(user)) return new Outcome.Forbidden();
                if (to == PracticeStatuses.Returned && reason is null) return new Outcome.Invalid(new() { ["reason"] = ["Spiega perché la pratica è restituita."] });
                if (reason is { Length: > 4000 }) return new Outcome.Invalid(new() { ["reason"] = ["Il testo non può superare 4000 caratteri."] });
                if (p.Status != PracticeStatuses.Submitted) return new Outcome.Refused("La redazione decide solo una pratica inviata.");
                break;
            default:
                return new Outcome.Invalid(new() { ["to"] = ["Stato sconosciuto. Valori ammessi: submitted, published, returned."] });
        }
        p.Status = to;
        p.ReturnReason = to == PracticeStatuses.Returned ? reason : to == PracticeStatuses.Published ? null : p.ReturnReason;
        var now = clock.GetUtcNow().UtcDateTime;
        if (to == PracticeStatuses.Published) p.PublishedAt = now;
        p.UpdatedAt = now;
        return await VersionedSave.SaveAsync(db, p, version, ct);
    }

    /// <summary>Another Comune's officer says their Comune reuses a published practice (once per Comune).</summary>
    public static async Task<Outcome> ReuseAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var p = await db.Set<Practice>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !CanSee(user, p)) return new Outcome.NotFound();
        var comune = KnowledgeAccess.Municipality(user);
        if (comune is null) return new Outcome.Forbidden();
        if (comune == p.IstatCode) return new Outcome.Forbidden();
        if (p.Status != PracticeStatuses.Published) return new Outcome.Refused("Si riusa solo una pratica pubblicata.");
        if (await db.Set<PracticeReuse>().AnyAsync(r => r.PracticeId == id && r.IstatCode == comune, ct)) return new Outcome.Refused("Il tuo Comune ha già dichiarato di riusare questa pratica.");
        db.Add(new PracticeReuse { PracticeId = id, IstatCode = comune, RecordedBy = KnowledgeAccess.Actor(user), RecordedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome.Refused("Il tuo Comune ha già dichiarato di riusare questa pratica.");
        }
        return new Outcome.Done(1);
    }

    /// <summary>The site search: published practices only (a search never reveals a draft).</summary>
    public static async Task<IEnumerable<Metropoli.Platform.Modules.SearchResult>> SearchAsync(AppDbContext db, string query, int limit, CancellationToken ct)
    {
        var pattern = TextSearch.Pattern(query);
        var rows = (await db.Set<Practice>().AsNoTracking().Where(p => p.Status == PracticeStatuses.Published && EF.Functions.Like(p.Title.ToLower(), pattern, LikePattern.Escape))
            .OrderByDescending(p => p.PublishedAt).Take(limit * 4).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Where(p => TextSearch.Matches(p.Title, query)).Take(limit);
        return rows.Select(p => new Metropoli.Platform.Modules.SearchResult("Buona pratica", p.Title, $"/buone-pratiche/{p.Id}"));
    }
}
