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
public sealed class IndexModel(AppDbContext db, DashboardCache cache, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
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

    /// <summary>Rows shown in each of the page's lists (indicators, late actions): a dashboard shows what
    /// needs attention; every row is in the CSV download and in the action list.</summary>
    public const int Shown = 25;

    /// <summary>All the indicators in code order when they fit; otherwise the <see cref="Shown"/> farthest
    /// from their target (off track, at risk, no data, then on track; lowest achievement first).</summary>
    public IReadOnlyList<DashboardIndicator> ShownIndicators { get; private set; } = [];
    public IReadOnlyList<LateAction> ShownLateActions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Errors = ModelState.IsValid ? Filter.Validate() : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0) Filter = new DashboardFilter();
        View = await PlanDashboard.BuildAsync(db, User, id, Filter, PlanFormat.Today(clock), ct, cache: cache);
        if (View is null) return NotFound();
        Options = await ActionFilterOptions.LoadAsync(db, id, new ActionFilter { Plan = id, Area = Filter.Area, Zone = Filter.Zone, Municipality = Filter.Municipality },
            new ListQuery(), "/piano/" + id + "/cruscotto", ct);
        var objectives = await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == id && (Filter.Area == null || o.AreaId == Filter.Area))
            .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Title }).ToListAsync(ct);
        Objectives = objectives.Select(o => (o.Id, o.Code + " " + o.Title)).ToList();

        ShownIndicators = View.Indicators.Count <= Shown ? View.Indicators
            : View.Indicators.OrderBy(i => PlanDashboard.AttentionOrder(i.Status)).ThenBy(i => i.Achievement ?? 0).ThenBy(i => i.Code, StringComparer.Ordinal).Take(Shown).ToList();
        ShownLateActions = View.LateActions.Take(Shown).ToList();
        var charts = DashboardCharts.Build(View, s => l[s]);
        (StatusChart, IndicatorChart, ActionSeries, IndicatorSeries) = (charts.StatusChart, charts.IndicatorChart, charts.ActionSeries, charts.IndicatorSeries);
        return Page();
    }

    /// <summary>?handler=indicatori: every indicator of the dashboard, with the same filter, as CSV.</summary>
    public async Task<IActionResult> OnGetIndicatoriAsync(long id, CancellationToken ct)
    {
        if (!ModelState.IsValid || Filter.Validate().Count > 0) Filter = new DashboardFilter();
        var view = await PlanDashboard.BuildAsync(db, User, id, Filter, PlanFormat.Today(clock), ct, cache: cache);
        if (view is null) return NotFound();
        var csv = new System.Text.StringBuilder("code,name,unit,latest_period,latest_value,achievement_percent,status\r\n");
        foreach (var i in view.Indicators)
        {
            csv.Append(Csv.Line(i.Code, i.Name, i.Unit, i.LatestPeriod, i.LatestValue, i.Achievement, i.Status)).Append("\r\n");
        }
        return File(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"cruscotto-{id}-indicatori.csv");
    }
}
