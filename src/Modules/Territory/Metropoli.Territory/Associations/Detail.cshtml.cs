using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Associations;

public sealed class DetailModel(AppDbContext db, ICurrentUser who) : PageModel
{
    public AssociationDetail? Association { get; private set; }
    public bool IsAdministrator { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Association = await GetAssociation.HandleAsync(db, id, ct);
        if (Association is null) return NotFound();
        IsAdministrator = User.IsAdministrator();
        if (IsAdministrator)
        {
            // Those who may change the record may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(Model.Association), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }
}
