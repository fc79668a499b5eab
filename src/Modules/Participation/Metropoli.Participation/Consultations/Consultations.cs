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

    public static async Task<List<ConsultationRow>> ListAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var rows = await db.Set<Consultation>().AsNoTracking().OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id)
            .Select(c => new { c, Count = db.Set<Proposal>().Count(p => p.ConsultationId == c.Id && !p.IsHidden && !p.IsWithdrawn) }).ToListAsync(ct);
        return rows.Select(x => new ConsultationRow(x.c.Id, x.c.Title, x.c.Subject, x.c.OpensOn, x.c.ClosesOn, x.c.AnswerBy, IsOpen(x.c, today), x.c.OpenToAll, x.Count, x.c.IsDemo)).ToList();
    }

    /// <summary>The consultation with the first page of its proposals (<see cref="ListQuery.DefaultLimit"/>).</summary>
    public static Task<ConsultationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, CancellationToken ct) =>
        GetAsync(db, user, clock, id, ListQuery.DefaultLimit, 0, ct);

    /// <summary>The consultation with one page of its proposals (by id, with the total), or every proposal when
    /// <paramref name="limit"/> is null (the report's downloads: read in batches, never capped).</summary>
    public static async Task<ConsultationDetail?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? limit, int offset, CancellationToken ct)
    {
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
