using System.Security.Claims;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Territory.Contracts;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Desk;

/// <summary>The territory's part of the desk (the shortcuts to "my Comune" and "my zone") and of the site search
/// (Comuni and zones by name) (ADR 0038).</summary>
public static class TerritoryDesk
{
    public static async Task<IEnumerable<DeskItem>> ItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var items = new List<DeskItem>();
        if (user.IsInRole(Roles.MunicipalityOfficer) && user.FindFirstValue(ScopeClaims.Municipality) is { Length: > 0 } istat)
        {
            var name = await db.Set<Municipality>().AsNoTracking().Where(m => m.IstatCode == istat).Select(m => m.Name).FirstOrDefaultAsync(ct);
            if (name is not null)
            {
                items.Add(new DeskItem(TerritoryContract.Module, "Il mio Comune: {0}", 0, $"/comuni/{istat}", DeskUrgency.Normal, 10, null, name));
                items.Add(new DeskItem(TerritoryContract.Module, "Aggiorna i contatti del Comune", 0, $"/comuni/{istat}/contatti", DeskUrgency.Normal, 11));
            }
        }
        if (user.IsInRole(Roles.ZoneCoordinator) && user.FindFirstValue(ScopeClaims.Zone) is { Length: > 0 } zone)
        {
            var name = await db.Set<Zone>().AsNoTracking().Where(z => z.Code == zone).Select(z => z.Name).FirstOrDefaultAsync(ct);
            if (name is not null)
            {
                items.Add(new DeskItem(TerritoryContract.Module, "La mia zona: {0}", 0, $"/zone/{zone}", DeskUrgency.Normal, 20, null, name));
            }
        }
        return items;
    }

    public static async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var q = query.Trim().ToLower();
        var pattern = TextSearch.Pattern(q);
        // Accents and case ignored (TextSearch): "citta" finds the zone and Comuni written with "Città".
        var zones = (await db.Set<Zone>().AsNoTracking().Where(z => EF.Functions.Like(z.Name.ToLower(), pattern, LikePattern.Escape)).OrderBy(z => z.SortOrder)
            .Take(limit * 4).Select(z => new { z.Code, z.Name }).ToListAsync(ct)).Where(z => TextSearch.Matches(z.Name, q)).Take(limit).ToList();
        var comuni = (await db.Set<Municipality>().AsNoTracking().Where(m => EF.Functions.Like(m.Name.ToLower(), pattern, LikePattern.Escape) || m.IstatCode == q)
            .OrderBy(m => m.Name.ToLower().StartsWith(q) ? 0 : 1).ThenBy(m => m.Name).Take(limit * 4)
            .Select(m => new { m.IstatCode, m.Name, m.Population }).ToListAsync(ct)).Where(m => TextSearch.Matches(m.Name, q) || m.IstatCode == q).Take(limit).ToList();
        return zones.Select(z => new SearchResult("Zona omogenea", z.Name, $"/zone/{z.Code}"))
            .Concat(comuni.Select(m => new SearchResult("Comune", m.Name, $"/comuni/{m.IstatCode}", m.IstatCode)))
            .Take(limit);
    }
}
