using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>A plan: its acts, a summary by status, the tree of areas and objectives, and its actions
/// grouped under them, filtered and paged with the same handler as GET /api/v1/plan-actions.</summary>
public sealed class DetailModel(AppDbContext db, ICurrentUser who, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ActionFilter Filter { get; set; } = new();

    public PlanDetail? Plan { get; private set; }
    public IReadOnlyList<AreaNode> Tree { get; private set; } = [];
    public IReadOnlyList<ActionRow> Items { get; private set; } = [];
    public ActionFilterOptions? Filters { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanEditStructure { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        if (Plan is null) return NotFound();
        CanManage = PlanAccess.CanManage(User);
        CanEditStructure = CanManage && Plan.Status != PlanStatuses.Archived;
        Tree = await PlanTree.HandleAsync(db, User, id, ct) ?? [];
        // The plan is the page's own: sorting stays in the plan's order, other keys belong to the action list.
        Query = new ListQuery { Q = Query.Q, Limit = Query.Limit, Offset = Query.Offset };
        Errors = ModelState.IsValid ? ListActions.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery();
            Filter = new ActionFilter();
        }
        Filter = Filter with { Plan = id };
        var page = await ListActions.HandleAsync(db, User, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        Filters = await ActionFilterOptions.LoadAsync(cache, id, Filter, Query, "/piano/" + id, ct);
        if (CanManage)
        {
            // Those who may change the plan may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(Model.Plan), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }
}
