using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Funding.Calls;

/// <summary>The calls; the same query as GET /api/v1/funding-calls, with the downloads.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public CallFilter Filter { get; set; } = new();

    public IReadOnlyList<CallRow> Items { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = FundingAccess.CanManage(User);
        Errors = ModelState.IsValid ? ListCalls.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new CallFilter();
        }
        var page = await ListCalls.HandleAsync(db, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
