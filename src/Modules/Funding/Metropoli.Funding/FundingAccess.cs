using System.Security.Claims;
using Metropoli.Platform.Auth;

namespace Metropoli.Funding;

/// <summary>Who does what in Funding (ADR 0041). Calls and funded projects are public. There is no funding-office
/// role: the plan office (which coordinates the PNRR for the metropolitan city) and the administrator create and edit
/// calls and import the open data.</summary>
public static class FundingAccess
{
    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);
}
