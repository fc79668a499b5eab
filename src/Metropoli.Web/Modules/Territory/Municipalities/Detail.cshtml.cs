using Metropoli.Web.Platform.Audit;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Auth;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Modules.Territory.Municipalities;

public sealed class DetailModel(AppDbContext db, IAuditContext who, Map.Boundaries boundaries, ReadCache cache, TimeProvider clock,
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

    public async Task<IActionResult> OnGetAsync(string istatCode, CancellationToken ct)
    {
        Municipality = await GetMunicipality.HandleAsync(db, istatCode, ct);
        if (Municipality is null)
        {
            return NotFound();
        }
        Map = await Territory.Map.TerritoryMap.CachedAsync(cache, boundaries, Municipality.ZoneCode, istatCode,
            string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Confini del Comune di {0} nella zona {1}"], Municipality.Name, Municipality.ZoneName),
            l["Il Comune è evidenziato con un bordo scuro tra gli altri Comuni della stessa zona."], ct);
        CanEdit = UpdateContacts.CanEdit(User, istatCode);
        ZoneHistory = await GetZoneHistory.HandleAsync(db, istatCode, ct) ?? [];
        Associations = await Territory.Associations.ListAssociations.ForMunicipalityAsync(db, istatCode, ct);
        Today = TerritoryDates.Today(clock);
        IsAdministrator = User.IsAdministrator();
        if (CanEdit)
        {
            // Those who may change the record may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, "Municipality", istatCode, ct);
        }
        return Page();
    }
}
