using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.StrategicPlan.Plans;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public PlanFilter Filter { get; set; } = new();

    public IReadOnlyList<PlanRow> Items { get; private set; } = [];
    public IReadOnlyList<string> Statuses { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = PlanAccess.CanManage(User);
        Statuses = CanManage ? PlanStatuses.All : PlanStatuses.Published;
        // Bad query values are reported and then ignored, so the page still shows the list.
        Errors = ModelState.IsValid ? ListPlans.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new PlanFilter();
        }
        var page = await ListPlans.HandleAsync(db, User, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
