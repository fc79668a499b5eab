using System.Security.Claims;
using Metropoli.Participation.Model;
using Metropoli.Participation.Proposals;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Consultations;

public sealed record ConsultationRequest
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Subject { get; init; }
    public long? ObjectiveId { get; init; }
    public long? ActionId { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public DateOnly? AnswerBy { get; init; }
    public bool OpenToAll { get; init; }
}

public sealed record PlanItem(long Id, string Code, string Title);

public sealed record ConsultationRow(long Id, string Title, string Subject, DateOnly OpensOn, DateOnly ClosesOn, DateOnly AnswerBy, bool IsOpen, bool OpenToAll,
    int Proposals, bool IsDemo);

public sealed record ConsultationDetail(long Id, string Title, string Description, string Subject, PlanItem? Objective, PlanItem? Action,
    DateOnly OpensOn, DateOnly ClosesOn, DateOnly AnswerBy, bool IsOpen, bool OpenToAll, bool CanPropose, bool CanModerate, bool IsDemo,
    IReadOnlyList<ProposalView> Proposals, int Version, int ProposalsTotal, int ProposalsLimit, int ProposalsOffset);

/// <summary>Consultations: opened by the secretariat on the plan's yearly update, an objective, an action or a free topic.</summary>
public static class ConsultationHandlers
{
    public static bool IsOpen(Consultation c, DateOnly today) => c.OpensOn <= today && today <= c.ClosesOn;

    /// <summary>Consultations per page on /partecipazione and, without an explicit limit, on GET /api/v1/consultations.</summary>
    public const int PageSize = ListQuery.DefaultLimit;

    /// <summary>One page of the consultations, the latest opened first, with the published proposals of each counted in one
    /// grouped query. The same for every viewer, so the early pages come from the <see cref="ReadCache"/> when given.</summary>
    public static async Task<Paged<ConsultationRow>> PageAsync(AppDbContext db, TimeProvider clock, int limit, int offset, CancellationToken ct, ReadCache? cache = null)
    {
        var today = CivilClock.Today(clock);
        if (cache is null || limit > 50 || offset > 1_000 - limit) return await ComputePageAsync(db, today, limit, offset, ct);
        return await cache.GetAsync(ReadCache.ListKey("participation-consultations", "public", new { limit, offset, today }), ParticipationModule.ReadModel,
            (d, t) => ComputePageAsync(d, today, limit, offset, t), ct);
    }

