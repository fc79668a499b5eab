using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The plan's dashboard: KPI cards, status by area and indicator achievement as SVG charts each
/// followed by its data table, the late actions, and the drill-down by area, objective, zone and Comune
/// (a GET form: the same page, filtered). The numbers come from <see cref="PlanDashboard"/>, as in the API.</summary>
public sealed class IndexModel(AppDbContext db, DashboardCache cache, ReadCache reads, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l,
    Territory.Contracts.IComuneMaps maps) : PageModel
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

    /// <summary>The scorecard: the traffic light by area and objective, the last closed campaign the KPI tiles
    /// compare with (only without filters: the campaign froze the whole plan), and the last update.</summary>
    public IReadOnlyList<ScoreRow> ScoreRows { get; private set; } = [];
    public ScorecardMeta? Meta { get; private set; }
    public PreviousCampaign? Previous { get; private set; }

    /// <summary>The map of the actions' average progress by Comune, and its table alternative.</summary>
    public string ProgressMap { get; private set; } = "";
    public IReadOnlyList<ComuneProgress> ProgressByComune { get; private set; } = [];

    /// <summary>Rows shown in each of the page's lists (indicators, late actions): a dashboard shows what
    /// needs attention; every row is in the CSV download and in the action list.</summary>
    public const int Shown = 25;

    /// <summary>All the indicators in code order when they fit; otherwise the <see cref="Shown"/> farthest
    /// from their target (off track, at risk, no data, then on track; lowest achievement first).</summary>
    public IReadOnlyList<DashboardIndicator> ShownIndicators { get; private set; } = [];
    public IReadOnlyList<LateAction> ShownLateActions { get; private set; } = [];

    /// <summary>Names the rendered body for the page's <c>&lt;cache&gt;</c>: it changes whenever the figures, the
    /// filter lists or the query do (<see cref="ReadCache.IdOf"/>), and holds nothing of the reader.</summary>
    public string RenderKey { get; private set; } = "";

    /// <summary>What the page computes from the figures for one filter, day and language, kept with the figures
    /// (<see cref="DashboardCache.Derive"/>): at metro scale, sorting 5,000 indicators and drawing the charts
    /// was most of the page's time.</summary>
    private sealed record Computed(PlanDashboardView View, IReadOnlyList<DashboardIndicator> Indicators, IReadOnlyList<LateAction> LateActions, DashboardCharts Charts);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Errors = ModelState.IsValid ? Filter.Validate() : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0) Filter = new DashboardFilter();
        if (await cache.FiguresAsync(id, User, ct) is not { } figures) return NotFound();
        var today = CivilClock.Today(clock);
        var filter = Filter;
        var page = cache.Derive(figures, $"page:{System.Globalization.CultureInfo.CurrentUICulture.Name}:{today:yyyy-MM-dd}:{filter}", f =>
        {
            var view = PlanDashboard.Project(f, filter, today);
            var shown = view.Indicators.Count <= Shown ? view.Indicators
                : view.Indicators.OrderBy(i => PlanDashboard.AttentionOrder(i.Status)).ThenBy(i => i.Achievement ?? 0).ThenBy(i => i.Code, StringComparer.Ordinal).Take(Shown).ToList();
            return new Computed(view, shown, view.LateActions.Take(Shown).ToList(), DashboardCharts.Build(view, s => l[s]));
        });
        (View, ShownIndicators, ShownLateActions) = (page.View, page.Indicators, page.LateActions);
        (StatusChart, IndicatorChart, ActionSeries, IndicatorSeries) = (page.Charts.StatusChart, page.Charts.IndicatorChart, page.Charts.ActionSeries, page.Charts.IndicatorSeries);
        var meta = Meta = await Scorecard.MetaAsync(reads, id, ct);
        ScoreRows = cache.Derive(figures, $"score:{reads.IdOf(meta)}:{filter}", f => Scorecard.Rows(f, page.View, meta.Objectives));
        Previous = filter == new DashboardFilter() ? meta.Previous : null;
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        (ProgressMap, ProgressByComune) = cache.Derive(figures, $"progress-map:{culture}:{reads.IdOf(meta)}:{filter}", f =>
        {
            var rows = Scorecard.ByComune(f, filter, meta.Comuni);
            var svg = maps.Render(rows.Select(r => new Territory.Contracts.ComuneFill(r.IstatCode, r.Fill,
                    r.AverageProgress is { } p ? string.Format(System.Globalization.CultureInfo.CurrentCulture, l["{0} azioni, avanzamento medio {1}"], r.Actions, Formats.Percent(p)) : l["Nessuna azione"])).ToList(),
                string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Avanzamento medio delle azioni per Comune – {0}"], page.View.PlanName),
                l["Ogni Comune è colorato secondo l'avanzamento medio delle azioni che lo riguardano, direttamente o tramite la sua zona; in grigio i Comuni senza azioni. La legenda e la tabella riportano gli stessi dati."]);
            return (svg, rows);
        });
        Options = await ActionFilterOptions.LoadAsync(reads, id, new ActionFilter { Plan = id, Area = Filter.Area, Zone = Filter.Zone, Municipality = Filter.Municipality },
            new ListQuery(), "/piano/" + id + "/cruscotto", ct);
        var area = Filter.Area;
        Objectives = await reads.GetAsync($"plan-objective-options:{id}:{area}", StrategicPlanModule.ReadModel, async (d, t) =>
            (IReadOnlyList<(long Id, string Label)>)(await d.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == id && (area == null || o.AreaId == area))
                .OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.Title }).ToListAsync(t)).Select(o => (o.Id, o.Code + " " + o.Title)).ToList(), ct);
        RenderKey = $"{reads.IdOf(page)}:{reads.IdOf(meta)}:{reads.IdOf(Options.Areas)}:{reads.IdOf(Objectives)}:{Errors.Count}:{Request.QueryString}";
        return Page();
    }

    /// <summary>The indicators download's columns: codes for the machine CSV, Italian headers for the others.</summary>
    public static readonly ExportColumn<DashboardIndicator>[] IndicatorColumns =
    [
        new("code", "Codice", i => i.Code), new("name", "Indicatore", i => i.Name), new("unit", "Unità di misura", i => i.Unit),
        new("latest_period", "Ultimo periodo", i => i.LatestPeriod), new("latest_value", "Ultimo valore", i => i.LatestValue),
        new("achievement_percent", "Raggiungimento (%)", i => i.Achievement), new("status", "Stato", i => i.Status, (i, _) => Model.IndicatorStatuses.Label(i.Status)),
    ];

    /// <summary>?handler=indicatori: every indicator of the dashboard, with the same filter, as CSV (machine,
    /// <c>&amp;formato=it</c> or <c>&amp;formato=xlsx</c>).</summary>
    public async Task<IActionResult> OnGetIndicatoriAsync(long id, CancellationToken ct)
    {
        if (!ModelState.IsValid || Filter.Validate().Count > 0) Filter = new DashboardFilter();
        var view = await PlanDashboard.BuildAsync(db, User, id, Filter, CivilClock.Today(clock), ct, cache: cache);
        if (view is null) return NotFound();
        return Downloads.File(HttpContext, "indicatori-cruscotto-" + view.PlanName, "Indicatori " + view.PlanName, IndicatorColumns, view.Indicators).AsAction();
    }
}
