using System.ComponentModel;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Actions;

public sealed record ActionRow(long Id, long PlanId, string PlanName, long AreaId, string AreaCode, string AreaTitle,
    long ObjectiveId, string ObjectiveCode, string ObjectiveTitle, string Code, string Title, string OwnerSector,
    string Status, int Progress, DateOnly? StartDate, DateOnly? EndDate, decimal? Budget, string? DupProgramme);

public sealed record ActionFilter
{
    [Description("Identificativo del piano.")]
    public long? Plan { get; init; }
    [Description("Identificativo dell'area.")]
    public long? Area { get; init; }
    [Description("Identificativo dell'obiettivo.")]
    public long? Objective { get; init; }
    [Description("Stato dell'azione: not-started, on-track, at-risk, late, completed, suspended.")]
    public string? Status { get; init; }
    [Description("Codice del settore responsabile (per esempio ambiente).")]
    public string? Sector { get; init; }
    [Description("Codice della zona: azioni che la riguardano direttamente o tramite uno dei suoi Comuni.")]
    public string? Zone { get; init; }
    [Description("Codice ISTAT del Comune: azioni che lo riguardano direttamente o tramite la sua zona.")]
    public string? Municipality { get; init; }
    [Description("Codice di un pilastro o di una missione PNRR (vedi /api/v1/plan-tags).")]
    public string? Tag { get; init; }
}

/// <summary>The actions of the plans the user may see: filters, search by code or title, sort, page.
/// "Concerning a Comune" includes the actions that concern its zone as a whole, and "concerning a
/// zone" those that concern any of its Comuni: a zone-wide action reaches every Comune in it.</summary>
public static class ListActions
{
    /// <summary>"tree" is the plan's own order: area, objective, action.</summary>
    public static readonly string[] Sortable = ["tree", "code", "title", "status", "progress", "startDate", "endDate", "budget", "sector"];

    public static Dictionary<string, string[]> Validate(ListQuery query, ActionFilter filter)
    {
        var errors = query.Validate(Sortable);
        if (filter.Status is { Length: > 0 } s && !ActionStatuses.IsKnown(s))
            errors["status"] = ["Stato sconosciuto. Valori ammessi: not-started, on-track, at-risk, late, completed, suspended."];
        if (filter.Municipality is { Length: > 0 } m && (m.Length != 6 || !m.All(char.IsAsciiDigit)))
            errors["municipality"] = ["Il codice ISTAT del Comune è di 6 cifre, per esempio 015182."];
        return errors;
    }