    private static async Task<Paged<ConsultationRow>> ComputePageAsync(AppDbContext db, DateOnly today, int limit, int offset, CancellationToken ct)
    {
        var consultations = db.Set<Consultation>().AsNoTracking();
        var total = await consultations.CountAsync(ct);
        var page = offset >= total ? [] : await consultations.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Skip(offset).Take(limit)
            .Select(c => new { c.Id, c.Title, c.Subject, c.OpensOn, c.ClosesOn, c.AnswerBy, c.OpenToAll, c.IsDemo }).ToListAsync(ct);
        var ids = page.Select(c => c.Id).ToList();
        var counts = ids.Count == 0 ? [] : await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.ConsultationId) && !p.IsHidden && !p.IsWithdrawn)
            .GroupBy(p => p.ConsultationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new Paged<ConsultationRow>(page.Select(c => new ConsultationRow(c.Id, c.Title, c.Subject, c.OpensOn, c.ClosesOn, c.AnswerBy,
            c.OpensOn <= today && today <= c.ClosesOn, c.OpenToAll, counts.GetValueOrDefault(c.Id), c.IsDemo)).ToList(), total, limit, offset);
    }

    /// <summary>The consultation with the first page of its proposals (<see cref="ListQuery.DefaultLimit"/>).</summary>
    public static Task<ConsultationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct) =>
        GetAsync(db, user, clock, id, ListQuery.DefaultLimit, 0, ct);

    /// <summary>The consultation with one page of its proposals (by id, with the total), or every proposal when
    /// <paramref name="limit"/> is null (the report's downloads: read in batches, never capped).</summary>
    /// <remarks>A visitor who is not signed in sees what every such visitor sees (no form, no moderation, hidden proposals
    /// without their text), so the early pages for them come from the <see cref="ReadCache"/> when given: rendering the
    /// proposals' Markdown is most of the page's cost.</remarks>
    public static async Task<ConsultationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? limit, int offset, CancellationToken ct,
        ReadCache? cache = null)
    {
        if (cache is not null && user.Identity?.IsAuthenticated != true && limit is { } n && n <= 50 && offset <= 1_000 - n)
        {
            var key = ReadCache.ListKey("participation-consultation", "public", new { id, limit, offset, today = CivilClock.Today(clock) });
            return await cache.GetAsync(key, ParticipationModule.ReadModelWithPlan, (d, t) => GetAsync(d, user, clock, id, limit, offset, t), ct);
        }
        var c = await db.Set<Consultation>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var today = CivilClock.Today(clock);
        var plan = db.Reads<IPlanQueries>();
        var objective = c.ObjectiveId is { } oid ? await plan.Objectives.Where(o => o.Id == oid).Select(o => new PlanItem(o.Id, o.Code, o.Title)).FirstOrDefaultAsync(ct) : null;
        var action = c.ActionId is { } aid ? await plan.Actions.Where(o => o.Id == aid).Select(o => new PlanItem(o.Id, o.Code, o.Title)).FirstOrDefaultAsync(ct) : null;
        var query = db.Set<Proposal>().Where(p => p.ConsultationId == id);
        Paged<ProposalView> proposals;
        if (limit is { } l)
        {
            proposals = await ProposalHandlers.PageAsync(db, user, query, l, offset, ct);
        }
        else
        {
            var all = await ProposalHandlers.ViewsAsync(db, user, query, ct);
            proposals = new Paged<ProposalView>(all, all.Count, all.Count, 0);
        }
        return new ConsultationDetail(c.Id, c.Title, c.Description, c.Subject, objective, action, c.OpensOn, c.ClosesOn, c.AnswerBy, IsOpen(c, today), c.OpenToAll,
            IsOpen(c, today) && ProposalHandlers.MayTakePart(user, c), ParticipationAccess.IsSecretariat(user), c.IsDemo, proposals.Items, c.Version,
            proposals.Total, proposals.Limit, proposals.Offset);
    }

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ConsultationRequest r, CancellationToken ct)
    {
        if (!ParticipationAccess.IsSecretariat(user)) return (new Outcome.Forbidden(), 0);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 300) errors["title"] = ["Indica il titolo (al massimo 300 caratteri)."];
        if (string.IsNullOrWhiteSpace(r.Description) || r.Description.Length > 8000) errors["description"] = ["Indica la descrizione (al massimo 8000 caratteri)."];
        if (r.Subject is null || !ConsultationSubjects.All.Contains(r.Subject)) errors["subject"] = [$"Oggetto sconosciuto. Valori ammessi: {string.Join(", ", ConsultationSubjects.All)}."];
        if (r.Subject == ConsultationSubjects.Objective && (r.ObjectiveId is not { } o || !await db.Reads<IPlanQueries>().Objectives.AnyAsync(x => x.Id == o, ct)))
            errors["objectiveId"] = ["Indica un obiettivo del piano."];
        if (r.Subject == ConsultationSubjects.Action && (r.ActionId is not { } a || !await db.Reads<IPlanQueries>().Actions.AnyAsync(x => x.Id == a, ct)))
            errors["actionId"] = ["Indica un'azione del piano."];
        if (r.OpensOn is null) errors["opensOn"] = ["Indica la data di apertura."];
        if (r.ClosesOn is null || r.ClosesOn < r.OpensOn) errors["closesOn"] = ["La chiusura non può precedere l'apertura."];
        if (r.AnswerBy is null || r.AnswerBy < r.ClosesOn) errors["answerBy"] = ["Il termine per le risposte non può precedere la chiusura."];
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Consultation
        {
            Title = r.Title!.Trim(), Description = r.Description!.Trim(), Subject = r.Subject!,
            ObjectiveId = r.Subject == ConsultationSubjects.Objective ? r.ObjectiveId : null, ActionId = r.Subject == ConsultationSubjects.Action ? r.ActionId : null,
            OpensOn = r.OpensOn!.Value, ClosesOn = r.ClosesOn!.Value, AnswerBy = r.AnswerBy!.Value, OpenToAll = r.OpenToAll, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(c.Version), c.Id);
    }
}
