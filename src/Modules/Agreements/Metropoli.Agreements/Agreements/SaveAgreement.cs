using Metropoli.Platform.Sectors;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Agreements;

/// <summary>The data of an agreement. Status, parties, obligations and documents have their own use cases.</summary>
public sealed record AgreementRequest
{
    [Display(Name = "Numero")] public string? Number { get; init; }
    [Display(Name = "Titolo")] public string? Title { get; init; }
    [Display(Name = "Tipo")] public string? Type { get; init; }
    [Display(Name = "Oggetto")] public string? Subject { get; init; }
    [Display(Name = "Base giuridica")] public string? LegalBasis { get; init; }
    [Display(Name = "Organo che approva")] public string? ApprovalActBody { get; init; }
    [Display(Name = "Numero dell'atto di approvazione")] public string? ApprovalActNumber { get; init; }
    [Display(Name = "Data dell'atto di approvazione")] public DateOnly? ApprovalActDate { get; init; }
    [Display(Name = "Data di sottoscrizione")] public DateOnly? SignatureDate { get; init; }
    [Display(Name = "Data di decorrenza")] public DateOnly? EffectiveDate { get; init; }
    [Display(Name = "Data di scadenza")] public DateOnly? ExpiryDate { get; init; }
    [Display(Name = "Durata in mesi")] public int? DurationMonths { get; init; }
    [Display(Name = "Rinnovo tacito")] public bool AutoRenewal { get; init; }
    [Display(Name = "Valore in euro")] public decimal? Value { get; init; }
    [Display(Name = "Finanziamento")] public string? Funding { get; init; }
    [Display(Name = "Visibilità")] public string? Visibility { get; init; }
    [Display(Name = "Settore responsabile")] public string? OwnerSector { get; init; }
    [Display(Name = "Giorni di preavviso")] public int? AlertDays { get; init; }
    [Display(Name = "Temi")] public List<string>? Themes { get; init; }
    [Display(Name = "Comuni interessati")] public List<string>? Municipalities { get; init; }
    [Display(Name = "Zone interessate")] public List<string>? Zones { get; init; }
    [Display(Name = "Obiettivi del piano")] public List<long>? ObjectiveIds { get; init; }
    [Display(Name = "Azioni del piano")] public List<long>? ActionIds { get; init; }
}

