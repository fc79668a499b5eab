using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Services.Catalogue;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Recruitment;

public sealed record NeedInput
{
    [Display(Name = "Servizio")] public string? Service { get; init; }
    [Display(Name = "Profilo professionale")] public string? Profile { get; init; }
    [Display(Name = "Area")] public string? Area { get; init; }
    [Display(Name = "Posti")] public int? Posts { get; init; }
    [Display(Name = "Entro il")] public DateOnly? NeededBy { get; init; }
    [Display(Name = "Note")] public string? Notes { get; init; }
}

public sealed record NeedRow(long Id, string Service, string IstatCode, string Comune, string Profile, string Area, int Posts, DateOnly NeededBy,
    string? Notes, long? CompetitionId, DateTime CreatedAt);

public sealed record CompetitionInput
{
    [Display(Name = "Servizio")] public string? Service { get; init; }
    [Display(Name = "Fabbisogni")] public long[]? Needs { get; init; }
    [Display(Name = "Titolo")] public string? Title { get; init; }
    [Display(Name = "Profilo professionale")] public string? Profile { get; init; }
    [Display(Name = "Area")] public string? Area { get; init; }
    [Display(Name = "Codice del bando su inPA")] public string? NoticeReference { get; init; }
    [Display(Name = "Indirizzo del bando su inPA")] public string? NoticeUrl { get; init; }
    [Display(Name = "Data di pubblicazione")] public DateOnly? PublishedOn { get; init; }
    [Display(Name = "Scadenza delle domande")] public DateOnly? ApplicationsCloseOn { get; init; }
    [Display(Name = "Stato")] public string? Status { get; init; }
}

public sealed record CompetitionPostView(string IstatCode, string Comune, int Posts, int Hired);

public sealed record RankingListSummary(long Id, string ActNumber, DateOnly ApprovedOn, DateOnly ValidUntil, bool Valid, int Entries, int Drawn, int? NextRank);

public sealed record CompetitionRow(long Id, string Service, string Title, string Profile, string Area, string? NoticeReference, string? NoticeUrl,
    DateOnly? PublishedOn, DateOnly? ApplicationsCloseOn, string Status, int Posts, IReadOnlyList<CompetitionPostView> Municipalities,
    RankingListSummary? RankingList, int Version);

public sealed record CompetitionFilter
{
    public string? Municipality { get; init; }
    public string? Zone { get; init; }
    public string? Profile { get; init; }
    public string? Status { get; init; }
}

public sealed record RankingListInput
{
    [Display(Name = "Concorso")] public long? CompetitionId { get; init; }
    [Display(Name = "Numero dell'atto di approvazione")] public string? ActNumber { get; init; }
    [Display(Name = "Data di approvazione")] public DateOnly? ApprovedOn { get; init; }
    [Display(Name = "Valida fino al")] public DateOnly? ValidUntil { get; init; }
    /// <summary>The pseudonymous candidate codes in rank order (the first is rank 1).</summary>
    [Display(Name = "Codici dei candidati in ordine di graduatoria")] public string[]? Candidates { get; init; }
}

public sealed record RankingListFilter
{
    public string? Profile { get; init; }
    public string? Area { get; init; }
    /// <summary>Only the lists still valid today.</summary>
    public bool? Valid { get; init; }
}

public sealed record RankingListRow(long Id, long CompetitionId, string Competition, string Profile, string Area, string ActNumber, DateOnly ApprovedOn,
    DateOnly ValidUntil, bool Valid, int Entries, int Drawn, int? NextRank);

public sealed record RankingEntryView(int Rank, string? CandidateCode, string Status, string? IstatCode, string? Comune);

public sealed record DrawView(int Sequence, int Rank, string IstatCode, string Comune, string Kind, string? Reason, string? CandidateCode, DateTime At);

public sealed record RankingListDetail(long Id, long CompetitionId, string Competition, string Service, string Profile, string Area, string ActNumber,
    DateOnly ApprovedOn, DateOnly ValidUntil, bool Valid, int Entries, int Drawn, int? NextRank, IReadOnlyList<CompetitionPostView> Municipalities,
    IReadOnlyList<RankingEntryView> Ranks, IReadOnlyList<DrawView> Draws, string HowToJoin);

public sealed record DrawInput
{
    [Display(Name = "Comune")] public string? Municipality { get; init; }
    /// <summary>The rank to draw; the next one in order when empty.</summary>
    [Display(Name = "Posizione")] public int? Rank { get; init; }
    [Display(Name = "Motivo delle posizioni saltate")] public string? SkipReason { get; init; }
}

public sealed record DrawResult(long RankingListId, int Sequence, int Rank, string CandidateCode, string Kind, string IstatCode);

/// <summary>The joint recruitment office (Ufficio Unico Concorsi, docs/adr/0042): staffing needs of the Comuni, joint
/// competitions, approved ranking lists with pseudonymous candidates, and the draws from them in rank order.</summary>
public static class RecruitmentHandlers
{
    public const string CompetitionNotFound = "Nessun concorso con questo identificativo.";
    public const string ListNotFound = "Nessuna graduatoria con questo identificativo.";

