using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Identifiers;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Procurements;

public sealed record ProcurementInput
{
    [Display(Name = "Servizio")] public string? Service { get; init; }
    [Display(Name = "Richiesta")] public long? RequestId { get; init; }
    [Display(Name = "Oggetto")] public string? Object { get; init; }
    [Display(Name = "Comuni serviti")] public string[]? Municipalities { get; init; }
    [Display(Name = "CUP")] public string? Cup { get; init; }
    [Display(Name = "CIG")] public string[]? Cigs { get; init; }
    [Display(Name = "Importo a base di gara")] public decimal? Amount { get; init; }
    [Display(Name = "Tipo di procedura")] public string? ProcedureType { get; init; }
    [Display(Name = "Criterio di aggiudicazione")] public string? AwardCriterion { get; init; }
    [Display(Name = "Data della richiesta")] public DateOnly? RequestedOn { get; init; }
    [Display(Name = "Data della determina a contrarre")] public DateOnly? DecisionOn { get; init; }
    [Display(Name = "Data di pubblicazione")] public DateOnly? PublishedOn { get; init; }
    [Display(Name = "Termine di ricezione delle offerte")] public DateOnly? BidsReceivedOn { get; init; }
    [Display(Name = "Data di aggiudicazione")] public DateOnly? AwardedOn { get; init; }
    [Display(Name = "Data di stipula del contratto")] public DateOnly? ContractSignedOn { get; init; }
    [Display(Name = "Offerte ricevute")] public int? BidsCount { get; init; }
    [Display(Name = "Importo di aggiudicazione")] public decimal? AwardValue { get; init; }
    [Display(Name = "Codice fiscale o partita IVA dell'aggiudicatario")] public string? WinnerTaxCode { get; init; }
    [Display(Name = "Aggiudicatario")] public string? WinnerName { get; init; }
    [Display(Name = "Procedura sulla piattaforma certificata")] public string? PlatformUrl { get; init; }
}

public sealed record ProcurementComune(string IstatCode, string Name);

public sealed record ProcurementRow(long Id, string Object, string Service, string? Cup, IReadOnlyList<string> Cigs, decimal Amount, string ProcedureType,
    string AwardCriterion, string Phase, DateOnly RequestedOn, DateOnly? DecisionOn, DateOnly? PublishedOn, DateOnly? BidsReceivedOn, DateOnly? AwardedOn,
    DateOnly? ContractSignedOn, int? BidsCount, decimal? AwardValue, decimal? RebatePercent, string? WinnerTaxCode, string? WinnerName, string? PlatformUrl,
    IReadOnlyList<ProcurementComune> Municipalities, long? RequestId, int Version,
    [property: System.Text.Json.Serialization.JsonIgnore] string? OfficeSector = null);

public sealed record ProcurementFilter
{
    public string? Municipality { get; init; }
    public string? Zone { get; init; }
}

