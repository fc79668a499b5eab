using System.Globalization;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Organisations;

public sealed class DetailModel(AppDbContext db, ICurrentUser who) : PageModel
{
    public OrganisationDetail? Organisation { get; private set; }
    public bool CanEdit { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Organisation = await GetOrganisation.HandleAsync(db, id, ct);
        if (Organisation is null)
        {
            return NotFound();
        }
        CanEdit = CreateOrganisation.CanEdit(User);
        if (CanEdit)
        {
            // Those who may change the record may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, "Organisation", id.ToString(CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }
}
