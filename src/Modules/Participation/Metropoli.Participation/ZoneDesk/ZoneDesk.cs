using System.Security.Claims;
using Metropoli.Agreements.Contracts;
using Metropoli.Participation.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.ZoneDesk;

public sealed record ZoneDeskComune(string IstatCode, string Name, int Agreements, int Actions);
public sealed record ZoneDeskLink(long Id, string Title);

public sealed record ZoneDeskView(
    string ZoneCode, string ZoneName, string? CoordinatorIstat, string? CoordinatorName, bool HoldsTerm,
    long? AssemblyId, string? AssemblyName, IReadOnlyList<(long Id, string Title, DateTime StartsAt)> NextMeetings,
    IReadOnlyList<ZoneDeskComune> Comuni, int AgreementsInForce, IReadOnlyList<ZoneDeskLink> PublicAgreements,
    int Actions, IReadOnlyList<(long Id, string Code, string Title)> ActionList, IReadOnlyList<ComuneFigure> Figures);

/// <summary>The zone desk (issue 22, point 5): for a zone coordinator's own zone, what the other modules know about its
/// Comuni, read only through their contracts: agreements in force with a Comune of the zone as a party (IAgreementQueries:
/// titles of public ones, a count of all), plan actions of adopted plans concerning the zone or its Comuni (IPlanQueries),
/// service-request and funding figures (IComuneFigures, counts and sums only). The secretariat sees every zone's desk;
/// a coordinator only their zone's (another zone: 403); Milano, which has no assembly, and unknown zones: 404.</summary>
public static class ZoneDeskHandler
{
    public const int ListLimit = 20;

    public static bool MaySee(ClaimsPrincipal user, string zoneCode) =>
        ParticipationAccess.IsSecretariat(user) || (user.IsInRole(Platform.Auth.Roles.ZoneCoordinator) && user.ZoneScope() == zoneCode);

    public static async Task<(ZoneDeskView? View, Outcome? Refusal)> LoadAsync(AppDbContext db, IEnumerable<IComuneFigures> figureSources, ClaimsPrincipal user, TimeProvider clock,
        string zoneCode, CancellationToken ct)
    {
        var territory = db.Reads<ITerritoryQueries>();
        var zone = await territory.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Code == zoneCode && !z.IsCapoluogo, ct);
        if (zone is null) return (null, new Outcome.NotFound());
        if (!MaySee(user, zoneCode)) return (null, new Outcome.Forbidden());

        var today = CivilClock.Today(clock);
        var comuni = await territory.Comuni.AsNoTracking().Where(c => c.ZoneCode == zoneCode).OrderBy(c => c.Name)
            .Select(c => new { c.IstatCode, c.Name }).ToListAsync(ct);
        var codes = comuni.Select(c => c.IstatCode).ToList();
        var coordinator = await db.Reads<IZoneCoordinators>().CoordinatorOnAsync(zoneCode, today, ct);
        var holds = user.IsInRole(Platform.Auth.Roles.ZoneCoordinator) && coordinator is not null && user.MunicipalityScope() == coordinator;

        var assembly = await db.Set<Body>().AsNoTracking().Where(b => b.Kind == BodyKinds.ZoneAssembly && b.ZoneCode == zoneCode)
            .OrderBy(b => b.Id).Select(b => new { b.Id, b.Name }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = assembly is null ? [] : (await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.BodyId == assembly.Id && !m.IsCancelled && m.StartsAt >= now).OrderBy(m => m.StartsAt).Take(5)
            .Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(ct)).Select(m => (m.Id, m.Title, m.StartsAt)).ToList();

        // Agreements in force today with a Comune of the zone as a party.
        var agreements = db.Reads<IAgreementQueries>();
        var inForce = await agreements.InForceOn(today)
            .Join(agreements.Parties.Where(p => p.MunicipalityIstat != null && codes.Contains(p.MunicipalityIstat)), a => a.Id, p => p.AgreementId,
                (a, p) => new { a.Id, a.Title, a.IsPublic, Istat = p.MunicipalityIstat! })
            .ToListAsync(ct);
        var publicAgreements = inForce.Where(a => a.IsPublic).DistinctBy(a => a.Id).OrderBy(a => a.Title, StringComparer.CurrentCulture)
            .Take(ListLimit).Select(a => new ZoneDeskLink(a.Id, a.Title)).ToList();

        // Actions of plans no longer in draft concerning the zone or one of its Comuni.
        var plan = db.Reads<IPlanQueries>();
        var adopted = plan.Plans.Where(p => !p.IsDraft).Select(p => p.Id);
        var byComune = await plan.ActionMunicipalities.Where(m => codes.Contains(m.Code))
            .Join(plan.Actions.Where(a => adopted.Contains(a.PlanId)), m => m.ActionId, a => a.Id, (m, a) => new { a.Id, Istat = m.Code })
            .ToListAsync(ct);
        var byZone = await plan.ActionZones.Where(z => z.Code == zoneCode).Select(z => z.ActionId).ToListAsync(ct);
        var actionIds = byComune.Select(a => a.Id).Concat(byZone).Distinct().ToList();
        var actionList = (await plan.Actions.Where(a => actionIds.Contains(a.Id) && adopted.Contains(a.PlanId))
            .OrderBy(a => a.Code).Take(ListLimit).Select(a => new { a.Id, a.Code, a.Title }).ToListAsync(ct))
            .Select(a => (a.Id, a.Code, a.Title)).ToList();
        var actionCount = await plan.Actions.CountAsync(a => actionIds.Contains(a.Id) && adopted.Contains(a.PlanId), ct);

        var figures = new List<ComuneFigure>();
        foreach (var source in figureSources)
        {
            figures.AddRange(await source.ForComuniAsync(codes, ct));
        }

        var rows = comuni.Select(c => new ZoneDeskComune(c.IstatCode, c.Name,
            inForce.Where(a => a.Istat == c.IstatCode).Select(a => a.Id).Distinct().Count(),
            byComune.Where(a => a.Istat == c.IstatCode).Select(a => a.Id).Distinct().Count())).ToList();
        return (new ZoneDeskView(zone.Code, zone.Name, coordinator,
            comuni.FirstOrDefault(c => c.IstatCode == coordinator)?.Name, holds, assembly?.Id, assembly?.Name, meetings,
            rows, inForce.Select(a => a.Id).Distinct().Count(), publicAgreements, actionCount, actionList,
            figures.OrderBy(f => f.Order).ToList()), null);
    }
}
