using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Notifications;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.StandardActs;

public sealed record StandardActRow(long Id, string Kind, string Title, string Theme, int? LatestVersion, DateOnly? LatestOn, int Adoptions, bool IsDemo);

public sealed record StandardActVersionView(long Id, int Number, DateOnly PublishedOn, string Changes, string FileName, string ContentType, long Size, string Sha256);

public sealed record AdoptionView(long Id, long ActId, string ActTitle, int VersionNumber, string IstatCode, string Comune, string ZoneCode, string Zone,
    string ActNumber, DateOnly AdoptedOn, string Link, bool IsDemo);

public sealed record StandardActDetail(long Id, string Kind, string Title, string Summary, string Theme, long? ObjectiveId, string? ObjectiveCode, string? ObjectiveTitle,
    bool IsDemo, DateTime UpdatedAt, int Version, IReadOnlyList<StandardActVersionView> Versions, IReadOnlyList<AdoptionView> Adoptions);

public sealed class StandardActRequest
{
    [Description("regulation, resolution o template.")]
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    [Description("Tema: digitale, ambiente, mobilita, sociale, urbanistica, trasparenza, tributi.")]
    public string? Theme { get; set; }
    [Description("L'obiettivo del Piano strategico che l'atto serve (facoltativo).")]
    public long? ObjectiveId { get; set; }
}

public sealed record StandardActFilter
{
    [Description("Tipo: regulation, resolution, template.")]
    public string? Kind { get; init; }
    [Description("Tema: digitale, ambiente, mobilita, sociale, urbanistica, trasparenza, tributi.")]
    public string? Theme { get; init; }
}

/// <summary>Standard acts: list, read, write (editors), versions with their files; a new version notifies the officers of
/// the Comuni that adopted an older one. Pages and API share these handlers.</summary>
public static class StandardActHandlers
{
    /// <summary>The file-store area (<c>data/knowledge</c>).</summary>
    public const string Area = "knowledge";
    public const string NewVersionKind = "knowledge-new-version";
    public static readonly string[] Sortable = ["title", "kind", "theme", "latest"];

    public static Dictionary<string, string[]> Validate(ListQuery query, StandardActFilter f)
    {
        var errors = query.Validate(Sortable);
        if (f.Kind is { Length: > 0 } k && !StandardActKinds.IsKnown(k)) errors["kind"] = ["Tipo di atto sconosciuto."];
        if (f.Theme is { Length: > 0 } t && !KnowledgeThemes.IsKnown(t)) errors["theme"] = ["Tema sconosciuto."];
        return errors;
    }

