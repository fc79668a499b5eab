using Metropoli.Platform.Sectors;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>Carries an action over into a later plan, under one of its objectives.</summary>
public sealed record CarryOverRequest
{
    [Display(Name = "Obiettivo del piano successivo")]
    public long? TargetObjectiveId { get; init; }
    /// <summary>The code in the new plan; the same code when omitted.</summary>
    [Display(Name = "Codice nel nuovo piano")]
    public string? Code { get; init; }
}

/// <summary>Creating, editing, updating the progress of, deleting and carrying over actions. The plan
/// office and administrators do everything; a sector officer updates the monitoring fields (status,
/// progress, dates, narrative) of the actions of their own sector, and nothing else.</summary>
public static class SaveAction
{
    public const string SectorOnlyProgress = "Puoi modificare solo stato, avanzamento, date e stato di attuazione delle azioni del tuo settore.";

    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, ActionRequest r, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        var target = r.ObjectiveId is { } objectiveId ? await ObjectivePlanAsync(db, user, objectiveId, ct) : null;
        if (target is null) return (new Outcome.Invalid(new() { ["objectiveId"] = ["Scegli un obiettivo esistente."] }), 0);
        if (target.Value.Status == PlanStatuses.Archived) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        var (errors, values) = ActionRules.Check(r, await ActionReference.LoadAsync(db, ct));
        await CheckCodeAsync(db, target.Value.PlanId, StructureRules.NormalizeCode(r.Code), null, errors, ct);
        await SectorRegistry.CheckAsync(db, values?.OwnerSector, null, errors, "ownerSector", ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);

