using System.Security.Claims;
using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Identifiers;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Applications;

public sealed record ApplicationRequest(long? CallId, string? LeadIstat, string? Title, decimal? RequestedAmount, IReadOnlyList<string>? Partners,
    string? SupportRequested = null, IReadOnlyList<long>? Organisations = null);
/// <param name="Cup">Required to fund: the CUP of the project the application becomes.</param>
public sealed record ApplicationTransitionRequest(string? To, string? Reason, string? Cup = null);
public sealed record StatusChangeView(string FromStatus, string ToStatus, string? Reason, string? ChangedBy, DateTime ChangedAt);
public sealed record ApplicationDocumentView(long Id, string Title, string FileName, long Size, string Sha256, DateTime UploadedAt);
public sealed record OrganisationView(long Id, string Name);
public sealed record ApplicationDetail(long Id, long CallId, string CallTitle, string LeadIstat, string Title, decimal RequestedAmount, string Status,
    IReadOnlyList<string> Partners, IReadOnlyList<string> NextStatuses, IReadOnlyList<StatusChangeView> History, int Version,
    string LeadName = "", IReadOnlyList<Projects.ProjectComuneView>? PartnerComuni = null, IReadOnlyList<OrganisationView>? Organisations = null,
    string? SupportRequested = null, IReadOnlyList<ApplicationDocumentView>? Documents = null, string? ProjectCup = null, DateOnly? CallClosesOn = null,
    string? CoordinatorZone = null, bool CanUpload = false);
public sealed record ApplicationRow(long Id, long CallId, string LeadIstat, string Title, decimal RequestedAmount, string Status);

/// <summary>The lifecycle draft → submitted → admitted → funded / not funded, withdrawn by the applicant until decided:
/// who may take each step and what must hold (the call open and the Comuni eligible at submission, the partners
/// within the call's limits, a reason to refuse or withdraw).</summary>
public static class ApplicationTransitions
{
    private static readonly Dictionary<string, string[]> Next = new()
    {
        [ApplicationStatuses.Draft] = [ApplicationStatuses.Submitted, ApplicationStatuses.Withdrawn],
        [ApplicationStatuses.Submitted] = [ApplicationStatuses.Admitted, ApplicationStatuses.NotFunded, ApplicationStatuses.Withdrawn],
        [ApplicationStatuses.Admitted] = [ApplicationStatuses.Funded, ApplicationStatuses.NotFunded, ApplicationStatuses.Withdrawn],
    };

    public static IReadOnlyList<string> From(string status) => Next.GetValueOrDefault(status, []);

    /// <summary>Steps only the funding office takes (the decision on the application).</summary>
    public static bool IsDecision(string to) => to is ApplicationStatuses.Admitted or ApplicationStatuses.Funded or ApplicationStatuses.NotFunded;

    public static bool NeedsReason(string to) => to is ApplicationStatuses.NotFunded or ApplicationStatuses.Withdrawn;
}

