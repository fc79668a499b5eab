using System.Security.Claims;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Services.Model;

namespace Metropoli.Services;

/// <summary>Who may do what in the shared services (docs/adr/0042). There is no role of its own: the office in charge of
/// a service is a sector of the registry, and its sector officers run the service's desk and procedures; administrators
/// run every service and keep the catalogue. A municipality officer sends requests for their own Comune and sees only
/// its requests. The catalogue and the procedures (award data) are public.</summary>
public static class ServiceAccess
{
    public const string RequestNotFound = "Nessuna richiesta con questo identificativo.";
    public const string ServiceNotFound = "Nessun servizio con questo indirizzo.";
    public const string ProcurementNotFound = "Nessuna procedura con questo identificativo.";
    public const string OfficeOnly = "Solo l'ufficio che gestisce il servizio (i referenti del suo settore) e gli amministratori possono farlo.";

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public static string? Sector(ClaimsPrincipal user) =>
        user.IsInRole(Roles.SectorOfficer) && user.FindFirstValue(ScopeClaims.Sector) is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : null;

    public static string? Municipality(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MunicipalityOfficer) && user.FindFirstValue(ScopeClaims.Municipality) is { Length: > 0 } m ? m.Trim() : null;

    /// <summary>The office of a service: its sector's officers, and the administrators.</summary>
    public static bool IsOffice(ClaimsPrincipal user, string officeSector) => IsAdmin(user) || Sector(user) == officeSector;

    /// <summary>Whether the user works for any service's office (sees the desk).</summary>
    public static bool WorksForOffices(ClaimsPrincipal user) => IsAdmin(user) || Sector(user) is not null;

    public static string Email(ClaimsPrincipal user) => CurrentUser.Of(user).Name;

    /// <summary>The requests the user may see: all (administrators), those of the services their sector runs, those of
    /// their Comune; nothing for the others.</summary>
    public static IQueryable<ServiceRequest> Visible(this IQueryable<ServiceRequest> requests, AppDbContext db, ClaimsPrincipal user)
    {
        if (IsAdmin(user)) return requests;
        var sector = Sector(user);
        var istat = Municipality(user);
        if (sector is null && istat is null) return requests.Where(r => false);
        return requests.Where(r => (istat != null && r.IstatCode == istat)
            || (sector != null && db.Set<SharedService>().Any(s => s.Id == r.ServiceId && s.OfficeSector == sector)));
    }
}
