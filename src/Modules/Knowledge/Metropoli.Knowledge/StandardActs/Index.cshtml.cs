using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Knowledge.StandardActs;

/// <summary>The standard acts; the same query as GET /api/v1/standard-acts.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public StandardActFilter Filter { get; set; } = new();

    public IReadOnlyList<StandardActRow> Items { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = KnowledgeAccess.IsEditor(User);
        Errors = ModelState.IsValid ? StandardActHandlers.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new StandardActFilter();
        }
        var page = await StandardActHandlers.PageAsync(db, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
