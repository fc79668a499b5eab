using System.Globalization;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>An objective: its data (the same handler as GET /api/v1/plan-objectives/{id}), its actions
/// sortable with the keys of the action list, the indicators of the objective and of its actions, and for
/// the plan office the history. A draft's objective is 404 to everyone else.</summary>
public sealed class ObjectiveDetailModel(AppDbContext db, ICurrentUser who) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public ObjectiveDetail? Objective { get; private set; }
    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Objective = await SaveObjective.GetAsync(db, User, id, ct);
        if (Objective is null) return NotFound();
        var filter = new ActionFilter { Plan = Objective.PlanId, Objective = id };
        Query = new ListQuery { Sort = Query.Sort, Limit = Query.Limit, Offset = Query.Offset };
        Errors = ModelState.IsValid ? ListActions.Validate(Query, filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0) Query = new ListQuery();
        var page = await ListActions.HandleAsync(db, User, Query, filter, ct);
        Actions = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        Indicators = await ObjectiveIndicators.HandleAsync(db, User, id, ct);
        var canManage = PlanAccess.CanManage(User);
        CanEdit = canManage && Objective.PlanStatus != PlanStatuses.Archived;
        if (canManage)
        {
            // Those who may change the objective may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(PlanObjective), id.ToString(CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }
}
