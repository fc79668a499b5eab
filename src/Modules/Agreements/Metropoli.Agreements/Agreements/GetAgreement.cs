using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Agreements;

public sealed record AgreementAct(string Body, string Number, DateOnly Date);
public sealed record CodeName(string Code, string Name);
public sealed record PlanLink(long Id, long PlanId, string Code, string Title);
public sealed record AgreementRef(long Id, string Title, string Status);
public sealed record PartyView(long Id, long OrganisationId, string Name, string OrganisationType, string? MunicipalityIstat, string Role, string? Note, int Version);
public sealed record ObligationView(long Id, long PartyId, string PartyName, string Kind, string Title, string? Description, DateOnly DueDate,
    string Status, DateOnly? CompletedOn, string? EvidenceNote, bool Overdue, bool CanUpdate, int Version);
public sealed record AmendmentView(long Id, int Number, string Title, string? Description, DateOnly SignedOn, DateOnly? NewExpiryDate, DateTimeOffset CreatedAt);
/// <param name="SubmittedBy">For evidence uploaded by a Comune's officer, the Comune (the party that owes the
/// obligation); null for the owner office's documents.</param>
/// <param name="Accepted">False while an officer's upload waits for the owner office.</param>
public sealed record DocumentView(long Id, string Kind, string Title, string FileName, string ContentType, long Size, string Sha256,
    long? ObligationId, long? MeetingId, DateTimeOffset UploadedAt, string? SubmittedBy = null, bool Accepted = true);
