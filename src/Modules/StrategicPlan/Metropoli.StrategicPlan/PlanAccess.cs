using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Auth;

namespace Metropoli.StrategicPlan;

/// <summary>Who may see and change what in the plan. The plan office and administrators manage the
/// whole plan and see drafts; a sector officer updates the monitoring fields of the actions their
/// sector owns; everyone else (anonymous included) sees only plans that have left the drafting table.</summary>
public static class PlanAccess
{
    /// <summary>Drafts are invisible to those who may not see them: the same 404 as a missing record,
    /// so that the existence of a plan in preparation is not revealed.</summary>
    public const string PlanNotFound = "Nessun piano con questo identificativo.";

    public static bool CanManage(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);

    public static bool CanSeeDrafts(ClaimsPrincipal user) => CanManage(user);

    /// <summary>The sector a sector officer answers for, or null for anyone else.</summary>
    public static string? Sector(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SectorOfficer) && user.FindFirstValue(ScopeClaims.Sector) is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : null;

    /// <summary>Status, progress, dates and narrative of an action.</summary>
    public static bool CanUpdateProgress(ClaimsPrincipal user, string ownerSector) =>
        CanManage(user) || (Sector(user) is { } s && s == ownerSector);

    public static bool CanSee(ClaimsPrincipal user, string planStatus) =>
        planStatus != PlanStatuses.Draft || CanSeeDrafts(user);

    public static IQueryable<Plan> Visible(this IQueryable<Plan> plans, ClaimsPrincipal user) =>
        CanSeeDrafts(user) ? plans : plans.Where(p => p.Status != PlanStatuses.Draft);
}
