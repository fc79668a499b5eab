using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Register;

public sealed record AgreementRow(long Id, string? Number, string Title, string Type, string Status, string Visibility,
    DateOnly? SignatureDate, DateOnly? EffectiveDate, DateOnly? ExpiryDate, decimal? Value, IReadOnlyList<string> Parties, IReadOnlyList<string> Themes);

public sealed record AgreementFilter
{
    [Description("Tipo: framework-agreement, framework-convention, programme-agreement, collaboration-agreement, convention, protocol, pact, avvalimento, territorial-investment.")]
    public string? Type { get; init; }
    [Description("Stato: proposal, under-review, approved, signed, in-force, concluded, expired, withdrawn (chi non vede le bozze vede solo in-force, concluded, expired).")]
    public string? Status { get; init; }
    [Description("Codice del tema.")]
    public string? Theme { get; init; }
    [Description("Identificativo dell'organizzazione che è parte dell'intesa.")]
    public long? Party { get; init; }
    [Description("Codice della zona omogenea: intese che la riguardano o che riguardano i suoi Comuni.")]
    public string? Zone { get; init; }
    [Description("Codice ISTAT del Comune: intese di cui è parte o che lo riguardano, direttamente o tramite la sua zona.")]
    public string? Municipality { get; init; }
    [Description("Sottoscritte dal (AAAA-MM-GG).")]
    public DateOnly? SignedFrom { get; init; }
    [Description("Sottoscritte fino al (AAAA-MM-GG).")]
    public DateOnly? SignedTo { get; init; }
    [Description("In scadenza entro il (AAAA-MM-GG).")]
    public DateOnly? ExpiresBefore { get; init; }
    [Description("Collegate a questo obiettivo del piano.")]
    public long? Objective { get; init; }
    [Description("Collegate a questa azione del piano.")]
    public long? Action { get; init; }
}

/// <summary>The register: the agreements the user may see (the public sees only public agreements in
/// force or ended), filtered, searched, sorted and paged; the same query feeds the page, the API and the downloads.</summary>
public static class ListAgreements
{
    public static readonly string[] Sortable = ["title", "number", "type", "status", "signatureDate", "effectiveDate", "expiryDate", "value"];

    public static Dictionary<string, string[]> Validate(ListQuery query, AgreementFilter f)
    {
        var errors = query.Validate(Sortable);
        if (f.Type is { Length: > 0 } t && !AgreementTypes.IsKnown(t)) errors["type"] = ["Tipo di intesa sconosciuto."];
        if (f.Status is { Length: > 0 } s && !AgreementStatuses.IsKnown(s)) errors["status"] = ["Stato sconosciuto."];
        if (f.Theme is { Length: > 64 }) errors["theme"] = ["Tema sconosciuto."];
        if (f.Zone is { Length: > 64 }) errors["zone"] = ["Zona sconosciuta."];
        if (f.Municipality is { Length: > 6 }) errors["municipality"] = ["Il codice ISTAT ha 6 cifre."];
        if (f.SignedFrom is { } from && f.SignedTo is { } to && to < from) errors["signedTo"] = ["L'intervallo di date non è valido."];
        return errors;
    }