/// <summary>Creates, edits and renews agreements. A new agreement is a proposal; an ended one is read-only.</summary>
public static class SaveAgreement
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(AppDbContext db, AgreementRequest r, long? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["Indica il titolo dell'intesa."];
        else if (title.Length > 300) errors["title"] = ["Il titolo non può superare 300 caratteri."];
        if (!AgreementTypes.IsKnown(r.Type?.Trim())) errors["type"] = ["Tipo di intesa sconosciuto. Valori ammessi: " + string.Join(", ", AgreementTypes.All) + "."];
        var number = Blank(r.Number);
        if (number is { Length: > 50 }) errors["number"] = ["Il numero non può superare 50 caratteri."];
        else if (number is not null && await db.Set<Agreement>().AnyAsync(a => a.Number == number && a.Id != (id ?? 0), ct))
            errors["number"] = ["Esiste già un'intesa con questo numero."];
        if (r.Subject is { Length: > 4000 }) errors["subject"] = ["L'oggetto non può superare 4000 caratteri."];
        if (r.LegalBasis is { Length: > 500 }) errors["legalBasis"] = ["La base giuridica non può superare 500 caratteri."];
        if (r.ApprovalActBody is { Length: > 200 }) errors["approvalActBody"] = ["L'organo non può superare 200 caratteri."];
        if (r.ApprovalActNumber is { Length: > 50 }) errors["approvalActNumber"] = ["Il numero dell'atto non può superare 50 caratteri."];
        if (r.ExpiryDate is { } exp && r.EffectiveDate is { } eff && exp < eff) errors["expiryDate"] = ["La scadenza non può precedere la decorrenza."];
        if (r.DurationMonths is < 1 or > 600) errors["durationMonths"] = ["La durata deve essere tra 1 e 600 mesi."];
        if (r.Value is < 0 or > 100_000_000_000m) errors["value"] = ["Il valore deve essere un importo in euro non negativo."];
        if (r.Funding is { Length: > 500 }) errors["funding"] = ["Il finanziamento non può superare 500 caratteri."];
        var visibility = Blank(r.Visibility) ?? AgreementVisibility.Public;
        if (!AgreementVisibility.All.Contains(visibility)) errors["visibility"] = ["Visibilità sconosciuta: public oppure restricted."];
        if (r.OwnerSector is { } sector && (sector.Trim().Length > 64)) errors["ownerSector"] = ["Il settore non può superare 64 caratteri."];
        else if (r.OwnerSector?.Trim().ToLowerInvariant() is { Length: > 0 } code)
        {
            var currentSector = id is { } existing ? await db.Set<Agreement>().Where(a => a.Id == existing).Select(a => a.OwnerSector).FirstOrDefaultAsync(ct) : null;
            await SectorRegistry.CheckAsync(db, code, currentSector, errors, "ownerSector", ct);
        }
        if (r.AlertDays is < 1 or > 365) errors["alertDays"] = ["I giorni di preavviso devono essere tra 1 e 365."];

        var themes = Distinct(r.Themes);
        if (themes.Count > 0)
        {
            var known = await db.Set<AgreementTheme>().Where(t => themes.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
            var unknown = themes.Except(known).ToList();
            if (unknown.Count > 0) errors["themes"] = ["Temi sconosciuti: " + string.Join(", ", unknown) + "."];
        }
        var comuni = Distinct(r.Municipalities);
        if (comuni.Count > 0)
        {
            var known = await db.Reads<ITerritoryQueries>().Comuni.Where(m => comuni.Contains(m.IstatCode)).Select(m => m.IstatCode).ToListAsync(ct);
            var unknown = comuni.Except(known).ToList();
            if (unknown.Count > 0) errors["municipalities"] = ["Codici ISTAT sconosciuti: " + string.Join(", ", unknown) + "."];
        }
        var zones = Distinct(r.Zones);
        if (zones.Count > 0)
        {
            var known = await db.Reads<ITerritoryQueries>().Zones.Where(z => zones.Contains(z.Code)).Select(z => z.Code).ToListAsync(ct);
            var unknown = zones.Except(known).ToList();
            if (unknown.Count > 0) errors["zones"] = ["Zone sconosciute: " + string.Join(", ", unknown) + "."];
        }
        var objectives = (r.ObjectiveIds ?? []).Distinct().ToList();
        if (objectives.Count > 0 && await db.Reads<IPlanQueries>().Objectives.CountAsync(o => objectives.Contains(o.Id), ct) != objectives.Count)
            errors["objectiveIds"] = ["Uno o più obiettivi del piano indicati non esistono."];
        var actions = (r.ActionIds ?? []).Distinct().ToList();
        if (actions.Count > 0 && await db.Reads<IPlanQueries>().Actions.CountAsync(a => actions.Contains(a.Id), ct) != actions.Count)
            errors["actionIds"] = ["Una o più azioni del piano indicate non esistono."];
        return errors;
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, AgreementRequest r, CancellationToken ct)
    {
        if (!AgreementAccess.CanCreate(user)) return (new Outcome.Forbidden(), 0);
        var errors = await ValidateAsync(db, r, null, ct);
        // A sector officer creates agreements for their own sector, so they keep the right to edit them.
        if (!AgreementAccess.CanManageAll(user) && Blank(r.OwnerSector)?.ToLowerInvariant() is { } s && s != AgreementAccess.Sector(user))
            errors["ownerSector"] = ["Puoi registrare solo intese del tuo settore."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var agreement = new Agreement { Status = AgreementStatuses.Proposal, CreatedAt = now };
        Apply(agreement, r, now);
        agreement.OwnerSector ??= AgreementAccess.CanManageAll(user) ? null : AgreementAccess.Sector(user);
        // The links and the first status need the new id: two saves, one transaction, so that a failure of
        // the second leaves no half-registered agreement behind.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(agreement);
        await db.SaveChangesAsync(ct);
        await SyncLinksAsync(db, agreement.Id, r, ct);
        db.Add(new AgreementStatusChange
        {
            AgreementId = agreement.Id, FromStatus = "", ToStatus = AgreementStatuses.Proposal, Reason = "Registrazione della proposta.",
            ChangedBy = CurrentUser.Of(user).Name, ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(agreement.Version), agreement.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, AgreementRequest r, CancellationToken ct)
    {
        var agreement = await db.Set<Agreement>().Visible(db, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agreement is null) return new Outcome.NotFound();
        if (!AgreementAccess.CanEdit(user, agreement.OwnerSector)) return new Outcome.Forbidden();
        if (AgreementStatuses.Final.Contains(agreement.Status)) return new Outcome.Refused(AgreementAccess.EndedReason);
        var errors = await ValidateAsync(db, r, id, ct);
        if (!AgreementAccess.CanManageAll(user) && Blank(r.OwnerSector)?.ToLowerInvariant() != agreement.OwnerSector)
            errors["ownerSector"] = ["Solo l'ufficio di piano può assegnare l'intesa a un altro settore."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(agreement, expectedVersion) is { } conflict) return conflict;
        Apply(agreement, r, clock.GetUtcNow().UtcDateTime);
        // One save: the data, the links that changed and their audit entries, or nothing (a stale version).
        await SyncLinksAsync(db, id, r, ct);
        return await VersionedSave.SaveAsync(db, agreement, ct);
    }

    public const string RenewalExists = "Questa intesa ha già un rinnovo in corso o registrato.";

    /// <summary>A renewal: a new proposal linked to the agreement it renews, with the same data, parties,
    /// themes, territory and plan links; dates and acts are left for the new procedure.</summary>
    public static async Task<(Outcome Outcome, long Id)> RenewAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var old = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (old is null) return (new Outcome.NotFound(), 0);
        if (!AgreementAccess.CanEdit(user, old.OwnerSector)) return (new Outcome.Forbidden(), 0);
        if (old.Status is not (AgreementStatuses.InForce or AgreementStatuses.Expired or AgreementStatuses.Concluded))
            return (new Outcome.Refused("Si rinnova solo un'intesa in vigore, scaduta o conclusa."), 0);
        if (await db.Set<Agreement>().AnyAsync(a => a.PredecessorId == id && a.Status != AgreementStatuses.Withdrawn, ct))
            return (new Outcome.Refused(RenewalExists), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var renewal = new Agreement
        {
            Title = old.Title, Type = old.Type, Subject = old.Subject, LegalBasis = old.LegalBasis, DurationMonths = old.DurationMonths,
            AutoRenewal = old.AutoRenewal, Value = old.Value, Funding = old.Funding, Visibility = old.Visibility, OwnerSector = old.OwnerSector,
            AlertDays = old.AlertDays, PredecessorId = old.Id, Status = AgreementStatuses.Proposal, CreatedAt = now, UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(renewal);
        if (!await db.TrySaveAsync(ct)) return (new Outcome.Refused(RenewalExists), 0); // a parallel renewal won (unique index)
        foreach (var p in await db.Set<AgreementParty>().AsNoTracking().Where(p => p.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementParty { AgreementId = renewal.Id, OrganisationId = p.OrganisationId, Role = p.Role, Note = p.Note, UpdatedAt = now });
        foreach (var t in await db.Set<AgreementThemeLink>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementThemeLink { AgreementId = renewal.Id, ThemeCode = t.ThemeCode });
        foreach (var m in await db.Set<AgreementMunicipality>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementMunicipality { AgreementId = renewal.Id, IstatCode = m.IstatCode });
        foreach (var z in await db.Set<AgreementZone>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementZone { AgreementId = renewal.Id, ZoneCode = z.ZoneCode });
        foreach (var o in await db.Set<AgreementObjective>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementObjective { AgreementId = renewal.Id, ObjectiveId = o.ObjectiveId });
        foreach (var a in await db.Set<AgreementAction>().AsNoTracking().Where(x => x.AgreementId == id).ToListAsync(ct))
            db.Add(new AgreementAction { AgreementId = renewal.Id, ActionId = a.ActionId });
        db.Add(new AgreementStatusChange
        {
            AgreementId = renewal.Id, FromStatus = "", ToStatus = AgreementStatuses.Proposal, Reason = $"Proposta di rinnovo dell'intesa n. {old.Id}.",
            ChangedBy = CurrentUser.Of(user).Name, ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(renewal.Version), renewal.Id);
    }

    internal static void Apply(Agreement a, AgreementRequest r, DateTime now)
    {
        a.Number = Blank(r.Number);
        a.Title = r.Title!.Trim();
        a.Type = r.Type!.Trim();
        a.Subject = Blank(r.Subject);
        a.LegalBasis = Blank(r.LegalBasis);
        a.ApprovalActBody = Blank(r.ApprovalActBody);
        a.ApprovalActNumber = Blank(r.ApprovalActNumber);
        a.ApprovalActDate = r.ApprovalActDate;
        a.SignatureDate = r.SignatureDate;
        a.EffectiveDate = r.EffectiveDate;
        a.DurationMonths = r.DurationMonths;
        a.ExpiryDate = r.ExpiryDate ?? DerivedExpiry(r.EffectiveDate, r.DurationMonths);
        a.AutoRenewal = r.AutoRenewal;
        a.Value = r.Value;
        a.Funding = Blank(r.Funding);
        a.Visibility = Blank(r.Visibility) ?? AgreementVisibility.Public;
        a.OwnerSector = Blank(r.OwnerSector)?.ToLowerInvariant();
        a.AlertDays = r.AlertDays;
        a.UpdatedAt = now;
    }

    /// <summary>"Durata di 36 mesi dalla decorrenza": the last day is the day before the same date 36 months on.</summary>
    public static DateOnly? DerivedExpiry(DateOnly? effective, int? months) =>
        effective is { } e && months is { } m ? e.AddMonths(m).AddDays(-1) : null;

    /// <summary>Brings the agreement's links to those of the request through the change tracker, so that each
    /// link removed or added is an audited delete or create; links that stay are not touched.</summary>
    private static async Task SyncLinksAsync(AppDbContext db, long id, AgreementRequest r, CancellationToken ct)
    {
        await SyncAsync(db, x => x.AgreementId == id, x => x.ThemeCode, Distinct(r.Themes), t => new AgreementThemeLink { AgreementId = id, ThemeCode = t }, ct);
        await SyncAsync(db, x => x.AgreementId == id, x => x.IstatCode, Distinct(r.Municipalities), m => new AgreementMunicipality { AgreementId = id, IstatCode = m }, ct);
        await SyncAsync(db, x => x.AgreementId == id, x => x.ZoneCode, Distinct(r.Zones), z => new AgreementZone { AgreementId = id, ZoneCode = z }, ct);
        await SyncAsync(db, x => x.AgreementId == id, x => x.ObjectiveId, (r.ObjectiveIds ?? []).Distinct().ToList(), o => new AgreementObjective { AgreementId = id, ObjectiveId = o }, ct);
        await SyncAsync(db, x => x.AgreementId == id, x => x.ActionId, (r.ActionIds ?? []).Distinct().ToList(), a => new AgreementAction { AgreementId = id, ActionId = a }, ct);
    }

    private static async Task SyncAsync<TLink, TKey>(AppDbContext db, System.Linq.Expressions.Expression<Func<TLink, bool>> ofAgreement,
        Func<TLink, TKey> key, IReadOnlyCollection<TKey> wanted, Func<TKey, TLink> create, CancellationToken ct)
        where TLink : class where TKey : notnull
    {
        var existing = await db.Set<TLink>().Where(ofAgreement).ToListAsync(ct);
        var keep = wanted.ToHashSet();
        foreach (var link in existing.Where(l => !keep.Contains(key(l)))) db.Remove(link);
        var have = existing.Select(key).ToHashSet();
        foreach (var k in wanted.Where(k => !have.Contains(k))) db.Add(create(k));
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static List<string> Distinct(IEnumerable<string>? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
