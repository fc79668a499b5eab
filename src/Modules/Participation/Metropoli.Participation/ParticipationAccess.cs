using System.Globalization;
using System.Security.Claims;
using Metropoli.Participation.Model;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;

namespace Metropoli.Participation;

/// <summary>Who does what in participation (ADR 0043). The secretariat (plan office and administrators) runs every
/// body, meeting and consultation. A zone assembly's meetings may also be convened by the zone's current coordinator:
/// a zone-coordinator account of that zone whose Comune holds the coordinator term on the day of the act, per
/// Territory's rotation, so the power follows the term and moves to the next coordinator on the day the term ends.
/// Forum members act for the organisation their account is linked to.</summary>
public static class ParticipationAccess
{
    public const string BodyNotFound = "Nessun organismo con questo identificativo.";
    public const string MeetingNotFound = "Nessuna riunione con questo identificativo.";
    public const string ConsultationNotFound = "Nessuna consultazione con questo identificativo.";
    public const string ProposalNotFound = "Nessuna proposta con questo identificativo.";

    public static bool IsSecretariat(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PlanOffice);

    /// <summary>The organisation the account acts for (forum members), from its scope.</summary>
    public static long? Organisation(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ScopeClaims.Organisation), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "?";

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The coordinator-power rule, pure: may this user convene or manage meetings of a body whose zone is
    /// <paramref name="bodyZone"/>, when the Comune coordinating that zone on the day is <paramref name="coordinatorIstat"/>?</summary>
    public static bool MayConvene(ClaimsPrincipal user, string bodyKind, string? bodyZone, string? coordinatorIstat)
    {
        if (IsSecretariat(user)) return true;
        if (bodyKind != BodyKinds.ZoneAssembly || bodyZone is null || coordinatorIstat is null) return false;
        return user.IsInRole(Roles.ZoneCoordinator)
               && user.ZoneScope() == bodyZone
               && user.MunicipalityScope() is { Length: > 0 } istat && istat == coordinatorIstat;
    }

    /// <summary><see cref="MayConvene"/> with the coordinator read from Territory's rotation for today.</summary>
    public static async Task<bool> MayConveneAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, Body body, CancellationToken ct)
    {
        if (IsSecretariat(user)) return true;
        if (body.Kind != BodyKinds.ZoneAssembly || body.ZoneCode is null || !user.IsInRole(Roles.ZoneCoordinator)) return false;
        var coordinator = await db.Reads<IZoneCoordinators>().CoordinatorOnAsync(body.ZoneCode, CivilClock.Today(clock), ct);
        return MayConvene(user, body.Kind, body.ZoneCode, coordinator);
    }
}