public static class ApplicationHandlers
{
    public static IQueryable<FundingApplication> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        var q = db.Set<FundingApplication>().AsNoTracking();
        if (FundingAccess.CanManage(user)) return q;
        if (ApplicationAccess.Municipality(user) is { } m)
        {
            var asPartner = db.Set<FundingApplicationPartner>().Where(p => p.IstatCode == m).Select(p => p.ApplicationId);
            return q.Where(a => a.Status != ApplicationStatuses.Draft || a.LeadIstat == m || asPartner.Contains(a.Id));
        }
        if (ApplicationAccess.CoordinatedZone(user) is { } z) return q.Where(a => a.Status != ApplicationStatuses.Draft || a.CoordinatorZone == z);
        return q.Where(a => a.Status != ApplicationStatuses.Draft);
    }

    public static async Task<Paged<ApplicationRow>> ListAsync(AppDbContext db, ClaimsPrincipal user, ListQuery query, long? call, CancellationToken ct)
    {
        var q = Visible(db, user);
        if (call is { } c) q = q.Where(a => a.CallId == c);
        q = q.OrderByDescending(a => a.Id);
        var total = await q.CountAsync(ct);
        var items = await q.Skip(query.EffectiveOffset).Take(query.EffectiveLimit)
            .Select(a => new ApplicationRow(a.Id, a.CallId, a.LeadIstat, a.Title, a.RequestedAmount, a.Status)).ToListAsync(ct);
        return new Paged<ApplicationRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<ApplicationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        var a = await db.Set<FundingApplication>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var partners = await db.Set<FundingApplicationPartner>().AsNoTracking().Where(p => p.ApplicationId == id).Select(p => p.IstatCode).OrderBy(p => p).ToListAsync(ct);
        if (!ApplicationAccess.CanSee(user, a.Status, a.LeadIstat, partners, a.CoordinatorZone)) return null;
        var history = await db.Set<FundingApplicationStatusChange>().AsNoTracking().Where(h => h.ApplicationId == id).OrderBy(h => h.Id)
            .Select(h => new StatusChangeView(h.FromStatus, h.ToStatus, h.Reason, h.ChangedBy, h.ChangedAt)).ToListAsync(ct);
        var call = await db.Set<FundingCall>().Where(c => c.Id == a.CallId).Select(c => new { c.Title, c.ClosesOn }).SingleAsync(ct);
        var involved = partners.Append(a.LeadIstat).ToList();
        var names = await db.Reads<ITerritoryQueries>().Comuni.Where(c => involved.Contains(c.IstatCode)).ToDictionaryAsync(c => c.IstatCode, c => c.Name, ct);
        var orgIds = db.Set<FundingApplicationOrganisation>().Where(o => o.ApplicationId == id).Select(o => o.OrganisationId);
        var organisations = await db.Reads<ITerritoryQueries>().Organisations.Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new OrganisationView(o.Id, o.Name)).ToListAsync(ct);
        var documents = await db.Set<FundingApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
            .Select(d => new ApplicationDocumentView(d.Id, d.Title, d.FileName, d.Size, d.Sha256, d.UploadedAt)).ToListAsync(ct);
        var applicant = ApplicationAccess.IsApplicant(user, a.LeadIstat, a.CoordinatorZone);
        var next = ApplicationTransitions.From(a.Status)
            .Where(to => ApplicationTransitions.IsDecision(to) ? FundingAccess.CanManage(user) : applicant).ToList();
        return new ApplicationDetail(a.Id, a.CallId, call.Title, a.LeadIstat, a.Title, a.RequestedAmount, a.Status, partners, next, history, a.Version,
            names.GetValueOrDefault(a.LeadIstat, a.LeadIstat), partners.Select(p => new Projects.ProjectComuneView(p, names.GetValueOrDefault(p, p))).OrderBy(p => p.Name).ToList(),
            organisations, a.SupportRequested, documents, a.ProjectCup, call.ClosesOn, a.CoordinatorZone, applicant && a.Status == ApplicationStatuses.Draft);
    }

    public static async Task<(Outcome Outcome, long? Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ApplicationRequest r, CancellationToken ct)
    {
        if (!ApplicationAccess.CanCreate(user)) return (new Outcome.Forbidden(), null);
        var e = new Dictionary<string, string[]>();
        var call = r.CallId is { } cid ? await db.Set<FundingCall>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (call is null) e["callId"] = ["Indica un bando esistente."];
        var zoneOf = await db.Reads<ITerritoryQueries>().Comuni.ToDictionaryAsync(c => c.IstatCode, c => c.ZoneCode, ct);
        var comuni = zoneOf.Keys.ToHashSet();
        var lead = r.LeadIstat?.Trim() ?? "";
        // A zone coordinator assembles a partnership of their zone: the lead and every partner are Comuni of that zone.
        var coordinatorZone = FundingAccess.CanManage(user) || ApplicationAccess.Municipality(user) is not null ? null : ApplicationAccess.CoordinatedZone(user);
        if (!comuni.Contains(lead)) e["leadIstat"] = ["Indica il Comune capofila (codice ISTAT)."];
        else if (coordinatorZone is not null && zoneOf[lead] != coordinatorZone) e["leadIstat"] = ["Il capofila deve essere un Comune della tua zona."];
        else if (coordinatorZone is null && !ApplicationAccess.IsApplicant(user, lead, null)) return (new Outcome.Forbidden(), null);
        if (string.IsNullOrWhiteSpace(r.Title)) e["title"] = ["Indica il titolo della domanda."];
        else if (r.Title.Length > 300) e["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.RequestedAmount is not > 0) e["requestedAmount"] = ["Indica l'importo richiesto (più di zero)."];
        else if (call?.Budget is { } budget && r.RequestedAmount > budget) e["requestedAmount"] = ["L'importo richiesto supera la dotazione del bando."];
        var partners = (r.Partners ?? []).Select(p => p.Trim()).ToList();
        if (partners.Any(p => !comuni.Contains(p))) e["partners"] = ["Un partner non è un Comune della Città metropolitana."];
        else if (partners.Distinct().Count() != partners.Count || partners.Contains(lead)) e["partners"] = ["I partner sono ripetuti o includono il capofila."];
        else if (call?.PartnersMax is { } max && partners.Count + (r.Organisations?.Count ?? 0) > max) e["partners"] = ["I partner sono più di quelli ammessi dal bando."];
        else if (coordinatorZone is not null && partners.Any(p => zoneOf[p] != coordinatorZone)) e["partners"] = ["I partner devono essere Comuni della tua zona."];
        var organisations = (r.Organisations ?? []).ToList();
        if (organisations.Count > 0)
        {
            var known = await db.Reads<ITerritoryQueries>().Organisations.Where(o => organisations.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            if (known.Count != organisations.Distinct().Count() || organisations.Distinct().Count() != organisations.Count)
                e["organisations"] = ["Un'organizzazione partner non è nel registro o è ripetuta."];
        }
        if (r.SupportRequested is { Length: > 2000 }) e["supportRequested"] = ["Il supporto richiesto non può superare 2000 caratteri."];
        if (e.Count > 0) return (new Outcome.Invalid(e), null);
        var now = clock.GetUtcNow().UtcDateTime;
        var a = new FundingApplication
        {
            CallId = call!.Id, LeadIstat = lead, Title = r.Title!.Trim(), RequestedAmount = r.RequestedAmount!.Value,
            SupportRequested = string.IsNullOrWhiteSpace(r.SupportRequested) ? null : r.SupportRequested.Trim(), CoordinatorZone = coordinatorZone,
            CreatedBy = CurrentUser.Of(user).Name, CreatedAt = now, UpdatedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(a);
        await db.SaveChangesAsync(ct);
        db.AddRange(partners.Select(p => new FundingApplicationPartner { ApplicationId = a.Id, IstatCode = p }));
        db.AddRange(organisations.Select(o => new FundingApplicationOrganisation { ApplicationId = a.Id, OrganisationId = o }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(a.Version), a.Id);
    }

    public static async Task<Outcome> TransitionAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, ApplicationTransitionRequest r, CancellationToken ct)
    {
        var a = await db.Set<FundingApplication>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return new Outcome.NotFound();
        var partners = await db.Set<FundingApplicationPartner>().AsNoTracking().Where(p => p.ApplicationId == id).Select(p => p.IstatCode).ToListAsync(ct);
        if (!ApplicationAccess.CanSee(user, a.Status, a.LeadIstat, partners, a.CoordinatorZone)) return new Outcome.NotFound();
        if (!ApplicationAccess.IsApplicant(user, a.LeadIstat, a.CoordinatorZone) && !FundingAccess.CanManage(user)) return new Outcome.Forbidden();
        if (!ApplicationStatuses.IsKnown(r.To)) return new Outcome.Invalid(new() { ["to"] = ["Stato sconosciuto."] });
        var to = r.To!;
        if (ApplicationTransitions.IsDecision(to) && !FundingAccess.CanManage(user)) return new Outcome.Forbidden();
        if (version is { } v && v != a.Version) return new Outcome.Conflict(a.Version);
        if (!ApplicationTransitions.From(a.Status).Contains(to))
            return new Outcome.Refused($"Una domanda «{ApplicationStatuses.Label(a.Status)}» non può passare a «{ApplicationStatuses.Label(to)}».");
        if (ApplicationTransitions.NeedsReason(to) && string.IsNullOrWhiteSpace(r.Reason)) return new Outcome.Invalid(new() { ["reason"] = ["Indica il motivo."] });
        if (r.Reason is { Length: > 2000 }) return new Outcome.Invalid(new() { ["reason"] = ["Il motivo non può superare 2000 caratteri."] });
        if (to == ApplicationStatuses.Submitted)
        {
            var call = await db.Set<FundingCall>().AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
            var today = CivilClock.Today(clock);
            if (call.ClosesOn is { } closes && closes < today)
                return new Outcome.Invalid(new() { ["deadline"] = [$"La scadenza del bando ({closes:dd/MM/yyyy}) è passata: la domanda non può essere presentata."] });
            if (call.Budget is { } budget && a.RequestedAmount > budget)
                return new Outcome.Invalid(new() { ["requestedAmount"] = ["L'importo richiesto supera la dotazione del bando."] });
            if (call.Status != FundingCallStatuses.Open || call.OpensOn > today)
                return new Outcome.Refused("Il bando non è aperto: la domanda non può essere presentata.");
            if (call.PartnersMin is { } min && partners.Count < min) return new Outcome.Refused($"Il bando chiede almeno {min} partner.");
            var rules = await db.Set<FundingCallRule>().AsNoTracking().Where(x => x.CallId == call.Id).ToListAsync(ct);
            var involved = partners.Append(a.LeadIstat).ToList();
            var facts = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().Where(c => involved.Contains(c.IstatCode))
                .Select(c => new ComuneFacts(c.IstatCode, c.Name, c.ZoneCode, c.Population)).ToListAsync(ct);
            if (facts.Select(f => EligibilityEvaluator.Evaluate(rules, f)).FirstOrDefault(x => !x.Eligible) is { } excluded)
                return new Outcome.Refused($"{excluded.Comune.Name} non è ammissibile: {excluded.Excluding!.Text}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (to == ApplicationStatuses.Funded)
        {
            var cup = r.Cup?.Trim().ToUpperInvariant() ?? "";
            if (!IdentifierCheck.ValidateCup(cup).Ok) return new Outcome.Invalid(new() { ["cup"] = ["Indica un CUP valido (15 caratteri) per il progetto finanziato."] });
            if (await db.Set<FundingProject>().AnyAsync(p => p.Cup == cup, ct)) return new Outcome.Invalid(new() { ["cup"] = ["Esiste già un progetto con questo CUP."] });
            var call = await db.Set<FundingCall>().AsNoTracking().SingleAsync(c => c.Id == a.CallId, ct);
            var leadName = await db.Reads<ITerritoryQueries>().Comuni.Where(c => c.IstatCode == a.LeadIstat).Select(c => c.Name).SingleAsync(ct);
            var mission = call.Programme == FundingProgrammes.Pnrr && call.MeasureCode is { Length: >= 2 } m && m[0] == 'M' ? m[..2] : null;
            db.Add(new FundingProject
            {
                Cup = cup, Title = a.Title, Programme = call.Programme, Mission = mission, Measure = call.MeasureCode, Owner = call.Issuer,
                LeadTaxCode = call.IssuerTaxCode, LeadName = call.Issuer, ImplementerName = "Comune di " + leadName, ImplementerIstat = a.LeadIstat,
                BeneficiaryName = "Comune di " + leadName, TotalCost = a.RequestedAmount, Source = "application", ApplicationId = a.Id, CreatedAt = now, UpdatedAt = now,
            });
            db.AddRange(partners.Append(a.LeadIstat).Distinct().Select(p => new FundingProjectComune { Cup = cup, IstatCode = p }));
            db.Add(new FundingLine { Cup = cup, Source = FundingSources.ForProgramme(call.Programme), Amount = a.RequestedAmount });
            a.ProjectCup = cup;
        }
        db.ExpectVersion(a, a.Version);
        db.Add(new FundingApplicationStatusChange
        {
            ApplicationId = a.Id, FromStatus = a.Status, ToStatus = to, Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
            ChangedBy = CurrentUser.Of(user).Name, ChangedAt = now,
        });
        (a.Status, a.UpdatedAt) = (to, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict((await db.Set<FundingApplication>().AsNoTracking().SingleAsync(x => x.Id == id, ct)).Version);
        }
        return new Outcome.Done(a.Version);
    }
}