    private static IQueryable<StandardActRow> Query(AppDbContext db, ListQuery query, StandardActFilter f)
    {
        var q = db.Set<StandardAct>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Kind)) q = q.Where(a => a.Kind == f.Kind);
        if (!string.IsNullOrWhiteSpace(f.Theme)) q = q.Where(a => a.Theme == f.Theme);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = LikePattern.Containing(query.Q.Trim().ToLowerInvariant());
            q = q.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(a.Summary.ToLower(), pattern, LikePattern.Escape));
        }
        var versions = db.Set<StandardActVersion>();
        var adoptions = db.Set<Adoption>();
        var rows = q.Select(a => new
        {
            a.Id, a.Kind, a.Title, a.Theme, a.IsDemo,
            Latest = versions.Where(v => v.ActId == a.Id).Max(v => (int?)v.Number),
            LatestOn = versions.Where(v => v.ActId == a.Id).Max(v => (DateOnly?)v.PublishedOn),
            Adoptions = adoptions.Where(x => x.ActId == a.Id).Select(x => x.IstatCode).Distinct().Count(),
        });
        var (key, desc) = query.SortOrDefault("title");
        rows = key switch
        {
            "kind" => desc ? rows.OrderByDescending(r => r.Kind).ThenBy(r => r.Id) : rows.OrderBy(r => r.Kind).ThenBy(r => r.Id),
            "theme" => desc ? rows.OrderByDescending(r => r.Theme).ThenBy(r => r.Id) : rows.OrderBy(r => r.Theme).ThenBy(r => r.Id),
            "latest" => desc ? rows.OrderByDescending(r => r.LatestOn).ThenBy(r => r.Id) : rows.OrderBy(r => r.LatestOn).ThenBy(r => r.Id),
            _ => desc ? rows.OrderByDescending(r => r.Title).ThenBy(r => r.Id) : rows.OrderBy(r => r.Title).ThenBy(r => r.Id),
        };
        return rows.Select(r => new StandardActRow(r.Id, r.Kind, r.Title, r.Theme, r.Latest, r.LatestOn, r.Adoptions, r.IsDemo));
    }

    public static async Task<Paged<StandardActRow>> PageAsync(AppDbContext db, ListQuery query, StandardActFilter f, CancellationToken ct)
    {
        var q = Query(db, query, f);
        var total = await q.CountAsync(ct);
        var items = await q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        return new Paged<StandardActRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static Task<List<StandardActRow>> AllAsync(AppDbContext db, CancellationToken ct) =>
        Query(db, new ListQuery(), new StandardActFilter()).Take(10_000).ToListAsync(ct);

    public static async Task<StandardActDetail?> GetAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var a = await db.Set<StandardAct>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        ObjectiveRef? objective = null;
        if (a.ObjectiveId is { } oid)
        {
            var plans = db.Reads<IPlanQueries>();
            objective = await plans.Objectives.AsNoTracking()
                .Where(o => o.Id == oid && plans.Plans.Any(p => p.Id == o.PlanId && !p.IsDraft)).SingleOrDefaultAsync(ct);
        }
        var versions = await db.Set<StandardActVersion>().AsNoTracking().Where(v => v.ActId == id).OrderByDescending(v => v.Number)
            .Select(v => new StandardActVersionView(v.Id, v.Number, v.PublishedOn, v.Changes, v.FileName, v.ContentType, v.Size, v.Sha256)).ToListAsync(ct);
        var adoptions = await Adoptions.AdoptionHandlers.ViewsAsync(db, db.Set<Adoption>().Where(x => x.ActId == id), ct);
        return new StandardActDetail(a.Id, a.Kind, a.Title, a.Summary, a.Theme, objective?.Id, objective?.Code, objective?.Title, a.IsDemo, a.UpdatedAt, a.Version, versions, adoptions);
    }

    private static async Task<Dictionary<string, string[]>> CheckAsync(AppDbContext db, StandardActRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        r.Kind = KnowledgeAccess.Blank(r.Kind);
        r.Title = KnowledgeAccess.Blank(r.Title);
        r.Summary = KnowledgeAccess.Blank(r.Summary);
        r.Theme = KnowledgeAccess.Blank(r.Theme);
        if (!StandardActKinds.IsKnown(r.Kind)) errors["kind"] = ["Scegli il tipo di atto: regolamento, delibera o modulo."];
        if (r.Title is null) errors["title"] = ["Indica il titolo."];
        else if (r.Title.Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.Summary is { Length: > 4000 }) errors["summary"] = ["La descrizione non può superare 4000 caratteri."];
        if (!KnowledgeThemes.IsKnown(r.Theme)) errors["theme"] = ["Scegli il tema."];
        if (r.ObjectiveId is { } oid)
        {
            var plans = db.Reads<IPlanQueries>();
            if (!await plans.Objectives.AnyAsync(o => o.Id == oid && plans.Plans.Any(p => p.Id == o.PlanId && !p.IsDraft), ct))
                errors["objectiveId"] = ["Nessun obiettivo di un piano pubblicato con questo identificativo."];
        }
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, StandardActRequest r, CancellationToken ct)
    {
        if (!KnowledgeAccess.IsEditor(user)) return (new Outcome.Forbidden(), 0);
        var errors = await CheckAsync(db, r, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var act = new StandardAct { Kind = r.Kind!, Title = r.Title!, Summary = r.Summary ?? "", Theme = r.Theme!, ObjectiveId = r.ObjectiveId, CreatedAt = now, UpdatedAt = now };
        db.Add(act);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(act.Version), act.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, StandardActRequest r, CancellationToken ct)
    {
        var act = await db.Set<StandardAct>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (act is null) return new Outcome.NotFound();
        if (!KnowledgeAccess.IsEditor(user)) return new Outcome.Forbidden();
        var errors = await CheckAsync(db, r, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        (act.Kind, act.Title, act.Summary, act.Theme, act.ObjectiveId) = (r.Kind!, r.Title!, r.Summary ?? "", r.Theme!, r.ObjectiveId);
        act.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, act, version, ct);
    }

    /// <summary>Adds version N+1 with its file; notifies the officers of the Comuni that adopted an older version.</summary>
    public static async Task<(Outcome Outcome, int Number)> AddVersionAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        long actId, string? changes, string? publishedOn, EvidenceUpload? file, CancellationToken ct)
    {
        var act = await db.Set<StandardAct>().SingleOrDefaultAsync(a => a.Id == actId, ct);
        if (act is null) return (new Outcome.NotFound(), 0);
        if (!KnowledgeAccess.IsEditor(user)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        changes = KnowledgeAccess.Blank(changes);
        var today = CivilClock.Today(clock);
        DateOnly date = today;
        if (changes is null) errors["changes"] = ["Descrivi che cosa cambia in questa versione."];
        else if (changes.Length > 4000) errors["changes"] = ["La descrizione delle modifiche non può superare 4000 caratteri."];
        if (KnowledgeAccess.Blank(publishedOn) is { } p)
        {
            if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", out date)) errors["publishedOn"] = ["Indica la data nel formato AAAA-MM-GG."];
            else if (date > today) errors["publishedOn"] = ["La data della versione non può essere futura."];
        }
        if (file is null) errors["file"] = ["Scegli il file da caricare."];
        else if (Evidence.CheckShape(file) is { } shape) errors["file"] = [shape];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var number = (await db.Set<StandardActVersion>().Where(v => v.ActId == actId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var (stored, error) = await Evidence.SaveAsync(files, Area, file!, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new StandardActVersion
        {
            ActId = actId, Number = number, PublishedOn = date, Changes = changes!, FileName = stored.Name, StoredName = stored.StoredName,
            ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256, UploadedBy = KnowledgeAccess.Actor(user), UploadedAt = now,
        });
        act.UpdatedAt = now;
        await NotifyAdoptersAsync(db, act, number, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await files.DeleteAsync(Area, stored.StoredName, CancellationToken.None);
            db.ChangeTracker.Clear();
            return (new Outcome.Refused("Un'altra versione è stata aggiunta nello stesso momento: ricarica la pagina e riprova."), 0);
        }
        return (new Outcome.Done(act.Version), number);
    }

    /// <summary>The officers of the Comuni whose latest adoption of the act is older than <paramref name="number"/>.</summary>
    private static async Task NotifyAdoptersAsync(AppDbContext db, StandardAct act, int number, CancellationToken ct)
    {
        var behind = (await db.Set<Adoption>().AsNoTracking().Where(x => x.ActId == act.Id).GroupBy(x => x.IstatCode)
            .Select(g => new { Istat = g.Key, Latest = g.Max(x => x.VersionNumber) }).ToListAsync(ct))
            .Where(x => x.Latest < number).Select(x => x.Istat).ToHashSet();
        if (behind.Count == 0) return;
        var officers = (await Recipients.MunicipalityOfficersAsync(db, ct)).Where(u => behind.Contains(u.MunicipalityIstat!)).ToList();
        var items = officers.Select(u => (u, new NotificationText(NewVersionKind, "Nuova versione dell'atto tipo «{title}»",
                "È disponibile la versione {number} dell'atto tipo «{title}», che il tuo Comune ha adottato in una versione precedente.")
            .Text("title", act.Title).Number("number", number), (string?)$"/atti-tipo/{act.Id}", $"{NewVersionKind}:{act.Id}:{number}")).ToList();
        await Notifier.NotifyManyAsync(db, items, ct);
    }

    public static async Task<StandardActVersion?> FindVersionAsync(AppDbContext db, long id, CancellationToken ct) =>
        await db.Set<StandardActVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);

    /// <summary>The site search: acts whose title or description contains the words (accents and case ignored, TextSearch).</summary>
    public static async Task<IEnumerable<Metropoli.Platform.Modules.SearchResult>> SearchAsync(AppDbContext db, string query, int limit, CancellationToken ct)
    {
        var pattern = TextSearch.Pattern(query);
        var rows = (await db.Set<StandardAct>().AsNoTracking()
            .Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, LikePattern.Escape) || EF.Functions.Like(a.Summary.ToLower(), pattern, LikePattern.Escape))
            .OrderBy(a => a.Title).Take(limit * 4).Select(a => new { a.Id, a.Title, a.Summary, a.Kind }).ToListAsync(ct))
            .Where(a => TextSearch.Matches(a.Title, query) || TextSearch.Matches(a.Summary, query)).Take(limit);
        return rows.Select(a => new Metropoli.Platform.Modules.SearchResult("Atto tipo", a.Title, $"/atti-tipo/{a.Id}", StandardActKinds.Label(a.Kind)));
    }
}
