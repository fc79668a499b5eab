using Metropoli.Platform.Ui;
using System.Security.Claims;
using Metropoli.Participation.Consultations;
using Metropoli.Participation.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Proposals;

/// <summary>Too many proposals or comments in a short time, by one person or one organisation: 429.</summary>
public sealed record Flooded(string Reason) : Outcome;

public sealed record ProposalRequest
{
    public string? Title { get; init; }
    public string? Text { get; init; }
    /// <summary>Consent to show the person's name (proposals without an organisation).</summary>
    public bool ShowName { get; init; }
}

public sealed record CommentRequest
{
    public string? Text { get; init; }
}

public sealed record ModerationRequest
{
    public bool Hidden { get; init; } = true;
    public string? Reason { get; init; }
}

public sealed record AnswerRequest
{
    public string? Answer { get; init; }
    public string? Reason { get; init; }
    public long? ObjectiveId { get; init; }
    public long? ActionId { get; init; }
}

public sealed record OrganisationName(long Id, string Name);
public sealed record CommentView(long Id, string? Html, string? Text, string Author, bool Hidden, string? ModerationReason, DateTimeOffset CreatedAt);

/// <summary>A proposal as shown: <see cref="Html"/> is the sanitised rendering and <see cref="Text"/> plain text without
/// markup; both are null when the proposal is withdrawn or hidden (the secretariat still sees them when hidden).</summary>
public sealed record ProposalView(long Id, long ConsultationId, string Title, string? Html, string? Text, OrganisationName? Organisation, string Author,
    int Endorsements, string Status, string? Answer, string? AnswerReason, DateTimeOffset? AnsweredAt, PlanItem? TakenUpObjective, PlanItem? TakenUpAction,
    string? ModerationReason, IReadOnlyList<CommentView> Comments, bool CanWithdraw, bool CanEndorse, bool IsDemo, DateTimeOffset CreatedAt, int Version);

public static class ProposalStatuses
{
    public const string Submitted = "submitted";
    public const string Answered = "answered";
    public const string Withdrawn = "withdrawn";
    public const string Hidden = "hidden";

    public static string Of(Proposal p) => p.IsHidden ? Hidden : p.IsWithdrawn ? Withdrawn : p.Answer is not null ? Answered : Submitted;

    public static string Label(string code) => code switch
    {
        Submitted => "in attesa di risposta",
        Answered => "con risposta",
        Withdrawn => "ritirata",
        Hidden => "nascosta dalla moderazione",
        _ => code,
    };
}

/// <summary>Proposals, endorsements, comments, moderation and official answers.</summary>
public static class ProposalHandlers
{
    /// <summary>Flood limits (ADR 0043).</summary>
    public const int ProposalsPerPersonPerHour = 3;
    public const int ProposalsPerPersonPerConsultation = 5;
    public const int ProposalsPerOrganisationPerConsultation = 10;
    public const int CommentsPerPersonPerHour = 10;
    public const int CommentsPerOrganisationPerHour = 30;

    public const string AnonymousAuthor = "Partecipante";

    /// <summary>Forum members with an organisation always; any signed-in person when the consultation is open to all.</summary>
    public static bool MayTakePart(ClaimsPrincipal user, Consultation c) =>
        user.Identity?.IsAuthenticated == true && ParticipationAccess.UserId(user) is not null
        && ((user.IsInRole(Roles.ForumMember) && ParticipationAccess.Organisation(user) is not null) || c.OpenToAll);

    /// <summary>How many proposals an export reads at a time (keyset on the id): the files get every row, never a cap.</summary>
    public const int ReadBatch = 1000;

    /// <summary>Every proposal of <paramref name="query"/> in id order, read in batches of <see cref="ReadBatch"/> (for
    /// the downloads: no silent cap, ADR 0043 addendum on paging).</summary>
    public static async Task<List<ProposalView>> ViewsAsync(AppDbContext db, ClaimsPrincipal user, IQueryable<Proposal> query, CancellationToken ct)
    {
        var all = new List<ProposalView>();
        long after = 0;
        while (true)
        {
            var batch = await query.AsNoTracking().Where(p => p.Id > after).OrderBy(p => p.Id).Take(ReadBatch).ToListAsync(ct);
            all.AddRange(await ViewsOfAsync(db, user, batch, ct));
            if (batch.Count < ReadBatch) return all;
            after = batch[^1].Id;
        }
    }

