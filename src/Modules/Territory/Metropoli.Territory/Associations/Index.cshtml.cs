using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Associations;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public AssociationFilter Filter { get; set; } = new();

    public IReadOnlyList<AssociationRow> Items { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool IsAdministrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdministrator = User.IsAdministrator();
        // Bad query values are reported and then ignored, so the page still shows the list.
        Errors = ModelState.IsValid ? ListAssociations.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new AssociationFilter();
        }
        var page = await ListAssociations.HandleAsync(db, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