    /// <summary><see cref="HandleAsync"/> from the <see cref="ReadCache"/> (dropped by any change to the plan or the
    /// territory), keyed by whether the user sees drafts, the filter and the query (as JSON: no two make one key),
    /// for the pages a visitor pages through (<see cref="ListQuery.IsEarlyPage"/>: at most 2,000 entries of a few KB).
    /// The action list's count and page were two queries per request over a thousand actions (bench, step 6).</summary>
    public static Task<Paged<ActionRow>> CachedAsync(ReadCache cache, AppDbContext db, ClaimsPrincipal user, ListQuery query, ActionFilter filter, CancellationToken ct) =>
        query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("action-list", PlanAccess.CanSeeDrafts(user) ? "drafts" : "published", new { query, filter }),
                StrategicPlanModule.ReadModelWithTerritory, (d, t) => HandleAsync(d, user, query, filter, t), ct)
            : HandleAsync(db, user, query, filter, ct);

    public static async Task<Paged<ActionRow>> HandleAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, ActionFilter filter, CancellationToken ct)
    {
        var rows = from a in db.Set<PlanAction>().AsNoTracking()
                   join p in db.Set<Plan>().Visible(user) on a.PlanId equals p.Id
                   join o in db.Set<PlanObjective>() on a.ObjectiveId equals o.Id
                   join ar in db.Set<PlanArea>() on o.AreaId equals ar.Id
                   select new { a, p, o, ar };
        if (filter.Plan is { } plan) rows = rows.Where(r => r.a.PlanId == plan);
        if (filter.Area is { } area) rows = rows.Where(r => r.o.AreaId == area);
        if (filter.Objective is { } objective) rows = rows.Where(r => r.a.ObjectiveId == objective);
        if (!string.IsNullOrWhiteSpace(filter.Status)) rows = rows.Where(r => r.a.Status == filter.Status);
        if (ActionRules.NormalizeSector(filter.Sector) is { } sector) rows = rows.Where(r => r.a.OwnerSector == sector);
        if (!string.IsNullOrWhiteSpace(filter.Zone))
        {
            var zone = filter.Zone.Trim();
            rows = rows.Where(r => db.Set<PlanActionZone>().Any(z => z.ActionId == r.a.Id && z.ZoneCode == zone)
                || db.Set<PlanActionMunicipality>().Any(m => m.ActionId == r.a.Id
                    && db.Reads<ITerritoryQueries>().Comuni.Any(c => c.IstatCode == m.IstatCode && c.ZoneCode == zone)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Municipality))
        {
            var istat = filter.Municipality.Trim();
            var zoneOf = await db.Reads<ITerritoryQueries>().Comuni.Where(m => m.IstatCode == istat).Select(m => m.ZoneCode).SingleOrDefaultAsync(ct) ?? "";
            rows = rows.Where(r => db.Set<PlanActionMunicipality>().Any(m => m.ActionId == r.a.Id && m.IstatCode == istat)
                || db.Set<PlanActionZone>().Any(z => z.ActionId == r.a.Id && z.ZoneCode == zoneOf));
        }
        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim().ToLowerInvariant();
            rows = rows.Where(r => db.Set<PlanActionTag>().Any(t => t.ActionId == r.a.Id && t.TagCode == tag));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            rows = rows.Where(r => r.a.Title.ToLower().Contains(q) || r.a.Code.ToLower() == q);
        }
        var (key, desc) = query.SortOrDefault("tree");
        rows = key switch
        {
            "code" => desc ? rows.OrderByDescending(r => r.a.Code).ThenBy(r => r.a.Id) : rows.OrderBy(r => r.a.Code).ThenBy(r => r.a.Id),
            "title" => desc ? rows.OrderByDescending(r => r.a.Title).ThenBy(r => r.a.Id) : rows.OrderBy(r => r.a.Title).ThenBy(r => r.a.Id),
            "status" => desc ? rows.OrderByDescending(r => r.a.Status).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.Status).ThenBy(r => r.a.Code),
            "progress" => desc ? rows.OrderByDescending(r => r.a.Progress).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.Progress).ThenBy(r => r.a.Code),
            "startDate" => desc ? rows.OrderByDescending(r => r.a.StartDate).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.StartDate).ThenBy(r => r.a.Code),
            "endDate" => desc ? rows.OrderByDescending(r => r.a.EndDate).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.EndDate).ThenBy(r => r.a.Code),
            "budget" => desc ? rows.OrderByDescending(r => r.a.Budget).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.Budget).ThenBy(r => r.a.Code),
            "sector" => desc ? rows.OrderByDescending(r => r.a.OwnerSector).ThenBy(r => r.a.Code) : rows.OrderBy(r => r.a.OwnerSector).ThenBy(r => r.a.Code),
            _ => desc
                ? rows.OrderByDescending(r => r.p.StartYear).ThenByDescending(r => r.ar.SortOrder).ThenByDescending(r => r.ar.Code)
                    .ThenByDescending(r => r.o.SortOrder).ThenByDescending(r => r.o.Code).ThenByDescending(r => r.a.SortOrder).ThenByDescending(r => r.a.Code)
                : rows.OrderByDescending(r => r.p.StartYear).ThenBy(r => r.p.Id).ThenBy(r => r.ar.SortOrder).ThenBy(r => r.ar.Code)
                    .ThenBy(r => r.o.SortOrder).ThenBy(r => r.o.Code).ThenBy(r => r.a.SortOrder).ThenBy(r => r.a.Code),
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(r => new ActionRow(r.a.Id, r.a.PlanId, r.p.Name, r.ar.Id, r.ar.Code, r.ar.Title, r.o.Id, r.o.Code, r.o.Title,
                r.a.Code, r.a.Title, r.a.OwnerSector, r.a.Status, r.a.Progress, r.a.StartDate, r.a.EndDate, r.a.Budget, r.a.DupProgrammeCode))
            .ToListAsync(ct);
        return new Paged<ActionRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    /// <summary>The sectors that own actions in a plan, for a filter's choices.</summary>
    public static Task<List<string>> SectorsAsync(AppDbContext db, long planId, CancellationToken ct) =>
        db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.OwnerSector).Distinct().OrderBy(s => s).ToListAsync(ct);
}
