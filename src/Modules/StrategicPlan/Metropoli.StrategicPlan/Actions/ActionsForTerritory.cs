using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The public query the Comune and zone pages call: the actions of the published plans (and,
/// for the plan office, the drafts) that concern a Comune or a zone. The Territory module needs nothing
/// else from this one.</summary>
public static class ActionsForTerritory
{
    public const int Shown = 50;

    public static Task<Paged<ActionRow>> ForMunicipalityAsync(ReadCache cache, ClaimsPrincipal user, string istatCode, CancellationToken ct) =>
        FirstPageAsync(cache, user, "municipality:" + istatCode, new ActionFilter { Municipality = istatCode }, ct);

    public static Task<Paged<ActionRow>> ForZoneAsync(ReadCache cache, ClaimsPrincipal user, string zoneCode, CancellationToken ct) =>
        FirstPageAsync(cache, user, "zone:" + zoneCode, new ActionFilter { Zone = zoneCode }, ct);

    /// <summary>From the <see cref="ReadCache"/>, keyed by what the list depends on: the place, and whether the
    /// viewer sees draft plans (<see cref="PlanAccess.CanSeeDrafts"/>, the only way it depends on the viewer).</summary>
    private static Task<Paged<ActionRow>> FirstPageAsync(ReadCache cache, ClaimsPrincipal user, string subject, ActionFilter filter, CancellationToken ct) =>
        cache.GetAsync($"territory-actions:{(PlanAccess.CanSeeDrafts(user) ? "drafts" : "published")}:{subject}", StrategicPlanModule.ReadModelWithTerritory,
            (db, t) => ListActions.HandleAsync(db, user, new ListQuery { Limit = Shown }, filter, t), ct);
}
