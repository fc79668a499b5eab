using System.ComponentModel;
using System.Security.Claims;
using Metropoli.Knowledge.Model;
using Metropoli.Knowledge.StandardActs;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge.Adoptions;

public sealed class AdoptionRequest
{
    public long? StandardActId { get; set; }
    [Description("Il numero della versione adottata.")]
    public int? VersionNumber { get; set; }
    [Description("Il Comune che adotta (codice ISTAT): solo il proprio; se omesso, quello del referente.")]
    public string? IstatCode { get; set; }
    [Description("Il numero dell'atto del Comune (delibera, determinazione).")]
    public string? ActNumber { get; set; }
    [Description("La data dell'atto del Comune (AAAA-MM-GG).")]
    public string? AdoptedOn { get; set; }
    [Description("L'indirizzo della pubblicazione dell'atto sul sito del Comune (http o https).")]
    public string? Link { get; set; }
}

public sealed record AdoptionFilter
{
    [Description("Solo le adozioni di questo atto tipo.")]
    public long? StandardActId { get; init; }
    [Description("Solo i Comuni di questa zona (codice).")]
    public string? Zone { get; init; }
    [Description("Solo questo Comune (codice ISTAT).")]
    public string? IstatCode { get; init; }
}

/// <summary>A Comune on the adoption map and table: how many standard acts it adopted (of the chosen act: 0 or 1).</summary>
public sealed record ComuneAdoption(string IstatCode, string Name, string ZoneCode, string Zone, int Acts);

/// <summary>Adoptions: recorded by a municipality officer for their own Comune (403 for any other), listed by Comune and
/// zone (names, not codes), on a map of the Comuni.</summary>
public static class AdoptionHandlers
{
    public const string Duplicate = "Il Comune ha già registrato l'adozione di questa versione.";

    public static async Task<IReadOnlyList<AdoptionView>> ViewsAsync(AppDbContext db, IQueryable<Adoption> adoptions, CancellationToken ct)
    {
        var t = db.Reads<ITerritoryQueries>();
        return await (from x in adoptions.AsNoTracking()
                      join a in db.Set<StandardAct>() on x.ActId equals a.Id
                      join c in t.Comuni on x.IstatCode equals c.IstatCode
                      join z in t.Zones on c.ZoneCode equals z.Code
                      orderby z.SortOrder, c.Name, a.Title, x.VersionNumber
                      select new AdoptionView(x.Id, x.ActId, a.Title, x.VersionNumber, x.IstatCode, c.Name, c.ZoneCode, z.Name, x.ActNumber, x.AdoptedOn, x.Link, x.IsDemo))
            .ToListAsync(ct);
    }

    public static Dictionary<string, string[]> Validate(ListQuery query, AdoptionFilter f)
    {
        var errors = query.Validate([]);
        if (f.Zone is { Length: > 64 }) errors["zone"] = ["Zona sconosciuta."];
        if (f.IstatCode is { } i && (i.Length != 6 || !i.All(char.IsAsciiDigit))) errors["istatCode"] = ["Il codice ISTAT ha 6 cifre."];
        return errors;
    }

    private static IQueryable<Adoption> Filtered(AppDbContext db, AdoptionFilter f)
    {
        var q = db.Set<Adoption>().AsQueryable();
        if (f.StandardActId is { } id) q = q.Where(x => x.ActId == id);
        if (!string.IsNullOrWhiteSpace(f.IstatCode)) q = q.Where(x => x.IstatCode == f.IstatCode);
        if (!string.IsNullOrWhiteSpace(f.Zone))
        {
            var comuni = db.Reads<ITerritoryQueries>().Comuni.Where(c => c.ZoneCode == f.Zone).Select(c => c.IstatCode);
            q = q.Where(x => comuni.Contains(x.IstatCode));
        }
        return q;
    }

