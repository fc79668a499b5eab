using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The actions of a plan as a list: the same filters, sort keys and handler as
/// GET /api/v1/plan-actions, and the same rows in the CSV download.</summary>
public sealed class IndexModel(AppDbContext db, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ActionFilter Filter { get; set; } = new();

    public PlanDetail? Plan { get; private set; }
    public IReadOnlyList<ActionRow> Items { get; private set; } = [];
    public ActionFilterOptions? Filters { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.CachedAsync(cache, User, id, ct);
        if (Plan is null) return NotFound();
        // Bad query values are reported and then ignored, so the page still shows the list.
        Errors = ModelState.IsValid ? ListActions.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new ActionFilter();
        }
        Filter = Filter with { Plan = id };
        var page = await ListActions.CachedAsync(cache, db, User, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        Filters = await ActionFilterOptions.LoadAsync(cache, id, Filter, Query, $"/piano/{id}/azioni", ct);
        return Page();
    }
}