        var sortOrder = values!.SortOrder ?? (await db.Set<PlanAction>().Where(a => a.ObjectiveId == values.ObjectiveId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        return await InsertAsync(db, target.Value.PlanId, values with { SortOrder = sortOrder }, null, clock, ct);
    }

    /// <summary>Inserts an action and its links in one transaction (the caller's, when it has one).</summary>
    internal static async Task<(Outcome Outcome, long Id)> InsertAsync(AppDbContext db, long planId, ActionValues values, long? previousActionId,
        TimeProvider clock, CancellationToken ct)
    {
        var action = new PlanAction { PlanId = planId, PreviousActionId = previousActionId };
        Apply(action, values, clock);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Add(action);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (own is not null)
            {
                // The unique index on (plan, code) caught a concurrent save of the same code.
                db.ChangeTracker.Clear();
                return (new Outcome.Invalid(new() { ["code"] = ["Nel piano esiste già un'azione con questo codice."] }), 0);
            }
            // The links need the new id: same transaction, so the action appears with all of them or not at all.
            await ReplaceLinksAsync(db, action.Id, values, ct);
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
        return (new Outcome.Done(action.Version), action.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, ActionRequest r, CancellationToken ct)
    {
        var current = await GetAction.HandleAsync(db, user, id, ct);
        if (current is null) return new Outcome.NotFound();
        var manager = PlanAccess.CanManage(user);
        if (!manager && !PlanAccess.CanUpdateProgress(user, current.OwnerSector)) return new Outcome.Forbidden();
        if (current.PlanStatus == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        var (errors, values) = ActionRules.Check(r, await ActionReference.LoadAsync(db, ct));
        if (values is not null && !manager && ChangesStructure(current, values))
        {
            // The owner sector sent the whole action (GET, change, PUT) but touched more than its part.
            return new Outcome.Forbidden();
        }
        if (values is not null && values.ObjectiveId != current.ObjectiveId
            && (await ObjectivePlanAsync(db, user, values.ObjectiveId, ct))?.PlanId != current.PlanId)
        {
            errors["objectiveId"] = ["Scegli un obiettivo dello stesso piano: per passare a un altro piano usa «riporta nel piano successivo»."];
        }
        await CheckCodeAsync(db, current.PlanId, StructureRules.NormalizeCode(r.Code), id, errors, ct);
        await SectorRegistry.CheckAsync(db, values?.OwnerSector, current.OwnerSector, errors, "ownerSector", ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (expectedVersion is not { } version || version != current.Version) return new Outcome.Conflict(current.Version);

        var action = await db.Set<PlanAction>().SingleAsync(a => a.Id == id, ct);
        db.ExpectVersion(action, version);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Apply(action, values!.SortOrder is null ? values with { SortOrder = action.SortOrder } : values, clock);
        await ReplaceLinksAsync(db, id, values, ct);
        var outcome = await VersionedSave.SaveAsync(db, action, ct);
        if (outcome is Outcome.Done)
        {
            await tx.CommitAsync(ct);
        }
        return outcome;
    }

    public static async Task<Outcome> UpdateProgressAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion,
        ActionProgressRequest r, CancellationToken ct)
    {
        var action = await db.Set<PlanAction>().SingleOrDefaultAsync(a => a.Id == id, ct);
        var status = action is null ? null : await StructureRules.PlanStatusAsync(db, user, action.PlanId, ct);
        if (action is null || status is null) return new Outcome.NotFound();
        if (!PlanAccess.CanUpdateProgress(user, action.OwnerSector)) return new Outcome.Forbidden();
        if (status == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        var errors = new Dictionary<string, string[]>();
        if (r.Status is null) errors["status"] = ["Scegli lo stato dell'azione."];
        if (r.Progress is null) errors["progress"] = ["Indica l'avanzamento in percentuale."];
        ActionRules.CheckProgress(r.Status, r.Progress, r.StartDate, r.EndDate, r.Narrative, errors);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (db.CheckVersion(action, expectedVersion) is { } conflict) return conflict;
        action.Status = r.Status!;
        action.Progress = r.Progress!.Value;
        action.StartDate = r.StartDate;
        action.EndDate = r.EndDate;
        action.Narrative = StructureRules.Blank(r.Narrative);
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await VersionedSave.SaveAsync(db, action, ct);
    }

    public static async Task<Outcome> DeleteAsync(AppDbContext db, ClaimsPrincipal user, long id, int? expectedVersion, CancellationToken ct)
    {
        var action = await db.Set<PlanAction>().SingleOrDefaultAsync(a => a.Id == id, ct);
        var status = action is null ? null : await StructureRules.PlanStatusAsync(db, user, action.PlanId, ct);
        if (action is null || status is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (status != PlanStatuses.Draft) return new Outcome.Refused(StructureRules.DeleteOnlyInDraft);
        if (db.CheckVersion(action, expectedVersion) is { } conflict) return conflict;
        if (await db.Set<PlanAction>().AnyAsync(a => a.PreviousActionId == id, ct))
            return new Outcome.Refused("L'azione è stata riportata in un altro piano, che ne conserva il collegamento: non si può eliminare.");
        // Links go with the action (cascade), each one recorded in the audit trail.
        db.RemoveRange(await db.Set<PlanActionPartner>().Where(x => x.ActionId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanActionMunicipality>().Where(x => x.ActionId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanActionZone>().Where(x => x.ActionId == id).ToListAsync(ct));
        db.RemoveRange(await db.Set<PlanActionTag>().Where(x => x.ActionId == id).ToListAsync(ct));
        db.Remove(action);
        return await VersionedSave.SaveAsync(db, action, ct);
    }

    public static async Task<(Outcome Outcome, long Id)> CarryOverAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id,
        CarryOverRequest r, CancellationToken ct)
    {
        var source = await GetAction.HandleAsync(db, user, id, ct);
        if (source is null) return (new Outcome.NotFound(), 0);
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        var target = r.TargetObjectiveId is { } objectiveId ? await ObjectivePlanAsync(db, user, objectiveId, ct) : null;
        if (target is null) return (new Outcome.Invalid(new() { ["targetObjectiveId"] = ["Scegli un obiettivo del piano in cui riportare l'azione."] }), 0);
        var (planId, planStatus, startYear) = target.Value;
        var sourceStart = await db.Set<Plan>().Where(p => p.Id == source.PlanId).Select(p => p.StartYear).SingleAsync(ct);
        if (planId == source.PlanId || startYear <= sourceStart)
            return (new Outcome.Refused("Un'azione si riporta solo in un piano successivo, che inizia dopo il suo."), 0);
        if (planStatus == PlanStatuses.Archived) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        if (await db.Set<PlanAction>().AnyAsync(a => a.PlanId == planId && a.PreviousActionId == id, ct))
            return (new Outcome.Refused("L'azione è già stata riportata in quel piano."), 0);
        var request = source.ToRequest() with { ObjectiveId = r.TargetObjectiveId, Code = r.Code ?? source.Code, SortOrder = null };
        var (errors, values) = ActionRules.Check(request, await ActionReference.LoadAsync(db, ct));
        await CheckCodeAsync(db, planId, values?.Code, null, errors, ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);
        var sortOrder = (await db.Set<PlanAction>().Where(a => a.ObjectiveId == values!.ObjectiveId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        return await InsertAsync(db, planId, values! with { SortOrder = sortOrder }, id, clock, ct);
    }

    /// <summary>The plan of an objective the user may see: id, status and first year.</summary>
    private static async Task<(long PlanId, string Status, int StartYear)?> ObjectivePlanAsync(AppDbContext db, ClaimsPrincipal user, long objectiveId, CancellationToken ct)
    {
        var r = await (from o in db.Set<PlanObjective>().AsNoTracking()
                       join p in db.Set<Plan>().Visible(user) on o.PlanId equals p.Id
                       where o.Id == objectiveId
                       select new { p.Id, p.Status, p.StartYear }).SingleOrDefaultAsync(ct);
        return r is null ? null : (r.Id, r.Status, r.StartYear);
    }

    private static async Task CheckCodeAsync(AppDbContext db, long planId, string? code, long? id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (code is not null && !errors.ContainsKey("code")
            && await db.Set<PlanAction>().AnyAsync(a => a.PlanId == planId && a.Code == code && a.Id != (id ?? 0), ct))
        {
            errors["code"] = ["Nel piano esiste già un'azione con questo codice."];
        }
    }

    /// <summary>Whether the values differ from the stored action outside the monitoring fields.</summary>
    private static bool ChangesStructure(ActionDetail current, ActionValues v) =>
        v.ObjectiveId != current.ObjectiveId || v.Code != current.Code || v.Title != current.Title || v.Description != current.Description
        || (v.SortOrder is { } order && order != current.SortOrder) || v.OwnerSector != current.OwnerSector
        || v.LeadOrganisationId != current.LeadOrganisation?.Id || !v.Partners.SequenceEqual(current.Partners.Select(p => p.Id).Order())
        || v.Budget != current.Budget || v.DupMission != current.DupMission?.Code || v.DupProgramme != current.DupProgramme?.Code
        || v.DupObjectiveCode != current.DupObjectiveCode
        || !v.Municipalities.SequenceEqual(current.Municipalities.Select(m => m.Code).Order(StringComparer.Ordinal))
        || !v.Zones.SequenceEqual(current.Zones.Select(z => z.Code).Order(StringComparer.Ordinal))
        || !v.Tags.SequenceEqual(current.Tags.Select(t => t.Code).Order(StringComparer.Ordinal));

    internal static void Apply(PlanAction a, ActionValues v, TimeProvider clock)
    {
        a.ObjectiveId = v.ObjectiveId;
        a.Code = v.Code;
        a.Title = v.Title;
        a.Description = v.Description;
        a.SortOrder = v.SortOrder ?? 0;
        a.OwnerSector = v.OwnerSector;
        a.LeadOrganisationId = v.LeadOrganisationId;
        a.StartDate = v.StartDate;
        a.EndDate = v.EndDate;
        a.Budget = v.Budget;
        a.Status = v.Status;
        a.Progress = v.Progress;
        a.Narrative = v.Narrative;
        a.DupMissionCode = v.DupMission;
        a.DupProgrammeCode = v.DupProgramme;
        a.DupObjectiveCode = v.DupObjectiveCode;
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Makes the action's links equal to the values: only the differences are written (and audited).</summary>
    internal static async Task ReplaceLinksAsync(AppDbContext db, long actionId, ActionValues v, CancellationToken ct)
    {
        var partners = await db.Set<PlanActionPartner>().Where(x => x.ActionId == actionId).ToListAsync(ct);
        db.RemoveRange(partners.Where(x => !v.Partners.Contains(x.OrganisationId)));
        db.AddRange(v.Partners.Where(p => partners.All(x => x.OrganisationId != p)).Select(p => new PlanActionPartner { ActionId = actionId, OrganisationId = p }));
        var municipalities = await db.Set<PlanActionMunicipality>().Where(x => x.ActionId == actionId).ToListAsync(ct);
        db.RemoveRange(municipalities.Where(x => !v.Municipalities.Contains(x.IstatCode)));
        db.AddRange(v.Municipalities.Where(m => municipalities.All(x => x.IstatCode != m)).Select(m => new PlanActionMunicipality { ActionId = actionId, IstatCode = m }));
        var zones = await db.Set<PlanActionZone>().Where(x => x.ActionId == actionId).ToListAsync(ct);
        db.RemoveRange(zones.Where(x => !v.Zones.Contains(x.ZoneCode)));
        db.AddRange(v.Zones.Where(z => zones.All(x => x.ZoneCode != z)).Select(z => new PlanActionZone { ActionId = actionId, ZoneCode = z }));
        var tags = await db.Set<PlanActionTag>().Where(x => x.ActionId == actionId).ToListAsync(ct);
        db.RemoveRange(tags.Where(x => !v.Tags.Contains(x.TagCode)));
        db.AddRange(v.Tags.Where(t => tags.All(x => x.TagCode != t)).Select(t => new PlanActionTag { ActionId = actionId, TagCode = t }));
    }
}
