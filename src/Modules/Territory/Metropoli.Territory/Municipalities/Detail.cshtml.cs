using Metropoli.Platform.Audit;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Municipalities;

public sealed class DetailModel(AppDbContext db, ICurrentUser who, Map.Boundaries boundaries, ReadCache cache, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public MunicipalityDetail? Municipality { get; private set; }
    public bool CanEdit { get; private set; }
    public bool IsAdministrator { get; private set; }
    public Paged<AuditRow>? History { get; private set; }
    public Map.TerritoryMapView? Map { get; private set; }
    public IReadOnlyList<ZoneMembershipRow> ZoneHistory { get; private set; } = [];
    public IReadOnlyList<Associations.MunicipalityAssociationRow> Associations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>Names the rendered record sections for the page's <c>&lt;cache&gt;</c>: the cached data, the day
    /// (a mayor's term) and what the viewer may do.</summary>
    public string RenderKey { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string istatCode, CancellationToken ct)
    {
        // A code written without its leading zeros (15146 for 015146) goes, permanently, to the Comune's
        // address, only when the padded code names a Comune.
        if (istatCode.Length is > 0 and < 6 && istatCode.All(char.IsAsciiDigit)
            && await GetMunicipalityPage.CachedAsync(cache, istatCode.PadLeft(6, '0'), ct) is not null)
        {
            return RedirectPermanent("/comuni/" + istatCode.PadLeft(6, '0'));
        }
        // Comune codes are six digits: anything else is not looked up (nor kept in the cache).
        if (istatCode.Length != 6 || !istatCode.All(char.IsAsciiDigit)
            || await GetMunicipalityPage.CachedAsync(cache, istatCode, ct) is not { } page)
        {
            return NotFound();
        }
        Municipality = page.Detail;
        Map = await Territory.Map.TerritoryMap.CachedAsync(cache, boundaries, Municipality.ZoneCode, istatCode,
            string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Confini del Comune di {0} nella zona {1}"], Municipality.Name, Municipality.ZoneName),
            l["Il Comune è evidenziato con un bordo scuro tra gli altri Comuni della stessa zona."], ct);
        CanEdit = UpdateContacts.CanEdit(User, istatCode);
        ZoneHistory = page.ZoneHistory;
        Associations = page.Associations;
        Today = CivilClock.Today(clock);
        IsAdministrator = User.IsAdministrator();
        RenderKey = $"municipality:{cache.IdOf(page)}:{Today:O}:{CanEdit}:{IsAdministrator}";
        if (CanEdit)
        {
            // Those who may change the record may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, "Municipality", istatCode, ct);
        }
        return Page();
    }
}
