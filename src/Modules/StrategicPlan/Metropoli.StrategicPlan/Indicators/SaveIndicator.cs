using Metropoli.Platform.Sectors;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>Creates and changes indicators (plan office). The targets are replaced with the indicator,
/// in the same transaction, and only the differences are written (and audited).</summary>
public static class SaveIndicator
{
    public static async Task<(Outcome Outcome, long Id)> CreateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IndicatorRequest r, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user)) return (new Outcome.Forbidden(), 0);
        var (errors, values) = IndicatorRules.Check(r);
        var owner = await OwnerAsync(db, user, r, errors, ct);
        if (owner is { Status: PlanStatuses.Archived }) return (new Outcome.Refused(SavePlan.ArchivedReason), 0);
        await CheckCodeAsync(db, owner?.PlanId, values?.Code, null, errors, ct);
        await SectorRegistry.CheckAsync(db, values?.OwnerSector, owner?.Sector, errors, "ownerSector", ct);
        if (errors.Count > 0) return (new Outcome.Invalid(errors), 0);

        var indicator = new Indicator { PlanId = owner!.PlanId, ActionId = r.ActionId, ObjectiveId = r.ObjectiveId };
        Apply(indicator, values!, owner.Sector, clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(indicator);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on (plan, code) caught a concurrent save of the same code.
            db.ChangeTracker.Clear();
            return (new Outcome.Invalid(new() { ["code"] = [DuplicateCode] }), 0);
        }
        await ReplaceTargetsAsync(db, indicator.Id, values!.Targets, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new Outcome.Done(indicator.Version), indicator.Id);
    }

    public static async Task<Outcome> UpdateAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? expectedVersion, IndicatorRequest r, CancellationToken ct)
    {
        var current = await GetIndicator.HandleAsync(db, user, id, ct);
        if (current is null) return new Outcome.NotFound();
        if (!PlanAccess.CanManage(user)) return new Outcome.Forbidden();
        if (current.PlanStatus == PlanStatuses.Archived) return new Outcome.Refused(SavePlan.ArchivedReason);
        var (errors, values) = IndicatorRules.Check(r);
        var owner = await OwnerAsync(db, user, r, errors, ct);
        if (owner is not null && owner.PlanId != current.PlanId)
            errors["actionId"] = ["Scegli un'azione o un obiettivo dello stesso piano."];
        await CheckCodeAsync(db, current.PlanId, values?.Code, id, errors, ct);
        await SectorRegistry.CheckAsync(db, values?.OwnerSector, current.OwnerSector, errors, "ownerSector", ct);
        if (errors.Count > 0) return new Outcome.Invalid(errors);
        if (expectedVersion is not { } version || version != current.Version) return new Outcome.Conflict(current.Version);
        if (values!.Frequency != current.Frequency && await db.Set<Measurement>().AnyAsync(m => m.IndicatorId == id, ct))
            return new Outcome.Refused("L'indicatore ha già delle misurazioni: la sua frequenza non si può più cambiare, perché i periodi registrati non corrisponderebbero.");

        var indicator = await db.Set<Indicator>().SingleAsync(i => i.Id == id, ct);
        db.ExpectVersion(indicator, version);
        indicator.ActionId = r.ActionId;
        indicator.ObjectiveId = r.ObjectiveId;
        Apply(indicator, values, owner!.Sector, clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ReplaceTargetsAsync(db, id, values.Targets, ct);
        var outcome = await VersionedSave.SaveAsync(db, indicator, ct);
        if (outcome is Outcome.Done) await tx.CommitAsync(ct);
        return outcome;
    }

    public const string DuplicateCode = "Nel piano esiste già un indicatore con questo codice.";

    private sealed record Owner(long PlanId, string Status, string? Sector);

    /// <summary>The plan (and default sector) of the action or objective named by the request, among those the user may see.</summary>
    private static async Task<Owner?> OwnerAsync(AppDbContext db, ClaimsPrincipal user, IndicatorRequest r, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        Owner? owner = null;
        if (r.ActionId is { } actionId && r.ObjectiveId is null)
        {
            owner = await (from a in db.Set<PlanAction>().AsNoTracking()
                           join p in db.Set<Plan>().Visible(user) on a.PlanId equals p.Id
                           where a.Id == actionId
                           select new Owner(p.Id, p.Status, a.OwnerSector)).SingleOrDefaultAsync(ct);
            if (owner is null) errors["actionId"] = ["L'azione indicata non esiste."];
        }
        else if (r.ObjectiveId is { } objectiveId && r.ActionId is null)
        {
            owner = await (from o in db.Set<PlanObjective>().AsNoTracking()
                           join p in db.Set<Plan>().Visible(user) on o.PlanId equals p.Id
                           where o.Id == objectiveId
                           select new Owner(p.Id, p.Status, null)).SingleOrDefaultAsync(ct);
            if (owner is null) errors["objectiveId"] = ["L'obiettivo indicato non esiste."];
        }
        if (owner is not null && owner.Sector is null && ActionSectorMissing(r))
            errors["ownerSector"] = ["Indica il settore responsabile dell'indicatore (per un obiettivo non si ricava da un'azione)."];
        return owner;
    }

    private static bool ActionSectorMissing(IndicatorRequest r) => string.IsNullOrWhiteSpace(r.OwnerSector);

    private static async Task CheckCodeAsync(AppDbContext db, long? planId, string? code, long? id, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (planId is not null && code is not null && !errors.ContainsKey("code")
            && await db.Set<Indicator>().AnyAsync(i => i.PlanId == planId && i.Code == code && i.Id != (id ?? 0), ct))
        {
            errors["code"] = [DuplicateCode];
        }
    }

    private static void Apply(Indicator i, IndicatorValues v, string? defaultSector, TimeProvider clock)
    {
        i.Code = v.Code;
        i.Name = v.Name;
        i.Description = v.Description;
        i.Unit = v.Unit;
        i.Direction = v.Direction;
        i.LowerBound = v.LowerBound;
        i.UpperBound = v.UpperBound;
        i.BaselineValue = v.BaselineValue;
        i.BaselineYear = v.BaselineYear;
        i.Source = v.Source;
        i.Frequency = v.Frequency;
        i.OwnerSector = v.OwnerSector ?? defaultSector!;
        i.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    internal static async Task ReplaceTargetsAsync(AppDbContext db, long indicatorId, IReadOnlyList<TargetRequest> targets, CancellationToken ct)
    {
        var stored = await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicatorId).ToListAsync(ct);
        foreach (var s in stored)
        {
            var wanted = targets.FirstOrDefault(t => t.Year == s.Year);
            if (wanted is null) db.Remove(s);
            else if (wanted.Value != s.Value) s.Value = wanted.Value;
        }
        db.AddRange(targets.Where(t => stored.All(s => s.Year != t.Year))
            .Select(t => new IndicatorTarget { IndicatorId = indicatorId, Year = t.Year, Value = t.Value }));
    }
}
