using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Catalogue;

public sealed record ServiceRow(long Id, string Slug, string Name, string Kind, string Summary, string OfficeName,
    int FirstAnswerDays, int ResolutionDays, int Members, bool IsDemo);

public sealed record MemberRow(string IstatCode, string Name);

public sealed record LinkedAgreement(long Id, string Title);

public sealed record ServiceDetail(long Id, string Slug, string Name, string Kind, string Summary, string Description, string Eligibility,
    string HowToJoin, string Fees, string OfficeSector, string OfficeName, string? OfficeEmail, int FirstAnswerDays, int ResolutionDays,
    IReadOnlyList<string> Documents, IReadOnlyList<LinkedAgreement> Agreements, IReadOnlyList<MemberRow> Members, bool IsDemo, bool Active, int Version);

/// <summary>A service of the catalogue as the administrator writes it.</summary>
public sealed record ServiceInput
{
    [Display(Name = "Indirizzo")] public string? Slug { get; init; }
    [Display(Name = "Nome")] public string? Name { get; init; }
    [Display(Name = "Tipo")] public string? Kind { get; init; }
    [Display(Name = "In breve")] public string? Summary { get; init; }
    [Display(Name = "Descrizione")] public string? Description { get; init; }
    [Display(Name = "Chi può usarlo")] public string? Eligibility { get; init; }
    [Display(Name = "Come aderire")] public string? HowToJoin { get; init; }
    [Display(Name = "Costi")] public string? Fees { get; init; }
    [Display(Name = "Settore dell'ufficio")] public string? OfficeSector { get; init; }
    [Display(Name = "Ufficio")] public string? OfficeName { get; init; }
    [Display(Name = "Posta dell'ufficio")] public string? OfficeEmail { get; init; }
    [Display(Name = "Prima risposta (giorni lavorativi)")] public int? FirstAnswerDays { get; init; }
    [Display(Name = "Risposta completa (giorni lavorativi)")] public int? ResolutionDays { get; init; }
    [Display(Name = "Documenti da fornire")] public string[]? Documents { get; init; }
    [Display(Name = "Convenzioni di adesione")] public long[]? Agreements { get; init; }
    public bool? Active { get; init; }
}

/// <summary>The catalogue: the list, one service with the Comuni that have joined it, and the administrator's changes.
/// A Comune has joined a service when it is a party to one of the service's agreements in force today.</summary>
public static class CatalogueHandlers
{
    /// <summary>The catalogue's read model: the services, the agreements in force and their parties (the Comuni, from
    /// the territory's organisations).</summary>
    public static readonly ReadModels DependsOn = ServicesModule.ReadModel | ReadModels.Of(AgreementsContract.Module) | ReadModels.Of(TerritoryContract.Module);

