using System.Security.Claims;
using Metropoli.Platform.Auth;
using System.Linq;

namespace Metropoli.Funding;

/// <summary>Who does what in Funding (ADR 0041). Calls and funded projects are public. There is no funding-office
/// role: the plan office (which coordinates the PNRR for the metropolitan city) and the administrator create and edit
/// calls and import the open data.</summary>
public static class FundingAccess
{
    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);
}

/// <summary>Who sees and moves applications: the funding office every one; a municipality officer those of their
/// Comune (lead or partner), drafts included; everyone else only applications past the draft.</summary>
public static class ApplicationAccess
{
    public static string? Municipality(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MunicipalityOfficer) && user.FindFirstValue(ScopeClaims.Municipality) is { Length: > 0 } m ? m.Trim() : null;

    /// <summary>The zone of a zone coordinator, who assembles partnerships of their zone's Comuni.</summary>
    public static string? CoordinatedZone(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ZoneCoordinator) && user.FindFirstValue(ScopeClaims.Zone) is { Length: > 0 } z ? z.Trim() : null;

    public static bool CanCreate(ClaimsPrincipal user) => FundingAccess.CanManage(user) || Municipality(user) is not null || CoordinatedZone(user) is not null;

    public static bool CanSee(ClaimsPrincipal user, string status, string lead, IEnumerable<string> partners, string? coordinatorZone = null) =>
        status != Model.ApplicationStatuses.Draft || FundingAccess.CanManage(user)
        || (Municipality(user) is { } m && (m == lead || partners.Contains(m)))
        || (coordinatorZone is not null && CoordinatedZone(user) == coordinatorZone);

    /// <summary>The lead Comune's officer (or the zone coordinator who assembled the partnership) acts for the
    /// applicant; the funding office decides.</summary>
    public static bool IsApplicant(ClaimsPrincipal user, string lead, string? coordinatorZone) =>
        FundingAccess.CanManage(user) || Municipality(user) == lead || (coordinatorZone is not null && CoordinatedZone(user) == coordinatorZone);
}