    public static IQueryable<Agreement> Query(AppDbContext db, ClaimsPrincipal user, ListQuery query, AgreementFilter f)
    {
        var q = db.Set<Agreement>().AsNoTracking().Visible(db, user);
        if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(a => a.Type == f.Type);
        if (!string.IsNullOrWhiteSpace(f.Status)) q = q.Where(a => a.Status == f.Status);
        // Link filters as uncorrelated id lists (IN, through the link table's index), not as a subquery run for
        // every agreement: the metro benchmark's action page and register.
        if (!string.IsNullOrWhiteSpace(f.Theme))
        {
            var withTheme = db.Set<AgreementThemeLink>().Where(x => x.ThemeCode == f.Theme).Select(x => x.AgreementId);
            q = q.Where(a => withTheme.Contains(a.Id));
        }
        if (f.Party is { } party)
        {
            var withParty = db.Set<AgreementParty>().Where(p => p.OrganisationId == party).Select(p => p.AgreementId);
            q = q.Where(a => withParty.Contains(a.Id));
        }
        if (!string.IsNullOrWhiteSpace(f.Municipality)) q = q.Where(Concerning(db, f.Municipality.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Zone))
        {
            var zone = f.Zone.Trim();
            q = q.Where(a => db.Set<AgreementZone>().Any(z => z.AgreementId == a.Id && z.ZoneCode == zone)
                || db.Set<AgreementMunicipality>().Any(m => m.AgreementId == a.Id && db.Reads<ITerritoryQueries>().Comuni.Any(x => x.IstatCode == m.IstatCode && x.ZoneCode == zone))
                || db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id && db.Reads<ITerritoryQueries>().Organisations.Any(o => o.Id == p.OrganisationId
                    && db.Reads<ITerritoryQueries>().Comuni.Any(x => x.IstatCode == o.MunicipalityIstat && x.ZoneCode == zone))));
        }
        if (f.SignedFrom is { } from) q = q.Where(a => a.SignatureDate >= from);
        if (f.SignedTo is { } to) q = q.Where(a => a.SignatureDate <= to);
        if (f.ExpiresBefore is { } before) q = q.Where(a => a.ExpiryDate != null && a.ExpiryDate <= before);
        if (f.Objective is { } objective)
        {
            var withObjective = db.Set<AgreementObjective>().Where(x => x.ObjectiveId == objective).Select(x => x.AgreementId);
            q = q.Where(a => withObjective.Contains(a.Id));
        }
        if (f.Action is { } action)
        {
            var withAction = db.Set<AgreementAction>().Where(x => x.ActionId == action).Select(x => x.AgreementId);
            q = q.Where(a => withAction.Contains(a.Id));
        }
        if (!string.IsNullOrWhiteSpace(query.Q)) q = q.Where(Matching(db, query.Q));
        var (key, desc) = string.IsNullOrEmpty(query.Sort) ? ("signatureDate", true) : query.SortOrDefault("title");
        return key switch
        {
            "number" => desc ? q.OrderByDescending(a => a.Number).ThenBy(a => a.Id) : q.OrderBy(a => a.Number).ThenBy(a => a.Id),
            "type" => desc ? q.OrderByDescending(a => a.Type).ThenBy(a => a.Title) : q.OrderBy(a => a.Type).ThenBy(a => a.Title),
            "status" => desc ? q.OrderByDescending(a => a.Status).ThenBy(a => a.Title) : q.OrderBy(a => a.Status).ThenBy(a => a.Title),
            "signatureDate" => desc ? q.OrderByDescending(a => a.SignatureDate).ThenBy(a => a.Title) : q.OrderBy(a => a.SignatureDate).ThenBy(a => a.Title),
            "effectiveDate" => desc ? q.OrderByDescending(a => a.EffectiveDate).ThenBy(a => a.Title) : q.OrderBy(a => a.EffectiveDate).ThenBy(a => a.Title),
            "expiryDate" => desc ? q.OrderByDescending(a => a.ExpiryDate).ThenBy(a => a.Title) : q.OrderBy(a => a.ExpiryDate).ThenBy(a => a.Title),
            "value" => desc ? q.OrderByDescending(a => a.Value).ThenBy(a => a.Title) : q.OrderBy(a => a.Value).ThenBy(a => a.Title),
            _ => desc ? q.OrderByDescending(a => a.Title).ThenBy(a => a.Id) : q.OrderBy(a => a.Title).ThenBy(a => a.Id),
        };
    }

    /// <summary>The agreements whose title, number or subject contains the text, or with a party whose name does,
    /// in any letter case; <c>%</c> and <c>_</c> are the characters they are.</summary>
    /// <remarks>One uncorrelated list of ids, each part through an index (SchemaExtras, built by the baseline migration; ADR 0022): on SQLite the
    /// FTS5 trigram table (a phrase of three or more characters; shorter texts are read with LIKE), on PostgreSQL
    /// the pg_trgm index on the lower-cased columns; the parties through the matching organisations (a few of
    /// 5,000) and the OrganisationId index. Reading every title and subject, twice per page (count and rows),
    /// was most of the register's time at metro scale.</remarks>
    public static System.Linq.Expressions.Expression<Func<Agreement, bool>> Matching(AppDbContext db, string q)
    {
        var text = q.Trim().ToLowerInvariant();
        var pattern = LikePattern.Containing(text);
        var matchingOrganisations = db.Reads<ITerritoryQueries>().Organisations.Where(o => o.Name.ToLower().Contains(text)).Select(o => o.Id);
        var withParty = db.Set<AgreementParty>().Where(p => matchingOrganisations.Contains(p.OrganisationId)).Select(p => p.AgreementId);
        IQueryable<long> withText;
        if (db.Database.IsSqlite())
        {
            // A trigram phrase is a substring match; FTS5 folds case (Unicode) itself. Under three characters
            // there is no trigram to look up: SQLite's LIKE (ASCII case) over the columns.
            withText = text.Length >= 3
                ? db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM agreement_search WHERE agreement_search MATCH {"\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""}")
                : db.Set<Agreement>().Where(a => EF.Functions.Like(a.Title, pattern, LikePattern.Escape) || EF.Functions.Like(a.Number, pattern, LikePattern.Escape)
                    || EF.Functions.Like(a.Subject, pattern, LikePattern.Escape)).Select(a => a.Id);
        }
        else
        {
            // The same three expressions as the GIN index, so that the planner can use it.
            withText = db.Set<Agreement>().Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, LikePattern.Escape)
                || EF.Functions.Like(a.Number!.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(a.Subject!.ToLower(), pattern, LikePattern.Escape)).Select(a => a.Id);
        }
        var ids = withText.Union(withParty);
        return a => ids.Contains(a.Id);
    }

    /// <summary>The agreements that concern a Comune: it is a party, it is listed, or its zone is listed.</summary>
    /// <remarks>Written as one uncorrelated list of ids, each part found through its index (Comune, party's
    /// Comune, zone), not as subqueries run for every agreement: the metro benchmark's Comune page.</remarks>
    public static System.Linq.Expressions.Expression<Func<Agreement, bool>> Concerning(AppDbContext db, string istat)
    {
        var ids = db.Set<AgreementMunicipality>().Where(m => m.IstatCode == istat).Select(m => m.AgreementId)
            .Union(from p in db.Set<AgreementParty>()
                   join o in db.Reads<ITerritoryQueries>().Organisations on p.OrganisationId equals o.Id
                   where o.MunicipalityIstat == istat
                   select p.AgreementId)
            .Union(from z in db.Set<AgreementZone>()
                   join x in db.Reads<ITerritoryQueries>().Comuni on z.ZoneCode equals x.ZoneCode
                   where x.IstatCode == istat
                   select z.AgreementId);
        return a => ids.Contains(a.Id);
    }

    /// <summary>How many ids of a register query, in order, the <see cref="ReadCache"/> keeps: the early pages
    /// (<see cref="ListQuery.IsEarlyPage"/>); pages beyond them are read from the database each time.</summary>
    public const int CachedIds = 1_000;

    /// <summary>The first <see cref="CachedIds"/> ids a register query finds, in its order, and how many it finds.</summary>
    private sealed record OrderedIds(int Total, long[] First);

    /// <summary>One page of the register. With <paramref name="cache"/> (the register page and its API) the order
    /// of the first <see cref="CachedIds"/> matches and their count come from the <see cref="ReadCache"/>, keyed by
    /// the viewer's class, the filter, the text and the sort, and dropped by any change to agreements or to the
    /// organisations they name; the page's rows are then read by id, through the visibility filter again.
    /// A common word matches thousands of agreements, and counting and sorting them took most of the
    /// register's time at metro scale (ADR 0022).</summary>
    public static async Task<Paged<AgreementRow>> HandleAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, AgreementFilter f, CancellationToken ct,
        ReadCache? cache = null)
    {
        var (offset, limit) = (query.EffectiveOffset, query.EffectiveLimit);
        if (cache is not null && query.IsEarlyPage)
        {
            var key = ReadCache.ListKey("agreement-ids", AgreementAccess.ViewerClass(user), new { query.Sort, query.Q, f });
            var ordered = await cache.GetAsync(key, AgreementsModule.ReadModelWithTerritory, async (d, t) =>
            {
                var matching = Query(d, user, query, f);
                var first = await matching.Select(a => a.Id).Take(CachedIds).ToArrayAsync(t);
                return new OrderedIds(first.Length < CachedIds ? first.Length : await matching.CountAsync(t), first);
            }, ct);
            var ids = ordered.First.Skip(offset).Take(limit).ToList();
            var found = (await db.Set<Agreement>().AsNoTracking().Visible(db, user).Where(a => ids.Contains(a.Id)).ToListAsync(ct)).ToDictionary(a => a.Id);
            var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
            return new Paged<AgreementRow>(await RowsAsync(db, rows, ct), ordered.Total, limit, offset);
        }
        var q = Query(db, user, query, f);
        var total = await q.CountAsync(ct);
        var page = await q.Skip(offset).Take(limit).ToListAsync(ct);
        return new Paged<AgreementRow>(await RowsAsync(db, page, ct), total, limit, offset);
    }

    /// <summary>Every matching agreement, for the downloads (at most 10,000).</summary>
    public static async Task<List<AgreementRow>> AllAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, AgreementFilter f, CancellationToken ct) =>
        await RowsAsync(db, await Query(db, user, query, f).Take(10_000).ToListAsync(ct), ct);

    private static async Task<List<AgreementRow>> RowsAsync(AppDbContext db, List<Agreement> page, CancellationToken ct)
    {
        var ids = page.Select(a => a.Id).ToList();
        // The name by a lookup per party (the primary key), not a join: PostgreSQL hashed all 5,000 organisations
        // for a page's 80 parties (4 ms of the register's page at metro scale).
        var parties = await db.Set<AgreementParty>().AsNoTracking().Where(p => ids.Contains(p.AgreementId))
            .Select(p => new { p.AgreementId, Name = db.Reads<ITerritoryQueries>().Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First() }).ToListAsync(ct);
        var themes = await db.Set<AgreementThemeLink>().AsNoTracking().Where(t => ids.Contains(t.AgreementId))
            .Join(db.Set<AgreementTheme>(), x => x.ThemeCode, t => t.Code, (x, t) => new { x.AgreementId, t.Name, t.SortOrder }).ToListAsync(ct);
        return page.Select(a => new AgreementRow(a.Id, a.Number, a.Title, a.Type, a.Status, a.Visibility, a.SignatureDate, a.EffectiveDate, a.ExpiryDate, a.Value,
            parties.Where(p => p.AgreementId == a.Id).Select(p => p.Name).Order(StringComparer.Create(CultureInfo.GetCultureInfo("it-IT"), false)).ToList(),
            themes.Where(t => t.AgreementId == a.Id).OrderBy(t => t.SortOrder).Select(t => t.Name).ToList())).ToList();
    }
}