    // ---------- staffing needs ----------

    public static IQueryable<StaffingNeed> VisibleNeeds(AppDbContext db, ClaimsPrincipal user)
    {
        var q = db.Set<StaffingNeed>().AsNoTracking();
        if (ServiceAccess.IsAdmin(user)) return q;
        var sector = ServiceAccess.Sector(user);
        var istat = ServiceAccess.Municipality(user);
        if (sector is null && istat is null) return q.Where(n => false);
        return q.Where(n => (istat != null && n.IstatCode == istat)
            || (sector != null && db.Set<SharedService>().Any(s => s.Id == n.ServiceId && s.OfficeSector == sector)));
    }

    public static async Task<(Outcome, long)> CreateNeedAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, NeedInput r, CancellationToken ct)
    {
        var istat = ServiceAccess.Municipality(user);
        if (istat is null) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        var service = await RecruitmentServiceAsync(db, r.Service, ct);
        if (service is null) errors["service"] = ["Scegli un servizio di reclutamento del catalogo (l'Ufficio unico concorsi)."];
        ValidateProfile(r.Profile, r.Area, errors);
        if (r.Posts is not { } posts || posts < 1 || posts > 500) errors["posts"] = ["Indica i posti richiesti, da 1 a 500."];
        var today = CivilClock.Today(clock);
        if (r.NeededBy is not { } by) errors["neededBy"] = ["Indica entro quando servono le assunzioni."];
        else if (by < today || by > today.AddYears(5)) errors["neededBy"] = ["La data va da oggi a cinque anni."];
        if (r.Notes is { Length: > 2000 }) errors["notes"] = ["Le note non possono superare 2000 caratteri."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var agreement = await CatalogueHandlers.AdhesionAsync(db, clock, service!.Id, istat, ct);
        if (agreement is null) return (new Outcome.Refused(NoConvention(service)), 0);
        var need = new StaffingNeed
        {
            ServiceId = service.Id, IstatCode = istat, AgreementId = agreement.Value, Profile = r.Profile!.Trim(), Area = r.Area!, Posts = r.Posts!.Value,
            NeededBy = r.NeededBy!.Value, Notes = string.IsNullOrWhiteSpace(r.Notes) ? null : r.Notes.Trim(), CreatedBy = ServiceAccess.Email(user),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(need);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(0), need.Id);
    }

    private static string NoConvention(SharedService service) =>
        $"Il Comune non ha aderito al servizio «{service.Name}»: nessuna convenzione di adesione è in vigore. Come aderire: {service.HowToJoin}";

    private static async Task<SharedService?> RecruitmentServiceAsync(AppDbContext db, string? slug, CancellationToken ct)
    {
        var q = db.Set<SharedService>().AsNoTracking().Where(s => s.Kind == ServiceKinds.Recruitment && s.Active);
        if (!string.IsNullOrWhiteSpace(slug)) return await q.SingleOrDefaultAsync(s => s.Slug == slug, ct);
        var all = await q.OrderBy(s => s.SortOrder).Take(2).ToListAsync(ct);
        return all.Count == 1 ? all[0] : null;
    }

    private static void ValidateProfile(string? profile, string? area, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(profile)) errors["profile"] = ["Indica il profilo professionale."];
        else if (profile.Trim().Length > 200) errors["profile"] = ["Il profilo non può superare 200 caratteri."];
        if (!StaffAreas.All.Contains(area ?? "")) errors["area"] = [$"Area sconosciuta. Valori ammessi: {string.Join(", ", StaffAreas.All)}."];
    }

    public static async Task<Paged<NeedRow>> ListNeedsAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, bool? open, CancellationToken ct)
    {
        var q = VisibleNeeds(db, user);
        if (open == true) q = q.Where(n => n.CompetitionId == null);
        if (query.Q is { Length: > 0 } text) q = q.Where(n => n.Profile.Contains(text));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(n => n.Id).Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Join(db.Set<SharedService>(), n => n.ServiceId, s => s.Id, (n, s) => new { n, s.Slug })
            .Join(db.Reads<ITerritoryQueries>().Comuni, x => x.n.IstatCode, c => c.IstatCode, (x, c) => new NeedRow(x.n.Id, x.Slug, x.n.IstatCode, c.Name,
                x.n.Profile, x.n.Area, x.n.Posts, x.n.NeededBy, x.n.Notes, x.n.CompetitionId, x.n.CreatedAt))
            .ToListAsync(ct);
        return new Paged<NeedRow>(rows.OrderByDescending(r => r.Id).ToList(), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    // ---------- competitions ----------

    /// <summary>The office aggregates open needs (same area) into one competition; the posts per Comune are their sum.</summary>
    public static async Task<(Outcome, long)> CreateCompetitionAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CompetitionInput r, CancellationToken ct)
    {
        if (!ServiceAccess.WorksForOffices(user)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        var service = await RecruitmentServiceAsync(db, r.Service, ct);
        if (service is null) errors["service"] = ["Scegli un servizio di reclutamento del catalogo (l'Ufficio unico concorsi)."];
        else if (!ServiceAccess.IsOffice(user, service.OfficeSector)) return (new Outcome.Forbidden(), 0);
        var ids = (r.Needs ?? []).Distinct().ToList();
        List<StaffingNeed> needs = [];
        if (ids.Count == 0) errors["needs"] = ["Scegli i fabbisogni dei Comuni che il concorso soddisfa."];
        else if (ids.Count > 500) errors["needs"] = ["Al più 500 fabbisogni."];
        else if (service is not null)
        {
            needs = await db.Set<StaffingNeed>().Where(n => ids.Contains(n.Id) && n.ServiceId == service.Id).ToListAsync(ct);
            if (needs.Count != ids.Count) errors["needs"] = ["Scegli fabbisogni esistenti inviati a questo servizio."];
            else if (needs.Any(n => n.CompetitionId is not null)) errors["needs"] = ["Un fabbisogno è già servito da un altro concorso."];
            else if (needs.Select(n => n.Area).Distinct().Count() > 1) errors["needs"] = ["Un concorso unico riguarda fabbisogni della stessa area."];
        }
        var area = string.IsNullOrWhiteSpace(r.Area) ? needs.FirstOrDefault()?.Area : r.Area;
        var profile = string.IsNullOrWhiteSpace(r.Profile) ? needs.FirstOrDefault()?.Profile : r.Profile;
        ValidateProfile(profile, area, errors);
        if (needs.Count > 0 && area is not null && needs.Any(n => n.Area != area)) errors.TryAdd("area", ["L'area del concorso è quella dei fabbisogni."]);
        ValidateCompetition(r, CompetitionStatuses.Planned, clock, errors);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Competition { ServiceId = service!.Id, Profile = profile!.Trim(), Area = area!, CreatedAt = now };
        Apply(c, r, now);
        c.Status = r.Status ?? CompetitionStatuses.Planned;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        foreach (var n in needs) n.CompetitionId = c.Id;
        foreach (var g in needs.GroupBy(n => n.IstatCode)) db.Add(new CompetitionPost { CompetitionId = c.Id, IstatCode = g.Key, Posts = g.Sum(n => n.Posts) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(c.Version), c.Id);
    }

    private static void ValidateCompetition(CompetitionInput r, string current, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(r.Title)) errors["title"] = ["Indica il titolo del concorso."];
        else if (r.Title.Trim().Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        var status = r.Status ?? current;
        if (!CompetitionStatuses.All.Contains(status)) errors["status"] = [$"Stato sconosciuto. Valori ammessi: {string.Join(", ", CompetitionStatuses.All)}."];
        else if (status == CompetitionStatuses.ListApproved && current != CompetitionStatuses.ListApproved)
            errors["status"] = ["La graduatoria si approva registrandola: lo stato cambia da sé."];
        if (r.NoticeReference is { Length: > 64 }) errors["noticeReference"] = ["Al più 64 caratteri."];
        if (!string.IsNullOrWhiteSpace(r.NoticeUrl) && (!Uri.TryCreate(r.NoticeUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme != "https" || r.NoticeUrl.Length > 500))
            errors["noticeUrl"] = ["Indica l'indirizzo https del bando sul portale inPA."];
        if (status is CompetitionStatuses.Published or CompetitionStatuses.Exams)
        {
            if (string.IsNullOrWhiteSpace(r.NoticeReference)) errors.TryAdd("noticeReference", ["Un concorso bandito ha il codice del bando su inPA."]);
            if (r.PublishedOn is null) errors.TryAdd("publishedOn", ["Un concorso bandito ha la data di pubblicazione."]);
        }
        if (r.PublishedOn is { } p && p > CivilClock.Today(clock)) errors.TryAdd("publishedOn", ["La data di pubblicazione non può essere futura."]);
        if (r.ApplicationsCloseOn is { } close)
        {
            if (r.PublishedOn is not { } published) errors.TryAdd("applicationsCloseOn", ["La scadenza delle domande segue la pubblicazione: indica prima la data di pubblicazione."]);
            else if (published.DayNumber > DateOnly.MaxValue.DayNumber - 15 || close < published.AddDays(15)) errors.TryAdd("applicationsCloseOn", ["Le domande scadono almeno 15 giorni dopo la pubblicazione."]);
        }
    }

    private static void Apply(Competition c, CompetitionInput r, DateTime now)
    {
        c.Title = r.Title!.Trim();
        if (!string.IsNullOrWhiteSpace(r.Profile)) c.Profile = r.Profile.Trim();
        c.NoticeReference = string.IsNullOrWhiteSpace(r.NoticeReference) ? null : r.NoticeReference.Trim();
        c.NoticeUrl = string.IsNullOrWhiteSpace(r.NoticeUrl) ? null : r.NoticeUrl.Trim();
        c.PublishedOn = r.PublishedOn;
        c.ApplicationsCloseOn = r.ApplicationsCloseOn;
        c.UpdatedAt = now;
    }

    public static async Task<Outcome> UpdateCompetitionAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, CompetitionInput r, CancellationToken ct)
    {
        var c = await db.Set<Competition>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return new Outcome.NotFound();
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        if (!ServiceAccess.IsOffice(user, service.OfficeSector)) return new Outcome.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(r.Profile)) ValidateProfile(r.Profile, c.Area, errors);
        if (!string.IsNullOrWhiteSpace(r.Area) && r.Area != c.Area) errors["area"] = ["L'area di un concorso non cambia: è quella dei fabbisogni."];
        ValidateCompetition(r, c.Status, clock, errors);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        var to = r.Status ?? c.Status;
        if (to != c.Status)
        {
            if (c.Status is CompetitionStatuses.Cancelled or CompetitionStatuses.ListApproved)
                return new Outcome.Refused($"Il concorso è «{CompetitionStatuses.Label(c.Status)}»: lo stato non cambia più.");
            if (to != CompetitionStatuses.Cancelled && CompetitionStatuses.Order(to) < CompetitionStatuses.Order(c.Status))
                return new Outcome.Refused("Le fasi del concorso vanno avanti: non si torna a una fase precedente.");
        }
        if (db.CheckVersion(c, version) is { } conflict) return conflict;
        Apply(c, r, clock.GetUtcNow().UtcDateTime);
        c.Status = to;
        return await VersionedSave.SaveAsync(db, c, ct);
    }

    public static async Task<CompetitionRow?> GetCompetitionAsync(AppDbContext db, TimeProvider clock, long id, CancellationToken ct) =>
        (await CompetitionRowsAsync(db, clock, db.Set<Competition>().AsNoTracking().Where(c => c.Id == id), ct)).SingleOrDefault();

    public static readonly string[] CompetitionSortable = ["createdAt", "title"];

    public static Dictionary<string, string[]> Validate(ListQuery query, CompetitionFilter filter)
    {
        var errors = query.Validate(CompetitionSortable);
        if (filter.Municipality is { Length: > 6 }) errors["municipality"] = ["Codice ISTAT non valido."];
        if (filter.Zone is { Length: > 64 }) errors["zone"] = ["Codice di zona non valido."];
        if (filter.Profile is { Length: > 200 }) errors["profile"] = ["Profilo troppo lungo."];
        if (filter.Status is { Length: > 0 } s && !CompetitionStatuses.All.Contains(s)) errors["status"] = [$"Stato sconosciuto. Valori ammessi: {string.Join(", ", CompetitionStatuses.All)}."];
        return errors;
    }

    public static async Task<Paged<CompetitionRow>> ListCompetitionsAsync(AppDbContext db, TimeProvider clock, ListQuery query, CompetitionFilter filter, CancellationToken ct, bool all = false)
    {
        var q = db.Set<Competition>().AsNoTracking();
        // A Comune's competitions: those with posts for it, and those whose list it drew on; found from the Comune's side
        // (the indexes on the Comune of posts and draws), never by probing every competition.
        if (filter.Municipality is { Length: > 0 } istat)
        {
            var posted = db.Set<CompetitionPost>().Where(p => p.IstatCode == istat).Select(p => p.CompetitionId);
            var drew = from d in db.Set<RankingDraw>() where d.IstatCode == istat join l in db.Set<RankingList>() on d.RankingListId equals l.Id select l.CompetitionId;
            q = q.Where(c => posted.Contains(c.Id) || drew.Contains(c.Id));
        }
        if (filter.Zone is { Length: > 0 } zone)
        {
            var comuni = db.Reads<ITerritoryQueries>().Comuni.Where(x => x.ZoneCode == zone).Select(x => x.IstatCode);
            var posted = db.Set<CompetitionPost>().Where(p => comuni.Contains(p.IstatCode)).Select(p => p.CompetitionId);
            var drew = from d in db.Set<RankingDraw>() where comuni.Contains(d.IstatCode) join l in db.Set<RankingList>() on d.RankingListId equals l.Id select l.CompetitionId;
            q = q.Where(c => posted.Contains(c.Id) || drew.Contains(c.Id));
        }
        if (filter.Profile is { Length: > 0 } profile) q = q.Where(c => c.Profile.Contains(profile));
        if (filter.Status is { Length: > 0 } status) q = q.Where(c => c.Status == status);
        if (query.Q is { Length: > 0 } text) q = q.Where(c => c.Title.Contains(text) || c.Profile.Contains(text));
        var total = await q.CountAsync(ct);
        var (key, desc) = query.SortOrDefault("-createdAt");
        q = key == "title" ? (desc ? q.OrderByDescending(c => c.Title) : q.OrderBy(c => c.Title))
            : (query.Sort is null or "" || desc ? q.OrderByDescending(c => c.Id) : q.OrderBy(c => c.Id));
        if (!all) q = q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit);
        var rows = await CompetitionRowsAsync(db, clock, q, ct);
        return new Paged<CompetitionRow>(rows, total, all ? total : query.EffectiveLimit, all ? 0 : query.EffectiveOffset);
    }

    /// <summary>The read model of the public lists: competitions, lists and draws, and the names of the Comuni.</summary>
    public static readonly ReadModels DependsOn = ServicesModule.ReadModel | ReadModels.Of(TerritoryContract.Module);

    /// <summary><see cref="ListCompetitionsAsync"/> from the <see cref="ReadCache"/> for the first pages: public
    /// aggregate data, the same for every reader; keyed by the query, the filter and the day (a list's validity).</summary>
    public static Task<Paged<CompetitionRow>> CachedCompetitionsAsync(ReadCache cache, AppDbContext db, TimeProvider clock, ListQuery query, CompetitionFilter filter, CancellationToken ct) =>
        query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("competition-list", "public", new { query, filter, today = CivilClock.Today(clock) }), DependsOn,
                (d, t) => ListCompetitionsAsync(d, clock, query, filter, t), ct)
            : ListCompetitionsAsync(db, clock, query, filter, ct);

    /// <summary><see cref="ListListsAsync"/> from the <see cref="ReadCache"/> for the first pages (see above).</summary>
    public static Task<Paged<RankingListRow>> CachedListsAsync(ReadCache cache, AppDbContext db, TimeProvider clock, ListQuery query, RankingListFilter filter, CancellationToken ct) =>
        query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("ranking-list-list", "public", new { query, filter, today = CivilClock.Today(clock) }), DependsOn,
                (d, t) => ListListsAsync(d, clock, query, filter, t), ct)
            : ListListsAsync(db, clock, query, filter, ct);

    /// <summary>A list's figures computed by the database: the ranks drawn (not skipped) and the first free rank, the
    /// lowest rank r with no draw at r while r - 1 is 1 or drawn (the unique index on list and rank answers both).</summary>
    private sealed class ListFigures
    {
        public long Id { get; init; }
        public long CompetitionId { get; init; }
        public string ActNumber { get; init; } = "";
        public DateOnly ApprovedOn { get; init; }
        public DateOnly ValidUntil { get; init; }
        public int EntryCount { get; init; }
        public int Drawn { get; init; }
        public int? FirstFree { get; init; }

        public int? NextRank => FirstFree is { } r && r <= EntryCount ? r : null;
    }

    private static IQueryable<ListFigures> Figures(AppDbContext db, IQueryable<RankingList> lists)
    {
        var draws = db.Set<RankingDraw>();
        return lists.Select(l => new ListFigures
        {
            Id = l.Id, CompetitionId = l.CompetitionId, ActNumber = l.ActNumber, ApprovedOn = l.ApprovedOn, ValidUntil = l.ValidUntil, EntryCount = l.EntryCount,
            Drawn = draws.Count(d => d.RankingListId == l.Id && d.Kind != DrawKinds.Skip),
            FirstFree = !draws.Any(d => d.RankingListId == l.Id && d.Rank == 1) ? 1
                : draws.Where(d => d.RankingListId == l.Id && !draws.Any(e => e.RankingListId == l.Id && e.Rank == d.Rank + 1)).Min(d => (int?)(d.Rank + 1)),
        });
    }

    /// <summary>The rows of a page: the competitions, then for those only their posts (with the Comuni's names), their
    /// lists' figures and the hires per Comune, each counted in the database (GROUP BY), and the services' addresses.</summary>
    private static async Task<List<CompetitionRow>> CompetitionRowsAsync(AppDbContext db, TimeProvider clock, IQueryable<Competition> q, CancellationToken ct)
    {
        var list = await q.Select(c => new { c.Id, c.ServiceId, c.Title, c.Profile, c.Area, c.NoticeReference, c.NoticeUrl, c.PublishedOn, c.ApplicationsCloseOn, c.Status, c.Version })
            .ToListAsync(ct);
        if (list.Count == 0) return [];
        var ids = list.Select(c => c.Id).ToList();
        var serviceIds = list.Select(c => c.ServiceId).Distinct().ToList();
        var services = await db.Set<SharedService>().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Slug }).ToDictionaryAsync(s => s.Id, s => s.Slug, ct);
        var posts = (await db.Set<CompetitionPost>().Where(p => ids.Contains(p.CompetitionId))
            .Join(db.Reads<ITerritoryQueries>().Comuni, p => p.IstatCode, c => c.IstatCode, (p, c) => new { p.CompetitionId, p.IstatCode, c.Name, p.Posts })
            .ToListAsync(ct)).ToLookup(p => p.CompetitionId);
        var lists = (await Figures(db, db.Set<RankingList>().Where(l => ids.Contains(l.CompetitionId))).ToListAsync(ct)).ToDictionary(l => l.CompetitionId);
        var listIds = lists.Values.Select(l => l.Id).ToList();
        var hires = await db.Set<RankingDraw>().Where(d => listIds.Contains(d.RankingListId) && d.Kind != DrawKinds.Skip)
            .GroupBy(d => new { d.RankingListId, d.IstatCode }).Select(g => new { g.Key.RankingListId, g.Key.IstatCode, Count = g.Count() })
            .ToDictionaryAsync(g => (g.RankingListId, g.IstatCode), g => g.Count, ct);
        var today = CivilClock.Today(clock);
        return list.Select(c =>
        {
            var l = lists.GetValueOrDefault(c.Id);
            var summary = l is null ? null : new RankingListSummary(l.Id, l.ActNumber, l.ApprovedOn, l.ValidUntil, today <= l.ValidUntil, l.EntryCount, l.Drawn, l.NextRank);
            var views = posts[c.Id].OrderBy(p => p.Name)
                .Select(p => new CompetitionPostView(p.IstatCode, p.Name, p.Posts, l is null ? 0 : hires.GetValueOrDefault((l.Id, p.IstatCode)))).ToList();
            return new CompetitionRow(c.Id, services.GetValueOrDefault(c.ServiceId, ""), c.Title, c.Profile, c.Area, c.NoticeReference, c.NoticeUrl,
                c.PublishedOn, c.ApplicationsCloseOn, c.Status, views.Sum(v => v.Posts), views, summary, c.Version);
        }).ToList();
    }

    /// <summary>The lowest rank not yet drawn or passed over, or null when the list is used up.</summary>
    public static int? NextRank(int entries, IEnumerable<int> taken)
    {
        var set = taken.ToHashSet();
        for (var r = 1; r <= entries; r++)
        {
            if (!set.Contains(r)) return r;
        }
        return null;
    }

    // ---------- ranking lists ----------

    public static async Task<(Outcome, long)> ApproveListAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, RankingListInput r, CancellationToken ct)
    {
        if (!ServiceAccess.WorksForOffices(user)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        var c = r.CompetitionId is { } cid ? await db.Set<Competition>().SingleOrDefaultAsync(x => x.Id == cid, ct) : null;
        if (c is null) errors["competitionId"] = ["Indica il concorso di cui si approva la graduatoria."];
        else
        {
            var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
            if (!ServiceAccess.IsOffice(user, service.OfficeSector)) return (new Outcome.Forbidden(), 0);
        }
        if (string.IsNullOrWhiteSpace(r.ActNumber)) errors["actNumber"] = ["Indica il numero dell'atto che approva la graduatoria."];
        else if (r.ActNumber.Trim().Length > 64) errors["actNumber"] = ["Al più 64 caratteri."];
        var today = CivilClock.Today(clock);
        if (r.ApprovedOn is not { } approved) errors["approvedOn"] = ["Indica la data di approvazione."];
        else if (approved > today) errors["approvedOn"] = ["La data di approvazione non può essere futura."];
        else if (c?.ApplicationsCloseOn is { } close && approved < close) errors["approvedOn"] = ["La graduatoria si approva dopo la scadenza delle domande."];
        if (r.ValidUntil is not { } until) errors["validUntil"] = ["Indica fino a quando la graduatoria è valida."];
        else if (r.ApprovedOn is { } a && (until <= a || a.Year > 9000 || until > a.AddYears(3))) errors["validUntil"] = ["La validità va dal giorno dopo l'approvazione a tre anni."];
        var codes = (r.Candidates ?? []).Select(x => x?.Trim() ?? "").ToList();
        if (codes.Count == 0) errors["candidates"] = ["Indica i codici dei candidati idonei in ordine di graduatoria."];
        else if (codes.Count > 5000) errors["candidates"] = ["Al più 5000 posizioni."];
        else if (codes.FirstOrDefault(x => !CandidateCode.IsValid(x)) is { } bad)
            errors["candidates"] = [$"«{(bad.Length > 40 ? bad[..40] : bad)}» non è un codice pseudonimo: da 4 a 32 lettere maiuscole, cifre o trattini, senza nomi né codici fiscali."];
        else if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count) errors["candidates"] = ["Un codice compare due volte."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        if (c!.Status == CompetitionStatuses.Cancelled) return (new Outcome.Refused("Il concorso è annullato: non ha graduatoria."), 0);
        if (await db.Set<RankingList>().AnyAsync(l => l.CompetitionId == c.Id, ct)) return (new Outcome.Refused("La graduatoria di questo concorso è già approvata."), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var list = new RankingList { CompetitionId = c.Id, ActNumber = r.ActNumber!.Trim(), ApprovedOn = r.ApprovedOn!.Value, ValidUntil = r.ValidUntil!.Value, EntryCount = codes.Count, CreatedAt = now };
        db.Add(list);
        if (!await db.TrySaveAsync(ct)) return (new Outcome.Refused("La graduatoria di questo concorso è già approvata."), 0);
        for (var i = 0; i < codes.Count; i++) db.Add(new RankingEntry { RankingListId = list.Id, Rank = i + 1, CandidateCode = codes[i] });
        c.Status = CompetitionStatuses.ListApproved;
        c.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(0), list.Id);
    }

    public static Dictionary<string, string[]> Validate(ListQuery query, RankingListFilter filter)
    {
        var errors = query.Validate([]);
        if (filter.Profile is { Length: > 200 }) errors["profile"] = ["Profilo troppo lungo."];
        if (filter.Area is { Length: > 0 } a && !StaffAreas.All.Contains(a)) errors["area"] = [$"Area sconosciuta. Valori ammessi: {string.Join(", ", StaffAreas.All)}."];
        return errors;
    }

    /// <summary>«Which valid lists exist for this profile»: public, aggregate data only.</summary>
    public static async Task<Paged<RankingListRow>> ListListsAsync(AppDbContext db, TimeProvider clock, ListQuery query, RankingListFilter filter, CancellationToken ct, bool all = false)
    {
        var today = CivilClock.Today(clock);
        var q = db.Set<RankingList>().AsNoTracking().Join(db.Set<Competition>(), l => l.CompetitionId, c => c.Id, (l, c) => new { l, c });
        if (filter.Profile is { Length: > 0 } profile) q = q.Where(x => x.c.Profile.Contains(profile));
        if (filter.Area is { Length: > 0 } area) q = q.Where(x => x.c.Area == area);
        if (filter.Valid == true) q = q.Where(x => x.l.ValidUntil >= today);
        if (query.Q is { Length: > 0 } text) q = q.Where(x => x.c.Title.Contains(text) || x.c.Profile.Contains(text));
        var total = await q.CountAsync(ct);
        q = q.OrderByDescending(x => x.l.ValidUntil).ThenByDescending(x => x.l.Id);
        if (!all) q = q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit);
        var page = await q.Select(x => new { x.l.Id, x.c.Title, x.c.Profile, x.c.Area }).ToListAsync(ct);
        var ids = page.Select(x => x.Id).ToList();
        var figures = await Figures(db, db.Set<RankingList>().Where(l => ids.Contains(l.Id))).ToDictionaryAsync(l => l.Id, ct);
        var rows = page.Select(x =>
        {
            var l = figures[x.Id];
            return new RankingListRow(l.Id, l.CompetitionId, x.Title, x.Profile, x.Area, l.ActNumber, l.ApprovedOn, l.ValidUntil, today <= l.ValidUntil,
                l.EntryCount, l.Drawn, l.NextRank);
        }).ToList();
        return new Paged<RankingListRow>(rows, total, all ? total : query.EffectiveLimit, all ? 0 : query.EffectiveOffset);
    }

    /// <summary>A ranking list with its ranks and draws. Candidate codes are shown to the office and, for the ranks it drew,
    /// to the Comune; everyone else sees ranks, outcomes and Comuni only.</summary>
    public static async Task<RankingListDetail?> GetListAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var l = await db.Set<RankingList>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (l is null) return null;
        var c = await db.Set<Competition>().AsNoTracking().SingleAsync(x => x.Id == l.CompetitionId, ct);
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var office = ServiceAccess.IsOffice(user, service.OfficeSector);
        var istat = ServiceAccess.Municipality(user);
        var comuni = db.Reads<ITerritoryQueries>().Comuni;
        var draws = await db.Set<RankingDraw>().AsNoTracking().Where(d => d.RankingListId == id)
            .Join(comuni, d => d.IstatCode, x => x.IstatCode, (d, x) => new { d, x.Name }).ToListAsync(ct);
        var entries = await db.Set<RankingEntry>().AsNoTracking().Where(e => e.RankingListId == id).OrderBy(e => e.Rank).ToListAsync(ct);
        var byRank = draws.ToDictionary(x => x.d.Rank);
        string? Code(int rank, string? drawnBy) => office || (istat is not null && drawnBy == istat && byRank[rank].d.Kind != DrawKinds.Skip)
            ? entries[rank - 1].CandidateCode : null;
        var ranks = entries.Select(e => byRank.TryGetValue(e.Rank, out var d)
            ? new RankingEntryView(e.Rank, Code(e.Rank, d.d.IstatCode), d.d.Kind, d.d.IstatCode, d.Name)
            : new RankingEntryView(e.Rank, office ? e.CandidateCode : null, "available", null, null)).ToList();
        var log = draws.OrderBy(x => x.d.Sequence).Select(x => new DrawView(x.d.Sequence, x.d.Rank, x.d.IstatCode, x.Name, x.d.Kind, x.d.Reason,
            Code(x.d.Rank, x.d.IstatCode), x.d.At)).ToList();
        var today = CivilClock.Today(clock);
        var competition = (await GetCompetitionAsync(db, clock, c.Id, ct))!;
        return new RankingListDetail(l.Id, c.Id, c.Title, service.Slug, c.Profile, c.Area, l.ActNumber, l.ApprovedOn, l.ValidUntil, today <= l.ValidUntil,
            l.EntryCount, draws.Count(x => x.d.Kind != DrawKinds.Skip), NextRank(l.EntryCount, draws.Select(x => x.d.Rank)), competition.Municipalities,
            ranks, log, service.HowToJoin);
    }

    // ---------- draws ----------

    /// <summary>A Comune draws the next candidate (or a later rank, giving the reason for those passed over). A Comune of
    /// the competition hires up to its posts; beyond them, and for any other Comune, it is a use of the list, which needs
    /// the convention in force with the office. Concurrent draws meet on the unique (list, rank) and (list, sequence)
    /// indexes; the loser reads the list again and takes the next rank.</summary>
    public static async Task<(Outcome, DrawResult?)> DrawAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long listId, DrawInput r, CancellationToken ct)
    {
        var l = await db.Set<RankingList>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == listId, ct);
        if (l is null) return (new Outcome.NotFound(), null);
        var c = await db.Set<Competition>().AsNoTracking().SingleAsync(x => x.Id == l.CompetitionId, ct);
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var office = ServiceAccess.IsOffice(user, service.OfficeSector);
        var own = ServiceAccess.Municipality(user);
        string istat;
        if (own is not null && !office)
        {
            if (!string.IsNullOrWhiteSpace(r.Municipality) && r.Municipality.Trim() != own) return (new Outcome.Forbidden(), null);
            istat = own;
        }
        else if (office) istat = r.Municipality?.Trim() ?? "";
        else return (new Outcome.Forbidden(), null);
        var errors = new Dictionary<string, string[]>();
        if (istat.Length is 0 or > 6 || !await db.Reads<ITerritoryQueries>().Comuni.AnyAsync(x => x.IstatCode == istat, ct))
            errors["municipality"] = ["Indica il Comune che assume, con il suo codice ISTAT."];
        if (r.Rank is { } wanted && (wanted < 1 || wanted > l.EntryCount)) errors["rank"] = [$"La graduatoria ha le posizioni da 1 a {l.EntryCount}."];
        if (r.SkipReason is { Length: > 1000 }) errors["skipReason"] = ["Il motivo non può superare 1000 caratteri."];
        var today = CivilClock.Today(clock);
        if (today > l.ValidUntil) errors["rankingList"] = [$"La graduatoria è scaduta il {l.ValidUntil:dd/MM/yyyy}: non se ne può più attingere."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), null);
        var posts = await db.Set<CompetitionPost>().Where(p => p.CompetitionId == c.Id && p.IstatCode == istat).Select(p => (int?)p.Posts).SingleOrDefaultAsync(ct) ?? 0;
        var agreement = await CatalogueHandlers.AdhesionAsync(db, clock, service.Id, istat, ct);
        if (agreement is null)
        {
            return (new Outcome.Invalid(new()
            {
                ["municipality"] = [$"Il Comune non ha una convenzione in vigore con l'Ufficio unico concorsi («{service.Name}»): non può attingere alla graduatoria. Come aderire: {service.HowToJoin}"],
            }), null);
        }
        var by = ServiceAccess.Email(user);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var taken = await db.Set<RankingDraw>().AsNoTracking().Where(d => d.RankingListId == listId).Select(d => new { d.Rank, d.Sequence, d.IstatCode, d.Kind }).ToListAsync(ct);
            var next = NextRank(l.EntryCount, taken.Select(t => t.Rank));
            if (next is null) return (new Outcome.Refused("La graduatoria è esaurita: tutte le posizioni sono state utilizzate."), null);
            var target = r.Rank ?? next.Value;
            if (taken.Any(t => t.Rank == target)) return (new Outcome.Refused($"La posizione {target} è già stata utilizzata."), null);
            var skipped = Enumerable.Range(next.Value, target - next.Value).Where(x => taken.All(t => t.Rank != x)).ToList();
            if (skipped.Count > 0 && string.IsNullOrWhiteSpace(r.SkipReason))
            {
                return (new Outcome.Invalid(new()
                {
                    ["skipReason"] = [$"Si attinge in ordine: la prossima posizione è la {next}. Per saltare le posizioni {string.Join(", ", skipped)} indica il motivo (rinuncia, mancata risposta…)."],
                }), null);
            }
            var hired = taken.Count(t => t.IstatCode == istat && t.Kind == DrawKinds.Hire);
            var kind = hired < posts ? DrawKinds.Hire : DrawKinds.Use;
            var seq = taken.Count == 0 ? 1 : taken.Max(t => t.Sequence) + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var s in skipped)
            {
                db.Add(new RankingDraw { RankingListId = listId, Sequence = seq++, Rank = s, IstatCode = istat, Kind = DrawKinds.Skip, Reason = r.SkipReason!.Trim(), By = by, At = now });
            }
            var draw = new RankingDraw { RankingListId = listId, Sequence = seq, Rank = target, IstatCode = istat, Kind = kind, AgreementId = agreement, By = by, At = now };
            db.Add(draw);
            if (await db.TrySaveAsync(ct))
            {
                var code = await db.Set<RankingEntry>().Where(e => e.RankingListId == listId && e.Rank == target).Select(e => e.CandidateCode).SingleAsync(ct);
                return (new Outcome.Done(0), new DrawResult(listId, draw.Sequence, target, code, kind, istat));
            }
            if (r.Rank is not null && attempt > 0) return (new Outcome.Refused($"La posizione {target} è appena stata utilizzata da un altro Comune."), null);
        }
        return (new Outcome.Refused("Troppe richieste contemporanee sulla graduatoria: riprova."), null);
    }
}

/// <summary>Pseudonymous candidate codes: what the office gives each candidate (e.g. the application number on inPA), never
/// a name or a fiscal code.</summary>
public static class CandidateCode
{
    public static bool IsValid(string code) =>
        code.Length is >= 4 and <= 32 && code.All(ch => ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-')
        && !Metropoli.Platform.Identifiers.IdentifierCheck.ValidateCodiceFiscale(code).Ok;
}
