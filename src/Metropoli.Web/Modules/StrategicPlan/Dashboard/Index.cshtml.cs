using Metropoli.Web.Modules.StrategicPlan.Actions;
using Metropoli.Web.Modules.StrategicPlan.Model;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Web.Modules.StrategicPlan.Dashboard;

/// <summary>The plan's dashboard: KPI cards, status by area and indicator achievement as SVG charts each
/// followed by its data table, the late actions, and the drill-down by area, objective, zone and Comune
/// (a GET form: the same page, filtered). The numbers come from <see cref="PlanDashboard"/>, as in the API.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DashboardFilter Filter { get; set; } = new();

    public PlanDashboardView? View { get; private set; }
    public ActionFilterOptions? Options { get; private set; }
    public IReadOnlyList<(long Id, string Label)> Objectives { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string StatusChart { get; private set; } = "";
    public string IndicatorChart { get; private set; } = "";
    public IReadOnlyList<SvgCharts.Series> ActionSeries { get; private set; } = [];
    public IReadOnlyList<SvgCharts.Series> IndicatorSeries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Errors = ModelState.IsValid ? Filter.Validate() : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0) Filter = new DashboardFilter();
        View = await PlanDashboard.BuildAsync(db, User, id, Filter, PlanFormat.Today(clock), ct);
        if (View is null) return NotFound();
        Options = await ActionFilterOptions.LoadAsync(db, id, new ActionFilter { Plan = id, Area = Filter.Area, Zone = Filter.Zone, Municipality = Filter.Municipality },
            new ListQuery(), "/piano/" + id + "/cruscotto", ct);
        var objectives = await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == id && (Filter.Area == null || o.AreaId == Filter.Area))
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Title }).ToListAsync(ct);
        Objectives = objectives.Select(o => (o.Id, o.Code + " " + o.Title)).ToList();

        var charts = DashboardCharts.Build(View, s => l[s]);
        (StatusChart, IndicatorChart, ActionSeries, IndicatorSeries) = (charts.StatusChart, charts.IndicatorChart, charts.ActionSeries, charts.IndicatorSeries);
        return Page();
    }
}
