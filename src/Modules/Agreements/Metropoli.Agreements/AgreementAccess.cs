using System.Linq.Expressions;
using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;

namespace Metropoli.Agreements;

/// <summary>Who may see and change which agreement (ADR 13). The plan office and administrators manage
/// every agreement; sector officers, as staff of the metropolitan city, see every agreement and manage
/// those their sector follows; a municipality officer sees the public register plus every agreement
/// (drafts included) where their Comune is a party, and updates only that Comune's obligations; everyone
/// else, anonymous included, sees only public agreements in force or ended.</summary>
public static class AgreementAccess
{
    /// <summary>A missing agreement and one the user may not see answer the same.</summary>
    public const string NotFoundDetail = "Nessuna intesa con questo identificativo.";
    public const string EndedReason = "L'intesa è conclusa, scaduta o ritirata: non si può più modificare.";

    public static bool CanManageAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);

    /// <summary>Creating agreements and importing them: plan office, administrators and sector officers.</summary>
    public static bool CanCreate(ClaimsPrincipal user) => CanManageAll(user) || Sector(user) is not null;

    public static bool SeesAll(ClaimsPrincipal user) => CanManageAll(user) || Sector(user) is not null;

    public static string? Sector(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SectorOfficer) && user.FindFirstValue(ScopeClaims.Sector) is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : null;

    public static string? Municipality(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MunicipalityOfficer) && user.FindFirstValue(ScopeClaims.Municipality) is { Length: > 0 } m ? m.Trim() : null;

    /// <summary>Edit data, parties, obligations, documents, governance; move the status.</summary>
    public static bool CanEdit(ClaimsPrincipal user, string? ownerSector) =>
        CanManageAll(user) || (Sector(user) is { } s && s == ownerSector);

    /// <summary>Updating the status and evidence of an obligation: those who edit the agreement, and the
    /// municipality officer of the Comune that owes it.</summary>
    public static bool CanUpdateObligation(ClaimsPrincipal user, string? ownerSector, string? debtorIstat) =>
        CanEdit(user, ownerSector) || (Municipality(user) is { } istat && istat == debtorIstat);

    public static Expression<Func<Agreement, bool>> IsPublished =>
        a => a.Visibility == AgreementVisibility.Public
             && (a.Status == AgreementStatuses.InForce || a.Status == AgreementStatuses.Concluded || a.Status == AgreementStatuses.Expired);

    public static bool IsPublic(string visibility, string status) =>
        visibility == AgreementVisibility.Public && AgreementStatuses.Published.Contains(status);

    /// <summary>Who sees the same agreements as this user: "all" (staff of the metropolitan city), "m:" and the
    /// Comune (its municipality officers), or "public" (everyone else). Two users of one class see exactly the
    /// same register (<see cref="Visible"/> depends on nothing else), so a cached list may be keyed by it.</summary>
    public static string ViewerClass(ClaimsPrincipal user) =>
        SeesAll(user) ? "all" : Municipality(user) is { } istat ? "m:" + istat : "public";

    public static IQueryable<Agreement> Visible(this IQueryable<Agreement> agreements, AppDbContext db, ClaimsPrincipal user)
    {
        if (SeesAll(user)) return agreements;
        if (Municipality(user) is { } istat)
        {
            return agreements.Where(a =>
                (a.Visibility == AgreementVisibility.Public
                 && (a.Status == AgreementStatuses.InForce || a.Status == AgreementStatuses.Concluded || a.Status == AgreementStatuses.Expired))
                || db.Set<AgreementParty>().Any(p => p.AgreementId == a.Id
                    && db.Reads<ITerritoryQueries>().Organisations.Any(o => o.Id == p.OrganisationId && o.MunicipalityIstat == istat)));
        }
        return agreements.Where(IsPublished);
    }
}