    public static async Task<Paged<AdoptionView>> PageAsync(AppDbContext db, ListQuery query, AdoptionFilter f, CancellationToken ct)
    {
        var all = await ViewsAsync(db, Filtered(db, f), ct);
        return new Paged<AdoptionView>(all.Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToList(), all.Count, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static Task<IReadOnlyList<AdoptionView>> AllAsync(AppDbContext db, AdoptionFilter f, CancellationToken ct) => ViewsAsync(db, Filtered(db, f), ct);

    /// <summary>Every Comune with how many standard acts (of <paramref name="actId"/> when given) it adopted: the map and its table.</summary>
    public static async Task<IReadOnlyList<ComuneAdoption>> ByComuneAsync(AppDbContext db, long? actId, CancellationToken ct)
    {
        var t = db.Reads<ITerritoryQueries>();
        var counts = (await db.Set<Adoption>().AsNoTracking().Where(x => actId == null || x.ActId == actId)
            .Select(x => new { x.IstatCode, x.ActId }).Distinct().ToListAsync(ct)).GroupBy(x => x.IstatCode).ToDictionary(g => g.Key, g => g.Count());
        var comuni = await (from c in t.Comuni.AsNoTracking() join z in t.Zones on c.ZoneCode equals z.Code
                            orderby z.SortOrder, c.Name select new { c.IstatCode, c.Name, c.ZoneCode, Zone = z.Name }).ToListAsync(ct);
        return comuni.Select(c => new ComuneAdoption(c.IstatCode, c.Name, c.ZoneCode, c.Zone, counts.GetValueOrDefault(c.IstatCode))).ToList();
    }

    public static async Task<(Outcome Outcome, long Id)> RecordAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, AdoptionRequest r, CancellationToken ct)
    {
        var own = KnowledgeAccess.Municipality(user);
        if (own is null) return (new Outcome.Forbidden(), 0);
        var istat = KnowledgeAccess.Blank(r.IstatCode) ?? own;
        if (istat != own) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        StandardActVersion? version = null;
        if (r.StandardActId is not { } actId) errors["standardActId"] = ["Indica l'atto tipo adottato."];
        else if (!await db.Set<StandardAct>().AnyAsync(a => a.Id == actId, ct)) errors["standardActId"] = [KnowledgeAccess.ActNotFound];
        else if (r.VersionNumber is not { } n) errors["versionNumber"] = ["Indica la versione adottata."];
        else if ((version = await db.Set<StandardActVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ActId == actId && v.Number == n, ct)) is null)
            errors["versionNumber"] = ["L'atto tipo non ha questa versione."];
        var number = KnowledgeAccess.Blank(r.ActNumber);
        if (number is null) errors["actNumber"] = ["Indica il numero dell'atto del Comune."];
        else if (number.Length > 100) errors["actNumber"] = ["Il numero dell'atto non può superare 100 caratteri."];
        var today = CivilClock.Today(clock);
        DateOnly date = default;
        if (KnowledgeAccess.Blank(r.AdoptedOn) is not { } d || !DateOnly.TryParseExact(d, "yyyy-MM-dd", out date)) errors["adoptedOn"] = ["Indica la data dell'atto nel formato AAAA-MM-GG."];
        else if (date > today) errors["adoptedOn"] = ["La data dell'atto non può essere futura."];
        else if (version is not null && date < version.PublishedOn) errors["adoptedOn"] = ["La data dell'atto precede quella della versione adottata."];
        var link = KnowledgeAccess.Blank(r.Link);
        if (!KnowledgeAccess.IsWebAddress(link)) errors["link"] = ["Indica l'indirizzo (http o https) della pubblicazione dell'atto sul sito del Comune."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        if (await db.Set<Adoption>().AnyAsync(x => x.ActId == r.StandardActId && x.IstatCode == istat && x.VersionNumber == r.VersionNumber, ct))
            return (new Outcome.Refused(Duplicate), 0);
        var adoption = new Adoption
        {
            ActId = r.StandardActId!.Value, VersionNumber = r.VersionNumber!.Value, IstatCode = istat, ActNumber = number!, AdoptedOn = date, Link = link!,
            RecordedBy = KnowledgeAccess.Actor(user), RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(adoption);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return (new Outcome.Refused(Duplicate), 0);
        }
        return (new Outcome.Done(1), adoption.Id);
    }
}
