using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>A move of a plan to its next status, with the act that decided it (adoption and approval).</summary>
public sealed record TransitionRequest
{
    [Display(Name = "Nuovo stato")]
    public string? Status { get; init; }
    [Display(Name = "Organo")]
    public string? ActBody { get; init; }
    [Display(Name = "Numero dell'atto")]
    public string? ActNumber { get; init; }
    [Display(Name = "Data dell'atto")]
    public DateOnly? ActDate { get; init; }
}

/// <summary>The transition rule, without the database: what may follow what, and what each step needs.</summary>
public static class PlanTransitions
{
    public abstract record Verdict
    {
        public sealed record Allowed : Verdict;
        /// <summary>The move itself is not possible from the current status (409).</summary>
        public sealed record Refused(string Reason) : Verdict;
        /// <summary>The move is possible but something it needs is missing or wrong (422).</summary>
        public sealed record Incomplete(Dictionary<string, string[]> Errors) : Verdict;
    }

    /// <param name="current">The plan's status now.</param>
    /// <param name="request">The target status and the act.</param>
    /// <param name="adoptionDate">The date of the adoption act already recorded, if any.</param>
    /// <param name="actions">How many actions the plan has.</param>
    /// <param name="today">Today in Milan: acts cannot be dated in the future.</param>
    public static Verdict Check(string current, TransitionRequest request, DateOnly? adoptionDate, int actions, DateOnly today)
    {
        var target = request.Status?.Trim();
        if (!PlanStatuses.IsKnown(target))
        {
            return new Verdict.Incomplete(new() { ["status"] = ["Stato sconosciuto. Valori ammessi: adopted, approved, archived."] });
        }
        if (target == current)
        {
            return new Verdict.Refused($"Il piano è già nello stato «{PlanStatuses.Label(current)}».");
        }
        var next = PlanStatuses.Next(current);
        if (next is null)
        {
            return new Verdict.Refused("Un piano archiviato non cambia più stato.");
        }
        if (target != next)
        {
            return new Verdict.Refused($"Un piano nello stato «{PlanStatuses.Label(current)}» può passare solo allo stato «{PlanStatuses.Label(next)}»: "
                + "la sequenza è bozza → adottato → approvato → archiviato, senza salti né ritorni.");
        }

        var errors = new Dictionary<string, string[]>();
        if (target is PlanStatuses.Adopted or PlanStatuses.Approved)
        {
            if (string.IsNullOrWhiteSpace(request.ActBody)) errors["actBody"] = ["Indica l'organo che ha deliberato (per esempio Consiglio metropolitano)."];
            else if (request.ActBody.Trim().Length > 200) errors["actBody"] = ["L'organo non può superare 200 caratteri."];
            if (string.IsNullOrWhiteSpace(request.ActNumber)) errors["actNumber"] = ["Indica il numero dell'atto."];
            else if (request.ActNumber.Trim().Length > 50) errors["actNumber"] = ["Il numero dell'atto non può superare 50 caratteri."];
            if (request.ActDate is not { } date) errors["actDate"] = ["Indica la data dell'atto."];
            else if (date > today) errors["actDate"] = ["La data dell'atto non può essere futura."];
            else if (target == PlanStatuses.Approved && adoptionDate is { } adopted && date < adopted)
                errors["actDate"] = ["L'approvazione non può precedere l'adozione."];
        }
        if (target == PlanStatuses.Adopted && actions == 0)
        {
            errors["status"] = ["Il piano non ha ancora nessuna azione: non si può adottare un piano vuoto."];
        }
        return errors.Count > 0 ? new Verdict.Incomplete(errors) : new Verdict.Allowed();
    }
}

/// <summary>Moves a plan one step forward (plan office and administrators). The change of status and
/// act is an update of the plan, so the audit trail records who did it, when, and from what to what.</summary>
public static class TransitionPlan
{
    public static async Task<Outcome> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion,
        TransitionRequest request, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().Visible(user).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (db.CheckVersion(plan, expectedVersion) is { } conflict) return conflict;
        var actions = await db.Set<PlanAction>().CountAsync(a => a.PlanId == id, ct);
        switch (PlanTransitions.Check(plan.Status, request, plan.AdoptionActDate, actions, CivilClock.Today(clock)))
        {
            case PlanTransitions.Verdict.Refused refused:
                return new Outcome.Refused(refused.Reason);
            case PlanTransitions.Verdict.Incomplete incomplete:
                return new Outcome.Invalid(incomplete.Errors);
        }
        plan.Status = request.Status!.Trim();
        if (plan.Status == PlanStatuses.Adopted)
        {
            (plan.AdoptionActBody, plan.AdoptionActNumber, plan.AdoptionActDate) = (request.ActBody!.Trim(), request.ActNumber!.Trim(), request.ActDate);
        }
        else if (plan.Status == PlanStatuses.Approved)
        {
            (plan.ApprovalActBody, plan.ApprovalActNumber, plan.ApprovalActDate) = (request.ActBody!.Trim(), request.ActNumber!.Trim(), request.ActDate);
        }
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, plan, ct);
    }
}
