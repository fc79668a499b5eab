using System.Security.Claims;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;

namespace Metropoli.Web.Modules.StrategicPlan.Actions;

/// <summary>The public query the Comune and zone pages call: the actions of the published plans (and,
/// for the plan office, the drafts) that concern a Comune or a zone. The Territory module needs nothing
/// else from this one.</summary>
public static class ActionsForTerritory
{
    public const int Shown = 50;

    public static Task<Paged<ActionRow>> ForMunicipalityAsync(AppDbContext db, ClaimsPrincipal user, string istatCode, CancellationToken ct) =>
        ListActions.HandleAsync(db, user, new ListQuery { Limit = Shown }, new ActionFilter { Municipality = istatCode }, ct);

    public static Task<Paged<ActionRow>> ForZoneAsync(AppDbContext db, ClaimsPrincipal user, string zoneCode, CancellationToken ct) =>
        ListActions.HandleAsync(db, user, new ListQuery { Limit = Shown }, new ActionFilter { Zone = zoneCode }, ct);
}