    /// <summary>One page of proposals in a stable order (by id) with the total: the consultation page and
    /// GET /api/v1/consultations/{id}/proposals.</summary>
    public static async Task<Paged<ProposalView>> PageAsync(AppDbContext db, ClaimsPrincipal user, IQueryable<Proposal> query, int limit, int offset, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var batch = offset >= total ? [] : await query.AsNoTracking().OrderBy(p => p.Id).Skip(offset).Take(limit).ToListAsync(ct);
        return new Paged<ProposalView>(await ViewsOfAsync(db, user, batch, ct), total, limit, offset);
    }

    private static async Task<List<ProposalView>> ViewsOfAsync(AppDbContext db, ClaimsPrincipal user, List<Proposal> proposals, CancellationToken ct)
    {
        if (proposals.Count == 0) return [];
        var ids = proposals.Select(p => p.Id).ToList();
        var orgIds = proposals.Select(p => p.OrganisationId).OfType<long>().ToList();
        var comments = await db.Set<ProposalComment>().AsNoTracking().Where(c => ids.Contains(c.ProposalId)).OrderBy(c => c.Id).ToListAsync(ct);
        orgIds.AddRange(comments.Select(c => c.OrganisationId).OfType<long>());
        var orgs = await db.Reads<ITerritoryQueries>().Organisations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var endorsements = await db.Set<Endorsement>().AsNoTracking().Where(e => ids.Contains(e.ProposalId))
            .GroupBy(e => e.ProposalId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var mine = ParticipationAccess.Organisation(user) is { } myOrg
            ? (await db.Set<Endorsement>().AsNoTracking().Where(e => ids.Contains(e.ProposalId) && e.OrganisationId == myOrg).Select(e => e.ProposalId).ToListAsync(ct)).ToHashSet()
            : [];
        var planIds = proposals.SelectMany(p => new[] { p.TakenUpObjectiveId, p.TakenUpActionId }).OfType<long>().ToList();
        var objectives = await db.Reads<IPlanQueries>().Objectives.Where(o => planIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new PlanItem(o.Id, o.Code, o.Title), ct);
        var actions = await db.Reads<IPlanQueries>().Actions.Where(o => planIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new PlanItem(o.Id, o.Code, o.Title), ct);
        var secretariat = ParticipationAccess.IsSecretariat(user);
        var me = ParticipationAccess.UserId(user);
        var myOrganisation = ParticipationAccess.Organisation(user);
        return proposals.Select(p =>
        {
            var readable = !p.IsWithdrawn && (!p.IsHidden || secretariat);
            var org = p.OrganisationId is { } oid && orgs.TryGetValue(oid, out var name) ? new OrganisationName(oid, name) : null;
            return new ProposalView(p.Id, p.ConsultationId, p.Title, readable ? SafeMarkdown.ToHtml(p.Text) : null, readable ? SafeMarkdown.ToPlainText(p.Text) : null,
                org, Author(org?.Name, p.ShowName, p.AuthorName), endorsements.GetValueOrDefault(p.Id), ProposalStatuses.Of(p), p.Answer, p.AnswerReason,
                p.AnsweredAt is { } at ? Meetings.MeetingHandlers.Utc(at) : null,
                p.TakenUpObjectiveId is { } o ? objectives.GetValueOrDefault(o) : null, p.TakenUpActionId is { } a ? actions.GetValueOrDefault(a) : null,
                p.IsHidden ? p.ModerationReason : null,
                comments.Where(c => c.ProposalId == p.Id).Select(c =>
                {
                    var visible = !c.IsHidden || secretariat;
                    var by = c.OrganisationId is { } co && orgs.TryGetValue(co, out var cn) ? cn : AnonymousAuthor;
                    return new CommentView(c.Id, visible ? SafeMarkdown.ToHtml(c.Text) : null, visible ? SafeMarkdown.ToPlainText(c.Text) : null, by,
                        c.IsHidden, c.IsHidden ? c.ModerationReason : null, Meetings.MeetingHandlers.Utc(c.CreatedAt));
                }).ToList(),
                me is not null && p.AuthorUserId == me && !p.IsWithdrawn && p.Answer is null,
                myOrganisation is { } mo && p.OrganisationId != mo && !mine.Contains(p.Id) && !p.IsWithdrawn && !p.IsHidden,
                p.IsDemo, Meetings.MeetingHandlers.Utc(p.CreatedAt), p.Version);
        }).ToList();
    }

    public static string Author(string? organisation, bool showName, string? name) =>
        organisation ?? (showName && !string.IsNullOrWhiteSpace(name) ? name : AnonymousAuthor);

    public static async Task<ProposalView?> GetAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
        (await ViewsAsync(db, user, db.Set<Proposal>().Where(p => p.Id == id), ct)).SingleOrDefault();

    public static async Task<(Outcome Outcome, long Id)> SubmitAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long consultationId, ProposalRequest r, CancellationToken ct)
    {
        var c = await db.Set<Consultation>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null) return (new Outcome.NotFound(), 0);
        if (!MayTakePart(user, c)) return (new Outcome.Forbidden(), 0);
        if (!ConsultationHandlers.IsOpen(c, CivilClock.Today(clock))) return (new Outcome.Refused("La consultazione non è aperta: si accettano proposte solo tra l'apertura e la chiusura."), 0);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 300) errors["title"] = ["Indica il titolo (al massimo 300 caratteri)."];
        if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > 8000) errors["text"] = ["Scrivi la proposta (al massimo 8000 caratteri)."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var me = ParticipationAccess.UserId(user)!;
        var org = user.IsInRole(Roles.ForumMember) ? ParticipationAccess.Organisation(user) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        var mine = db.Set<Proposal>().Where(p => p.AuthorUserId == me);
        if (await mine.CountAsync(p => p.CreatedAt > hourAgo, ct) >= ProposalsPerPersonPerHour)
            return (new Flooded($"Al massimo {ProposalsPerPersonPerHour} proposte all'ora per persona: riprova più tardi."), 0);
        if (await mine.CountAsync(p => p.ConsultationId == consultationId && !p.IsWithdrawn, ct) >= ProposalsPerPersonPerConsultation)
            return (new Flooded($"Al massimo {ProposalsPerPersonPerConsultation} proposte per persona in una consultazione."), 0);
        if (org is { } o && await db.Set<Proposal>().CountAsync(p => p.OrganisationId == o && p.ConsultationId == consultationId && !p.IsWithdrawn, ct) >= ProposalsPerOrganisationPerConsultation)
            return (new Flooded($"Al massimo {ProposalsPerOrganisationPerConsultation} proposte per organizzazione in una consultazione."), 0);
        var p = new Proposal
        {
            ConsultationId = consultationId, Title = r.Title!.Trim(), Text = r.Text!.Trim(), OrganisationId = org, AuthorUserId = me,
            AuthorName = r.ShowName ? user.DisplayName() : null, ShowName = r.ShowName, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(p.Version), p.Id);
    }

    /// <summary>The author withdraws their own proposal, until it is answered.</summary>
    public static async Task<Outcome> WithdrawAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome.NotFound();
        if (p.AuthorUserId != ParticipationAccess.UserId(user)) return new Outcome.Forbidden();
        if (p.IsWithdrawn) return new Outcome.Refused("La proposta è già ritirata.");
        if (p.Answer is not null) return new Outcome.Refused("La proposta ha già la sua risposta: non si può più ritirare.");
        p.IsWithdrawn = true;
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, p, ct);
    }

    /// <summary>One endorsement per organisation: a second one is refused (the database holds the rule too).</summary>
    public static async Task<Outcome> EndorseAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || p.IsHidden) return new Outcome.NotFound();
        if (!user.IsInRole(Roles.ForumMember) || ParticipationAccess.Organisation(user) is not { } org) return new Outcome.Forbidden();
        if (p.IsWithdrawn) return new Outcome.Refused("La proposta è stata ritirata.");
        if (p.OrganisationId == org) return new Outcome.Refused("Un'organizzazione non sostiene la propria proposta.");
        const string twice = "La tua organizzazione sostiene già questa proposta: un solo sostegno per organizzazione.";
        if (await db.Set<Endorsement>().AnyAsync(e => e.ProposalId == id && e.OrganisationId == org, ct)) return new Outcome.Refused(twice);
        db.Add(new Endorsement { ProposalId = id, OrganisationId = org, UserId = ParticipationAccess.UserId(user)!, CreatedAt = clock.GetUtcNow().UtcDateTime });
        return await db.TrySaveAsync(ct) ? new Outcome.Done(1) : new Outcome.Refused(twice);
    }

    public static async Task<(Outcome Outcome, long Id)> CommentAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CommentRequest r, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || p.IsHidden) return (new Outcome.NotFound(), 0);
        var c = await db.Set<Consultation>().AsNoTracking().SingleAsync(x => x.Id == p.ConsultationId, ct);
        if (!MayTakePart(user, c)) return (new Outcome.Forbidden(), 0);
        if (!ConsultationHandlers.IsOpen(c, CivilClock.Today(clock)) || p.IsWithdrawn) return (new Outcome.Refused("Si commenta solo mentre la consultazione è aperta e la proposta non è ritirata."), 0);
        if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Length > 4000) return (new Outcome.Invalid(new() { ["text"] = ["Scrivi il commento (al massimo 4000 caratteri)."] }), 0);
        var me = ParticipationAccess.UserId(user)!;
        var org = user.IsInRole(Roles.ForumMember) ? ParticipationAccess.Organisation(user) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var hourAgo = now.AddHours(-1);
        if (await db.Set<ProposalComment>().CountAsync(x => x.AuthorUserId == me && x.CreatedAt > hourAgo, ct) >= CommentsPerPersonPerHour)
            return (new Flooded($"Al massimo {CommentsPerPersonPerHour} commenti all'ora per persona: riprova più tardi."), 0);
        if (org is { } o && await db.Set<ProposalComment>().CountAsync(x => x.OrganisationId == o && x.CreatedAt > hourAgo, ct) >= CommentsPerOrganisationPerHour)
            return (new Flooded($"Al massimo {CommentsPerOrganisationPerHour} commenti all'ora per organizzazione: riprova più tardi."), 0);
        var comment = new ProposalComment { ProposalId = id, Text = r.Text.Trim(), OrganisationId = org, AuthorUserId = me, CreatedAt = now };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(comment.Version), comment.Id);
    }

    /// <summary>The secretariat hides (or shows again) a proposal with a reason: never deleted, and audited.</summary>
    public static async Task<Outcome> ModerateProposalAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, ModerationRequest r, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome.NotFound();
        if (!ParticipationAccess.IsSecretariat(user)) return new Outcome.Forbidden();
        if (CheckReason(r) is { } invalid) return invalid;
        p.IsHidden = r.Hidden;
        p.ModerationReason = r.Reason!.Trim();
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, p, ct);
    }

    public static async Task<Outcome> ModerateCommentAsync(AppDbContext db, ClaimsPrincipal user, long id, ModerationRequest r, CancellationToken ct)
    {
        var c = await db.Set<ProposalComment>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return new Outcome.NotFound();
        if (!ParticipationAccess.IsSecretariat(user)) return new Outcome.Forbidden();
        if (CheckReason(r) is { } invalid) return invalid;
        c.IsHidden = r.Hidden;
        c.ModerationReason = r.Reason!.Trim();
        return await VersionedSave.SaveAsync(db, c, ct);
    }

    private static Outcome.Invalid? CheckReason(ModerationRequest r) =>
        string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 2000
            ? new Outcome.Invalid(new() { ["reason"] = ["Indica il motivo della moderazione (al massimo 2000 caratteri)."] })
            : null;

    /// <summary>The official answer: accepted, partly or not, with the reasons; an accepted (or partly accepted) proposal
    /// names the plan objective or action that takes it up. Requires the version read (If-Match).</summary>
    public static async Task<Outcome> AnswerAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, AnswerRequest r, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new Outcome.NotFound();
        if (!ParticipationAccess.IsSecretariat(user)) return new Outcome.Forbidden();
        if (p.IsWithdrawn) return new Outcome.Refused("La proposta è stata ritirata dal suo autore.");
        var errors = new Dictionary<string, string[]>();
        if (r.Answer is null || !Answers.All.Contains(r.Answer)) errors["answer"] = [$"Risposta sconosciuta. Valori ammessi: {string.Join(", ", Answers.All)}."];
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 8000) errors["reason"] = ["Indica le motivazioni della risposta (al massimo 8000 caratteri)."];
        if (r.ObjectiveId is { } o && !await db.Reads<IPlanQueries>().Objectives.AnyAsync(x => x.Id == o, ct)) errors["objectiveId"] = ["L'obiettivo indicato non esiste."];
        if (r.ActionId is { } a && !await db.Reads<IPlanQueries>().Actions.AnyAsync(x => x.Id == a, ct)) errors["actionId"] = ["L'azione indicata non esiste."];
        if (r.Answer is Answers.Accepted or Answers.Partly && r.ObjectiveId is null && r.ActionId is null)
            errors["actionId"] = ["Una proposta accolta indica l'azione o l'obiettivo del piano che la recepisce."];
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        p.Answer = r.Answer;
        p.AnswerReason = r.Reason!.Trim();
        p.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        p.TakenUpObjectiveId = r.Answer == Answers.NotAccepted ? null : r.ObjectiveId;
        p.TakenUpActionId = r.Answer == Answers.NotAccepted ? null : r.ActionId;
        p.UpdatedAt = p.AnsweredAt.Value;
        if (db.CheckVersion(p, version) is { } conflict)
        {
            db.ChangeTracker.Clear();
            return conflict;
        }
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == p.AuthorUserId, ct) is { } author)
        {
            await Notifier.NotifyAsync(db, author, "Risposta alla tua proposta", $"{p.Title}: {Answers.Label(p.Answer)}.",
                $"/partecipazione/consultazioni/{p.ConsultationId}#proposta-{p.Id}", $"participation-answer-{p.Id}-{p.Version}", ct);
        }
        return await VersionedSave.SaveAsync(db, p, ct);
    }
}
