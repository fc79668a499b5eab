using System.Security.Claims;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Dashboard;

public sealed record CountRow(string Code, string Label, int Count);
public sealed record ExpiringRow(long Id, string Title, string Status, DateOnly ExpiryDate, int DaysLeft, bool AutoRenewal);
public sealed record OverdueRow(long ObligationId, long AgreementId, string AgreementTitle, string Party, string Title, DateOnly DueDate, int DaysLate);
public sealed record PartyOverdue(long OrganisationId, string Party, int Count);

public sealed record AgreementDashboardView(int Total, IReadOnlyList<CountRow> ByType, IReadOnlyList<CountRow> ByStatus, IReadOnlyList<CountRow> ByTheme,
    IReadOnlyList<CountRow> ByZone, IReadOnlyList<ExpiringRow> Expiring30, IReadOnlyList<ExpiringRow> Expiring90,
    IReadOnlyList<PartyOverdue> OverdueByParty, IReadOnlyList<OverdueRow> Overdue, DateOnly Today);

/// <summary>The dashboard of the agreements the user may see: by type, status, theme and zone; those
/// expiring in the next 30 and 90 days; overdue obligations by party.</summary>
public static class AgreementDashboard
{
    public static async Task<AgreementDashboardView> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var visible = db.Set<Agreement>().AsNoTracking().Visible(db, user);
        var agreements = await visible.Select(a => new { a.Id, a.Title, a.Type, a.Status, a.ExpiryDate, a.AutoRenewal }).ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();

        var byType = AgreementTypes.All.Select(t => new CountRow(t, AgreementTypes.Label(t), agreements.Count(a => a.Type == t))).Where(r => r.Count > 0).ToList();
        var byStatus = AgreementStatuses.All.Select(s => new CountRow(s, AgreementStatuses.Label(s), agreements.Count(a => a.Status == s))).Where(r => r.Count > 0).ToList();
        var themeLinks = await db.Set<AgreementThemeLink>().AsNoTracking().Where(t => ids.Contains(t.AgreementId)).ToListAsync(ct);
        var themes = await db.Set<AgreementTheme>().AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var byTheme = themes.Select(t => new CountRow(t.Code, t.Name, themeLinks.Count(l => l.ThemeCode == t.Code))).Where(r => r.Count > 0).ToList();

        // A zone counts an agreement once, whether it lists the zone, one of its Comuni, or has one of its Comuni as party.
        var zoneOfComune = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().ToDictionaryAsync(m => m.IstatCode, m => m.ZoneCode, ct);
        var pairs = new HashSet<(long, string)>();
        foreach (var z in await db.Set<AgreementZone>().AsNoTracking().Where(x => ids.Contains(x.AgreementId)).ToListAsync(ct)) pairs.Add((z.AgreementId, z.ZoneCode));
        foreach (var m in await db.Set<AgreementMunicipality>().AsNoTracking().Where(x => ids.Contains(x.AgreementId)).ToListAsync(ct))
            if (zoneOfComune.TryGetValue(m.IstatCode, out var zc)) pairs.Add((m.AgreementId, zc));
        var partyComuni = await db.Set<AgreementParty>().AsNoTracking().Where(p => ids.Contains(p.AgreementId))
            .Join(db.Reads<ITerritoryQueries>().Organisations.Where(o => o.MunicipalityIstat != null), p => p.OrganisationId, o => o.Id, (p, o) => new { p.AgreementId, o.MunicipalityIstat })
            .ToListAsync(ct);
        foreach (var p in partyComuni)
            if (zoneOfComune.TryGetValue(p.MunicipalityIstat!, out var zc)) pairs.Add((p.AgreementId, zc));
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var byZone = zones.Select(z => new CountRow(z.Code, z.Name, pairs.Count(p => p.Item2 == z.Code))).Where(r => r.Count > 0).ToList();

        var expiring = agreements.Where(a => a.Status is AgreementStatuses.InForce or AgreementStatuses.Signed && a.ExpiryDate is { } e && e >= today && e <= today.AddDays(90))
            .OrderBy(a => a.ExpiryDate).Select(a => new ExpiringRow(a.Id, a.Title, a.Status, a.ExpiryDate!.Value, a.ExpiryDate.Value.DayNumber - today.DayNumber, a.AutoRenewal)).ToList();

        var overdue = await db.Set<AgreementObligation>().AsNoTracking()
            .Where(o => ids.Contains(o.AgreementId) && o.Status == ObligationStatuses.Open && o.DueDate < today)
            .Join(db.Set<AgreementParty>(), o => o.PartyId, p => p.Id, (o, p) => new { o, p.OrganisationId })
            .Join(db.Reads<ITerritoryQueries>().Organisations, x => x.OrganisationId, org => org.Id, (x, org) => new { x.o, x.OrganisationId, org.Name })
            .OrderBy(x => x.o.DueDate).ToListAsync(ct);
        var titles = agreements.ToDictionary(a => a.Id, a => a.Title);
        var overdueRows = overdue.Select(x => new OverdueRow(x.o.Id, x.o.AgreementId, titles[x.o.AgreementId], x.Name, x.o.Title, x.o.DueDate, today.DayNumber - x.o.DueDate.DayNumber)).ToList();
        var byParty = overdue.GroupBy(x => (x.OrganisationId, x.Name)).Select(g => new PartyOverdue(g.Key.OrganisationId, g.Key.Name, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Party, StringComparer.CurrentCulture).ToList();

        return new AgreementDashboardView(agreements.Count, byType, byStatus, byTheme, byZone,
            expiring.Where(e => e.DaysLeft <= 30).ToList(), expiring, byParty, overdueRows, today);
    }
}