public sealed record MeetingView(long Id, DateOnly Date, string? Place, string? Agenda, string? Minutes, int Version);
public sealed record BodyView(long Id, string Name, string? Members, IReadOnlyList<MeetingView> Meetings, int Version);
public sealed record StatusChangeView(string FromStatus, string ToStatus, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record AgreementDetail(long Id, string? Number, string Title, string Type, string? Subject, string? LegalBasis,
    AgreementAct? ApprovalAct, DateOnly? SignatureDate, DateOnly? EffectiveDate, DateOnly? ExpiryDate, int? DurationMonths, bool AutoRenewal,
    decimal? Value, string? Funding, string Visibility, string Status, IReadOnlyList<string> NextStatuses, string? OwnerSector, int? AlertDays,
    bool IsPublic, AgreementRef? Predecessor, IReadOnlyList<AgreementRef> Successors,
    IReadOnlyList<CodeName> Themes, IReadOnlyList<CodeName> Municipalities, IReadOnlyList<CodeName> Zones,
    IReadOnlyList<PlanLink> Objectives, IReadOnlyList<PlanLink> Actions,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<ObligationView> Obligations, IReadOnlyList<AmendmentView> Amendments,
    IReadOnlyList<DocumentView> Documents, IReadOnlyList<BodyView> Bodies, IReadOnlyList<StatusChangeView> History,
    bool CanEdit, DateTimeOffset UpdatedAt, int Version);

public static class GetAgreement
{
    /// <summary>The agreement with everything hanging from it, or null when it does not exist or the user may not see it.</summary>
    public static async Task<AgreementDetail?> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var a = await db.Set<Agreement>().AsNoTracking().Visible(db, user).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var today = CivilClock.Today(clock);
        var canEdit = AgreementAccess.CanEdit(user, a.OwnerSector);
        var themes = await db.Set<AgreementThemeLink>().AsNoTracking().Where(x => x.AgreementId == id)
            .Join(db.Set<AgreementTheme>(), x => x.ThemeCode, t => t.Code, (x, t) => new { t.Code, t.Name, t.SortOrder })
            .OrderBy(t => t.SortOrder).Select(t => new CodeName(t.Code, t.Name)).ToListAsync(ct);
        var comuni = await db.Set<AgreementMunicipality>().AsNoTracking().Where(x => x.AgreementId == id)
            .Join(db.Reads<ITerritoryQueries>().Comuni, x => x.IstatCode, m => m.IstatCode, (x, m) => new { m.IstatCode, m.Name })
            .OrderBy(m => m.Name).Select(m => new CodeName(m.IstatCode, m.Name)).ToListAsync(ct);
        var zones = await db.Set<AgreementZone>().AsNoTracking().Where(x => x.AgreementId == id)
            .Join(db.Reads<ITerritoryQueries>().Zones, x => x.ZoneCode, z => z.Code, (x, z) => new { z.Code, z.Name, z.SortOrder })
            .OrderBy(z => z.SortOrder).Select(z => new CodeName(z.Code, z.Name)).ToListAsync(ct);
        var seeDrafts = db.Reads<IPlanQueries>().SeesDrafts(user);
        var objectives = await db.Set<AgreementObjective>().AsNoTracking().Where(x => x.AgreementId == id)
            .Join(db.Reads<IPlanQueries>().Objectives, x => x.ObjectiveId, o => o.Id, (x, o) => o)
            .Where(o => seeDrafts || db.Reads<IPlanQueries>().Plans.Any(p => p.Id == o.PlanId && !p.IsDraft))
            .OrderBy(o => o.PlanId).ThenBy(o => o.Code).Select(o => new PlanLink(o.Id, o.PlanId, o.Code, o.Title)).ToListAsync(ct);
        var actions = await db.Set<AgreementAction>().AsNoTracking().Where(x => x.AgreementId == id)
            .Join(db.Reads<IPlanQueries>().Actions, x => x.ActionId, o => o.Id, (x, o) => o)
            .Where(o => seeDrafts || db.Reads<IPlanQueries>().Plans.Any(p => p.Id == o.PlanId && !p.IsDraft))
            .OrderBy(o => o.PlanId).ThenBy(o => o.Code).Select(o => new PlanLink(o.Id, o.PlanId, o.Code, o.Title)).ToListAsync(ct);
        var parties = await db.Set<AgreementParty>().AsNoTracking().Where(p => p.AgreementId == id)
            .Join(db.Reads<ITerritoryQueries>().Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p, o })
            .OrderBy(x => x.o.Name)
            .Select(x => new PartyView(x.p.Id, x.o.Id, x.o.Name, x.o.Type, x.o.MunicipalityIstat, x.p.Role, x.p.Note, x.p.Version)).ToListAsync(ct);
        var sortedParties = parties.OrderBy(p => PartyRoles.All.ToList().IndexOf(p.Role)).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var partyById = parties.ToDictionary(p => p.Id);
        var obligations = (await db.Set<AgreementObligation>().AsNoTracking().Where(o => o.AgreementId == id)
                .OrderBy(o => o.DueDate).ThenBy(o => o.Id).ToListAsync(ct))
            .Select(o => new ObligationView(o.Id, o.PartyId, partyById.TryGetValue(o.PartyId, out var p) ? p.Name : "", o.Kind, o.Title, o.Description, o.DueDate,
                o.Status, o.CompletedOn, o.EvidenceNote, ObligationStatuses.IsOverdue(o.Status, o.DueDate, today),
                !AgreementStatuses.Final.Contains(a.Status) && AgreementAccess.CanUpdateObligation(user, a.OwnerSector, p?.MunicipalityIstat), o.Version))
            .ToList();
        var amendments = (await db.Set<AgreementAmendment>().AsNoTracking().Where(x => x.AgreementId == id).OrderBy(x => x.Number).ToListAsync(ct))
            .Select(x => new AmendmentView(x.Id, x.Number, x.Title, x.Description, x.SignedOn, x.NewExpiryDate, Utc(x.CreatedAt))).ToList();
        var debtorOf = obligations.ToDictionary(o => o.Id, o => o.PartyName);
        var documents = (await db.Set<AgreementDocument>().AsNoTracking().Where(x => x.AgreementId == id).OrderBy(x => x.UploadedAt).ThenBy(x => x.Id).ToListAsync(ct))
            .Where(x => Documents.UploadDocument.MaySee(user, a.OwnerSector, x.AcceptedAt, x.UploadedByIstat))
            .Select(x => new DocumentView(x.Id, x.Kind, x.Title, x.FileName, x.ContentType, x.Size, x.Sha256, x.ObligationId, x.MeetingId, Utc(x.UploadedAt),
                x.UploadedByIstat is null ? null : x.ObligationId is { } oid && debtorOf.TryGetValue(oid, out var debtor) ? debtor : x.UploadedByIstat,
                x.AcceptedAt is not null)).ToList();
        var bodies = await db.Set<AgreementBody>().AsNoTracking().Where(x => x.AgreementId == id).OrderBy(x => x.Name).ToListAsync(ct);
        var bodyIds = bodies.Select(b => b.Id).ToList();
        var meetings = await db.Set<AgreementMeeting>().AsNoTracking().Where(m => bodyIds.Contains(m.BodyId)).OrderBy(m => m.Date).ToListAsync(ct);
        var bodyViews = bodies.Select(b => new BodyView(b.Id, b.Name, b.Members,
            meetings.Where(m => m.BodyId == b.Id).Select(m => new MeetingView(m.Id, m.Date, m.Place, m.Agenda, m.Minutes, m.Version)).ToList(), b.Version)).ToList();
        var history = (await db.Set<AgreementStatusChange>().AsNoTracking().Where(x => x.AgreementId == id).OrderBy(x => x.Id).ToListAsync(ct))
            .Select(x => new StatusChangeView(x.FromStatus, x.ToStatus, x.Reason, x.ChangedBy, Utc(x.ChangedAt))).ToList();
        var visible = db.Set<Agreement>().AsNoTracking().Visible(db, user);
        var predecessor = a.PredecessorId is { } pid
            ? await visible.Where(x => x.Id == pid).Select(x => new AgreementRef(x.Id, x.Title, x.Status)).SingleOrDefaultAsync(ct)
            : null;
        var successors = await visible.Where(x => x.PredecessorId == id).OrderBy(x => x.Id).Select(x => new AgreementRef(x.Id, x.Title, x.Status)).ToListAsync(ct);
        var act = a.ApprovalActBody is { } body && a.ApprovalActNumber is { } number && a.ApprovalActDate is { } date ? new AgreementAct(body, number, date) : null;
        return new AgreementDetail(a.Id, a.Number, a.Title, a.Type, a.Subject, a.LegalBasis, act, a.SignatureDate, a.EffectiveDate, a.ExpiryDate,
            a.DurationMonths, a.AutoRenewal, a.Value, a.Funding, a.Visibility, a.Status, canEdit ? AgreementTransitions.Next(a.Status) : [],
            a.OwnerSector, a.AlertDays, AgreementAccess.IsPublic(a.Visibility, a.Status), predecessor, successors,
            themes, comuni, zones, objectives, actions, sortedParties, obligations, amendments, documents, bodyViews, history,
            canEdit && !AgreementStatuses.Final.Contains(a.Status), Utc(a.UpdatedAt), a.Version);
    }

    private static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero);
}