/// <summary>The procedures of the Stazione Unica Appaltante: its office records them (from a Comune's request or
/// directly); everyone reads them, award data included, as a list and as CSV/JSON.</summary>
public static class ProcurementHandlers
{
    public static async Task<(Outcome, long)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ProcurementInput r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        SharedService? service = null;
        ServiceRequest? request = null;
        if (r.RequestId is { } rid)
        {
            request = await db.Set<ServiceRequest>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(x => x.Id == rid, ct);
            if (request is null) errors["requestId"] = ["Nessuna richiesta visibile con questo identificativo."];
            else service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == request.ServiceId, ct);
        }
        else
        {
            service = await db.Set<SharedService>().AsNoTracking().SingleOrDefaultAsync(s => s.Slug == (r.Service ?? ""), ct);
            if (service is null) errors["service"] = ["Indica il servizio (la stazione appaltante) o la richiesta da cui nasce la procedura."];
        }
        if (service is not null && !ServiceAccess.IsOffice(user, service.OfficeSector)) return (new Outcome.Forbidden(), 0);
        if (service is null && !ServiceAccess.WorksForOffices(user)) return (new Outcome.Forbidden(), 0);
        if (service is not null && service.Kind != ServiceKinds.Procurement) errors["service"] = ["Le procedure di gara appartengono a un servizio di appalti (stazione unica appaltante)."];
        var municipalities = r.Municipalities is { Length: > 0 } m ? m : request is not null ? [request.IstatCode] : [];
        await ValidateAsync(db, clock, r, municipalities, errors, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var p = new Procurement { ServiceId = service!.Id, RequestId = request?.Id, CreatedAt = now };
        Apply(p, r, now);
        db.Add(p);
        await db.SaveChangesAsync(ct);
        foreach (var istat in municipalities.Distinct()) db.Add(new ProcurementMunicipality { ProcurementId = p.Id, IstatCode = istat.Trim() });
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(p.Version), p.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, ProcurementInput r, CancellationToken ct)
    {
        var p = await db.Set<Procurement>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome.NotFound();
        var service = await db.Set<SharedService>().AsNoTracking().SingleAsync(s => s.Id == p.ServiceId, ct);
        if (!ServiceAccess.IsOffice(user, service.OfficeSector)) return new Outcome.Forbidden();
        var errors = new Dictionary<string, string[]>();
        var municipalities = r.Municipalities is { Length: > 0 } m ? m
            : await db.Set<ProcurementMunicipality>().Where(x => x.ProcurementId == id).Select(x => x.IstatCode).ToArrayAsync(ct);
        await ValidateAsync(db, clock, r, municipalities, errors, ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(p, version) is { } conflict) return conflict;
        Apply(p, r, clock.GetUtcNow().UtcDateTime);
        var outcome = await VersionedSave.SaveAsync(db, p, ct);
        if (outcome is Outcome.Done && r.Municipalities is { Length: > 0 })
        {
            await db.Set<ProcurementMunicipality>().Where(x => x.ProcurementId == id).ExecuteDeleteAsync(ct);
            foreach (var istat in municipalities.Distinct()) db.Add(new ProcurementMunicipality { ProcurementId = id, IstatCode = istat.Trim() });
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    public static DateOnly?[] Dates(ProcurementInput r) => [r.RequestedOn, r.DecisionOn, r.PublishedOn, r.BidsReceivedOn, r.AwardedOn, r.ContractSignedOn];

    private static async Task ValidateAsync(AppDbContext db, TimeProvider clock, ProcurementInput r, string[] municipalities, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Object)) errors["object"] = ["Indica l'oggetto della procedura."];
        else if (r.Object.Trim().Length > 500) errors["object"] = ["L'oggetto non può superare 500 caratteri."];
        if (municipalities.Length == 0) errors["municipalities"] = ["Indica almeno un Comune servito."];
        else if (municipalities.Length > 200) errors["municipalities"] = ["Al più 200 Comuni."];
        else
        {
            var codes = municipalities.Select(x => x?.Trim() ?? "").Distinct().ToList();
            var known = await db.Reads<ITerritoryQueries>().Comuni.CountAsync(c => codes.Contains(c.IstatCode), ct);
            if (known != codes.Count) errors["municipalities"] = ["Indica Comuni della Città metropolitana con il loro codice ISTAT."];
        }
        if (!string.IsNullOrWhiteSpace(r.Cup) && IdentifierCheck.ValidateCup(r.Cup) is { Ok: false } cup) errors["cup"] = [cup.Error!];
        var cigs = r.Cigs ?? [];
        if (cigs.Length > 20) errors["cigs"] = ["Al più 20 CIG."];
        else if (cigs.Select(IdentifierCheck.ValidateCig).FirstOrDefault(x => !x.Ok) is { Ok: false, Error: { } cigError }) errors["cigs"] = [cigError];
        if (r.Amount is not { } amount || amount <= 0 || amount > 10_000_000_000m) errors["amount"] = ["Indica l'importo a base di gara in euro (maggiore di zero)."];
        if (!ProcedureTypes.All.Contains(r.ProcedureType ?? "")) errors["procedureType"] = [$"Tipo di procedura sconosciuto. Valori ammessi: {string.Join(", ", ProcedureTypes.All)}."];
        if (!AwardCriteria.All.Contains(r.AwardCriterion ?? "")) errors["awardCriterion"] = [$"Criterio sconosciuto. Valori ammessi: {string.Join(", ", AwardCriteria.All)}."];
        foreach (var (field, messages) in ProcurementPhases.Validate(Dates(r), CivilClock.Today(clock))) errors[field] = messages;
        if (r.BidsCount is { } bids && (bids < 0 || bids > 10_000)) errors["bidsCount"] = ["Il numero di offerte va da 0 a 10000."];
        else if (r.BidsCount is not null && r.BidsReceivedOn is null) errors["bidsCount"] = ["Le offerte si contano quando sono state ricevute: indica la data."];
        if (r.AwardValue is { } award)
        {
            if (r.AwardedOn is null) errors["awardValue"] = ["L'importo di aggiudicazione richiede la data di aggiudicazione."];
            else if (award <= 0 || (r.Amount is { } a && award > a)) errors["awardValue"] = ["L'importo di aggiudicazione è maggiore di zero e non supera la base di gara."];
        }
        if (r.AwardedOn is not null && (r.AwardValue is null || string.IsNullOrWhiteSpace(r.WinnerTaxCode)))
            errors.TryAdd("awardValue", ["Un'aggiudicazione ha importo e aggiudicatario."]);
        if (!string.IsNullOrWhiteSpace(r.WinnerTaxCode))
        {
            var code = r.WinnerTaxCode.Trim();
            var check = code.Length == 11 ? IdentifierCheck.ValidatePartitaIva(code) : IdentifierCheck.ValidateCodiceFiscale(code);
            if (!check.Ok) errors["winnerTaxCode"] = [check.Error!];
        }
        if (r.WinnerName is { Length: > 300 }) errors["winnerName"] = ["Al più 300 caratteri."];
        if (!string.IsNullOrWhiteSpace(r.PlatformUrl) && (!Uri.TryCreate(r.PlatformUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme != "https" || r.PlatformUrl.Length > 500))
            errors["platformUrl"] = ["Indica l'indirizzo https della procedura sulla piattaforma certificata (Sintel)."];
    }

    private static void Apply(Procurement p, ProcurementInput r, DateTime now)
    {
        p.Object = r.Object!.Trim();
        p.Cup = string.IsNullOrWhiteSpace(r.Cup) ? null : IdentifierCheck.ValidateCup(r.Cup).Normalized;
        p.Cigs = string.Join(',', (r.Cigs ?? []).Select(c => IdentifierCheck.ValidateCig(c).Normalized));
        p.Amount = r.Amount!.Value;
        p.ProcedureType = r.ProcedureType!;
        p.AwardCriterion = r.AwardCriterion!;
        p.RequestedOn = r.RequestedOn!.Value;
        p.DecisionOn = r.DecisionOn;
        p.PublishedOn = r.PublishedOn;
        p.BidsReceivedOn = r.BidsReceivedOn;
        p.AwardedOn = r.AwardedOn;
        p.ContractSignedOn = r.ContractSignedOn;
        p.BidsCount = r.BidsCount;
        p.AwardValue = r.AwardValue;
        p.WinnerTaxCode = string.IsNullOrWhiteSpace(r.WinnerTaxCode) ? null : r.WinnerTaxCode.Trim().ToUpperInvariant();
        p.WinnerName = string.IsNullOrWhiteSpace(r.WinnerName) ? null : r.WinnerName.Trim();
        p.PlatformUrl = string.IsNullOrWhiteSpace(r.PlatformUrl) ? null : r.PlatformUrl.Trim();
        p.UpdatedAt = now;
    }

    public static async Task<ProcurementRow?> GetAsync(AppDbContext db, long id, CancellationToken ct) =>
        (await RowsAsync(db, db.Set<Procurement>().AsNoTracking().Where(p => p.Id == id), null, null, ct)).SingleOrDefault();

    public static Dictionary<string, string[]> Validate(ListQuery query, ProcurementFilter filter)
    {
        var errors = query.Validate([]);
        if (filter.Municipality is { Length: > 6 }) errors["municipality"] = ["Codice ISTAT non valido."];
        if (filter.Zone is { Length: > 64 }) errors["zone"] = ["Codice di zona non valido."];
        return errors;
    }

    /// <summary>The read model the lists depend on: the procedures and the names of the Comuni they serve.</summary>
    public static readonly ReadModels DependsOn = ServicesModule.ReadModel | ReadModels.Of(TerritoryContract.Module);

    /// <summary><see cref="ListAsync"/> from the <see cref="ReadCache"/> for the pages a visitor pages through
    /// (<see cref="ListQuery.IsEarlyPage"/>): the list is public and the same for every reader (the edit link is decided
    /// when rendering), so one value per query serves them all until a procedure changes.</summary>
    public static Task<Paged<ProcurementRow>> CachedAsync(ReadCache cache, AppDbContext db, ListQuery query, ProcurementFilter filter, CancellationToken ct) =>
        query.IsEarlyPage
            ? cache.GetAsync(ReadCache.ListKey("procurement-list", "public", new { query, filter }), DependsOn, (d, t) => ListAsync(d, query, filter, t), ct)
            : ListAsync(db, query, filter, ct);

    public static async Task<Paged<ProcurementRow>> ListAsync(AppDbContext db, ListQuery query, ProcurementFilter filter, CancellationToken ct, bool all = false)
    {
        var q = Filtered(db, query, filter);
        var total = await q.CountAsync(ct);
        var rows = all ? await RowsAsync(db, q, null, null, ct) : await RowsAsync(db, q, query.EffectiveOffset, query.EffectiveLimit, ct);
        return new Paged<ProcurementRow>(rows, total, all ? total : query.EffectiveLimit, all ? 0 : query.EffectiveOffset);
    }

    /// <summary>The procedures of a Comune or of the Comuni of a zone are found from the Comuni's side (the index on
    /// the Comune of services_procurement_municipalities), never by probing every procedure.</summary>
    private static IQueryable<Procurement> Filtered(AppDbContext db, ListQuery query, ProcurementFilter filter)
    {
        var q = db.Set<Procurement>().AsNoTracking();
        if (filter.Municipality is { Length: > 0 } istat)
        {
            var ids = db.Set<ProcurementMunicipality>().Where(m => m.IstatCode == istat).Select(m => m.ProcurementId);
            q = q.Where(p => ids.Contains(p.Id));
        }
        if (filter.Zone is { Length: > 0 } zone)
        {
            var ids = from m in db.Set<ProcurementMunicipality>()
                      join c in db.Reads<ITerritoryQueries>().Comuni on m.IstatCode equals c.IstatCode
                      where c.ZoneCode == zone
                      select m.ProcurementId;
            q = q.Where(p => ids.Contains(p.Id));
        }
        if (query.Q is { Length: > 0 } text) q = q.Where(p => p.Object.Contains(text) || p.Cigs.Contains(text));
        return q;
    }

    /// <summary>The rows of a page (the columns shown), then the services (address and office) and the Comuni of those
    /// rows only: three small queries, whatever the size of the table.</summary>
    private static async Task<List<ProcurementRow>> RowsAsync(AppDbContext db, IQueryable<Procurement> q, int? offset, int? limit, CancellationToken ct)
    {
        // The page from the procedures alone, so that it is read in the order of the (RequestedOn, Id) index and stops
        // at the page's end (joined to the services, SQLite began from the six services and sorted every procedure).
        var rows = from p in q
                   orderby p.RequestedOn descending, p.Id descending
                   select new
                   {
                       p.Id, p.Object, p.ServiceId, p.Cup, p.Cigs, p.Amount, p.ProcedureType, p.AwardCriterion, p.RequestedOn, p.DecisionOn,
                       p.PublishedOn, p.BidsReceivedOn, p.AwardedOn, p.ContractSignedOn, p.BidsCount, p.AwardValue, p.WinnerTaxCode, p.WinnerName,
                       p.PlatformUrl, p.RequestId, p.Version,
                   };
        if (offset is { } skip) rows = rows.Skip(skip);
        if (limit is { } take) rows = rows.Take(take);
        var list = await rows.ToListAsync(ct);
        var ids = list.Select(p => p.Id).ToList();
        var serviceIds = list.Select(p => p.ServiceId).Distinct().ToList();
        var services = await db.Set<SharedService>().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Slug, s.OfficeSector }).ToDictionaryAsync(s => s.Id, ct);
        var comuni = (await db.Set<ProcurementMunicipality>().Where(m => ids.Contains(m.ProcurementId))
            .Join(db.Reads<ITerritoryQueries>().Comuni, m => m.IstatCode, c => c.IstatCode, (m, c) => new { m.ProcurementId, c.IstatCode, c.Name })
            .ToListAsync(ct)).ToLookup(c => c.ProcurementId);
        return list.Select(p => new ProcurementRow(p.Id, p.Object, services.GetValueOrDefault(p.ServiceId)?.Slug ?? "", p.Cup,
            p.Cigs.Split(',', StringSplitOptions.RemoveEmptyEntries), p.Amount, p.ProcedureType, p.AwardCriterion,
            ProcurementPhases.Current([p.RequestedOn, p.DecisionOn, p.PublishedOn, p.BidsReceivedOn, p.AwardedOn, p.ContractSignedOn]),
            p.RequestedOn, p.DecisionOn, p.PublishedOn, p.BidsReceivedOn, p.AwardedOn, p.ContractSignedOn, p.BidsCount, p.AwardValue,
            p.AwardValue is { } v && p.Amount > 0 ? Math.Round((p.Amount - v) / p.Amount * 100m, 2) : null,
            p.WinnerTaxCode, p.WinnerName, p.PlatformUrl,
            comuni[p.Id].OrderBy(c => c.Name).Select(c => new ProcurementComune(c.IstatCode, c.Name)).ToList(), p.RequestId, p.Version,
            services.GetValueOrDefault(p.ServiceId)?.OfficeSector)).ToList();
    }
}