    /// <summary><see cref="ListAsync"/> from the <see cref="ReadCache"/>: public and the same for everyone, keyed by the
    /// query and the day (adhesion is «in force today»).</summary>
    public static Task<Paged<ServiceRow>> CachedAsync(ReadCache cache, AppDbContext db, TimeProvider clock, ListQuery query, CancellationToken ct) =>
        query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("service-list", "public", new { query, today = CivilClock.Today(clock) }), DependsOn, (d, t) => ListAsync(d, clock, query, t), ct)
            : ListAsync(db, clock, query, ct);

    public static async Task<Paged<ServiceRow>> ListAsync(AppDbContext db, TimeProvider clock, ListQuery query, CancellationToken ct)
    {
        var q = db.Set<SharedService>().AsNoTracking().Where(s => s.Active);
        if (query.Q is { Length: > 0 } text) q = q.Where(s => s.Name.Contains(text) || s.Summary.Contains(text));
        var total = await q.CountAsync(ct);
        var services = await q.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(s => new { s.Id, s.Slug, s.Name, s.Kind, s.Summary, s.OfficeName, s.FirstAnswerDays, s.ResolutionDays, s.IsDemo })
            .ToListAsync(ct);
        var ids = services.Select(s => s.Id).ToList();
        // The number of Comuni per service counted in the database (one row per service), not by reading every party.
        var members = await MembersQuery(db, clock, ids).GroupBy(m => m.ServiceId)
            .Select(g => new { ServiceId = g.Key, Count = g.Select(m => m.IstatCode).Distinct().Count() })
            .ToDictionaryAsync(g => g.ServiceId, g => g.Count, ct);
        return new Paged<ServiceRow>(services.Select(s => new ServiceRow(s.Id, s.Slug, s.Name, s.Kind, s.Summary, s.OfficeName, s.FirstAnswerDays, s.ResolutionDays,
            members.GetValueOrDefault(s.Id), s.IsDemo)).ToList(), total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<ServiceDetail?> GetAsync(AppDbContext db, TimeProvider clock, string slug, CancellationToken ct)
    {
        var s = await db.Set<SharedService>().AsNoTracking().SingleOrDefaultAsync(x => x.Slug == slug, ct);
        if (s is null) return null;
        var agreements = await db.Set<ServiceAgreement>().Where(x => x.ServiceId == s.Id)
            .Join(db.Reads<IAgreementQueries>().Agreements.Where(a => a.IsPublic), x => x.AgreementId, a => a.Id, (x, a) => new LinkedAgreement(a.Id, a.Title))
            .ToListAsync(ct);
        var istats = await MembersQuery(db, clock, [s.Id]).Select(m => m.IstatCode).Distinct().ToListAsync(ct);
        var members = await db.Reads<ITerritoryQueries>().Comuni.Where(c => istats.Contains(c.IstatCode)).OrderBy(c => c.Name)
            .Select(c => new MemberRow(c.IstatCode, c.Name)).ToListAsync(ct);
        var documents = s.Documents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ServiceDetail(s.Id, s.Slug, s.Name, s.Kind, s.Summary, s.Description, s.Eligibility, s.HowToJoin, s.Fees, s.OfficeSector, s.OfficeName,
            s.OfficeEmail, s.FirstAnswerDays, s.ResolutionDays, documents, agreements, members, s.IsDemo, s.Active, s.Version);
    }

    private sealed class Membership
    {
        public long ServiceId { get; init; }
        public string IstatCode { get; init; } = "";
    }

    /// <summary>(service, Comune) for every Comune party to a service's agreement in force today.</summary>
    private static IQueryable<Membership> MembersQuery(AppDbContext db, TimeProvider clock, List<long> serviceIds)
    {
        var agreements = db.Reads<IAgreementQueries>();
        var today = CivilClock.Today(clock);
        return from sa in db.Set<ServiceAgreement>()
               where serviceIds.Contains(sa.ServiceId)
               join a in agreements.InForceOn(today) on sa.AgreementId equals a.Id
               join p in agreements.Parties on a.Id equals p.AgreementId
               where p.MunicipalityIstat != null
               select new Membership { ServiceId = sa.ServiceId, IstatCode = p.MunicipalityIstat! };
    }

    /// <summary>The agreement in force through which the Comune has joined the service today, if any.</summary>
    public static async Task<long?> AdhesionAsync(AppDbContext db, TimeProvider clock, long serviceId, string istat, CancellationToken ct)
    {
        var agreements = db.Reads<IAgreementQueries>();
        var today = CivilClock.Today(clock);
        var ids = await (from sa in db.Set<ServiceAgreement>()
                         where sa.ServiceId == serviceId
                         join a in agreements.InForceOn(today) on sa.AgreementId equals a.Id
                         join p in agreements.Parties on a.Id equals p.AgreementId
                         where p.MunicipalityIstat == istat
                         orderby a.Id
                         select a.Id).Take(1).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    public static async Task<(Outcome, string Slug)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ServiceInput r, CancellationToken ct)
    {
        if (!ServiceAccess.IsAdmin(user)) return (new Outcome.Forbidden(), "");
        var errors = await ValidateAsync(db, r, null, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), "");
        var s = new SharedService();
        Apply(s, r, clock);
        s.SortOrder = await db.Set<SharedService>().CountAsync(ct) * 10 + 10;
        db.Add(s);
        await db.SaveChangesAsync(ct);
        await SetAgreementsAsync(db, s.Id, r.Agreements ?? [], ct);
        return (new Outcome.Done(s.Version), s.Slug);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, string slug, int? version, ServiceInput r, CancellationToken ct)
    {
        var s = await db.Set<SharedService>().SingleOrDefaultAsync(x => x.Slug == slug, ct);
        if (s is null) return new Outcome.NotFound();
        if (!ServiceAccess.IsAdmin(user)) return new Outcome.Forbidden();
        var errors = await ValidateAsync(db, r, s, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(s, version) is { } conflict) return conflict;
        Apply(s, r, clock);
        var outcome = await VersionedSave.SaveAsync(db, s, ct);
        if (outcome is Outcome.Done && r.Agreements is { } list) await SetAgreementsAsync(db, s.Id, list, ct);
        return outcome;
    }

    private static async Task SetAgreementsAsync(AppDbContext db, long serviceId, long[] agreements, CancellationToken ct)
    {
        await db.Set<ServiceAgreement>().Where(x => x.ServiceId == serviceId).ExecuteDeleteAsync(ct);
        foreach (var id in agreements.Distinct()) db.Add(new ServiceAgreement { ServiceId = serviceId, AgreementId = id });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, ServiceInput r, SharedService? current, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var slug = r.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(slug, "^[a-z0-9]+(-[a-z0-9]+)*$") || slug.Length > 64)
            errors["slug"] = ["L'indirizzo è fatto di lettere minuscole, cifre e trattini (al più 64 caratteri)."];
        else if (await db.Set<SharedService>().AnyAsync(s => s.Slug == slug && (current == null || s.Id != current.Id), ct))
            errors["slug"] = ["Un altro servizio ha già questo indirizzo."];
        void Text(string field, string? value, int max, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value)) errors[field] = ["Campo obbligatorio."];
            else if (value is { } v && v.Trim().Length > max) errors[field] = [$"Al più {max} caratteri."];
        }
        Text("name", r.Name, 200, true);
        Text("summary", r.Summary, 500, true);
        Text("description", r.Description, 4000, true);
        Text("eligibility", r.Eligibility, 1000, true);
        Text("howToJoin", r.HowToJoin, 2000, true);
        Text("fees", r.Fees, 1000, true);
        Text("officeName", r.OfficeName, 200, true);
        Text("officeEmail", r.OfficeEmail, 256, false);
        if (r.Kind is { } kind && !ServiceKinds.All.Contains(kind)) errors["kind"] = [$"Tipo sconosciuto. Valori ammessi: {string.Join(", ", ServiceKinds.All)}."];
        if (string.IsNullOrWhiteSpace(r.OfficeSector)) errors["officeSector"] = ["Indica il settore dell'ufficio che gestisce il servizio."];
        await SectorRegistry.CheckAsync(db, r.OfficeSector?.Trim(), current?.OfficeSector, errors, "officeSector", ct);
        if (r.FirstAnswerDays is not (>= 1 and <= 60)) errors["firstAnswerDays"] = ["Da 1 a 60 giorni lavorativi."];
        if (r.ResolutionDays is not (>= 1 and <= 250)) errors["resolutionDays"] = ["Da 1 a 250 giorni lavorativi."];
        else if (r.FirstAnswerDays is { } f && r.ResolutionDays < f) errors["resolutionDays"] = ["La risposta completa non può arrivare prima della prima risposta."];
        if (r.Documents is { } docs && (docs.Length > 30 || docs.Any(d => string.IsNullOrWhiteSpace(d) || d.Length > 200 || d.Contains('\n'))))
            errors["documents"] = ["Al più 30 documenti, ciascuno su una riga di al più 200 caratteri."];
        if (r.Agreements is { } ids)
        {
            var known = await db.Reads<IAgreementQueries>().Agreements.Where(a => ids.Contains(a.Id)).CountAsync(ct);
            if (known != ids.Distinct().Count()) errors["agreements"] = ["Indica intese del registro."];
        }
        return errors;
    }

    private static void Apply(SharedService s, ServiceInput r, TimeProvider clock)
    {
        s.Slug = r.Slug!.Trim().ToLowerInvariant();
        s.Name = r.Name!.Trim();
        s.Kind = r.Kind ?? ServiceKinds.Assistance;
        s.Summary = r.Summary!.Trim();
        s.Description = r.Description!.Trim();
        s.Eligibility = r.Eligibility!.Trim();
        s.HowToJoin = r.HowToJoin!.Trim();
        s.Fees = r.Fees!.Trim();
        s.OfficeSector = r.OfficeSector!.Trim();
        s.OfficeName = r.OfficeName!.Trim();
        s.OfficeEmail = string.IsNullOrWhiteSpace(r.OfficeEmail) ? null : r.OfficeEmail.Trim();
        s.FirstAnswerDays = r.FirstAnswerDays!.Value;
        s.ResolutionDays = r.ResolutionDays!.Value;
        s.Documents = string.Join('\n', (r.Documents ?? []).Select(d => d.Trim()));
        s.Active = r.Active ?? true;
        s.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }
}
