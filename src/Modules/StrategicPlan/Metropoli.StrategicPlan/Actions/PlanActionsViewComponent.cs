using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>One plan's compact dashboard for a Comune or a zone: the figures, the actions-by-status chart
/// (its data table follows it in the view) and the link to the full dashboard with the same filter.</summary>
public sealed record TerritoryDashboard(PlanDashboardView View, string ChartId, string Chart, IReadOnlyList<SvgCharts.Series> Series, string DashboardUrl);

/// <param name="RenderKey">Names the rendered sections for the view's <c>&lt;cache&gt;</c>: the cached list of
/// actions and dashboards they show (<see cref="ReadCache.IdOf"/>).</param>
public sealed record TerritoryActionsView(string Title, string Empty, Paged<ActionRow> Actions, string DashboardsTitle, IReadOnlyList<TerritoryDashboard> Dashboards,
    string RenderKey = "");

/// <summary>The "Piano strategico" sections of the Comune and zone pages: a compact dashboard per plan in
/// force, then the actions concerning the place. A view component, so that the Territory pages include it
/// with one line and know nothing of the plan's model.</summary>
public sealed class PlanActionsViewComponent(AppDbContext db, DashboardCache cache, ReadCache reads, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        var (istatCode, zoneCode) = context.Page == Platform.Modules.SectionPages.Comune ? (context.Key, (string?)null) : ((string?)null, context.Key);
        var user = HttpContext.User;
        var ct = HttpContext.RequestAborted;
        var actions = istatCode is not null
            ? await ActionsForTerritory.ForMunicipalityAsync(reads, user, istatCode, ct)
            : await ActionsForTerritory.ForZoneAsync(reads, user, zoneCode ?? "", ct);
        var filter = istatCode is not null ? new DashboardFilter { Municipality = istatCode } : new DashboardFilter { Zone = zoneCode ?? "" };
        // The compact dashboard (its chart) is drawn once per cached view and language.
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var dashboards = (await TerritoryDashboards.HandleAsync(db, user, filter, CivilClock.Today(clock), ct, cache, reads))
            .Select(v => reads.Derive(v, "compact:" + culture, Compact)).ToList();
        var view = istatCode is not null
            ? new TerritoryActionsView("Le azioni del Piano strategico che riguardano il Comune, direttamente o tramite la sua zona",
                "Nessuna azione dei piani pubblicati riguarda questo Comune.", actions,
                "Il Piano strategico nel Comune", dashboards)
            : new TerritoryActionsView("Le azioni del Piano strategico che riguardano la zona o i suoi Comuni",
                "Nessuna azione dei piani pubblicati riguarda questa zona.", actions,
                "Il Piano strategico nella zona", dashboards);
        var key = "territory:" + reads.IdOf(actions) + string.Concat(dashboards.Select(d => ":" + reads.IdOf(d)));
        return View("/Modules/StrategicPlan/Actions/_TerritoryActions.cshtml", view with { RenderKey = key });

        TerritoryDashboard Compact(PlanDashboardView v)
        {
            string Label(string s) => l[s];
            var series = PlanCharts.ActionSeries(Label);
            var chartId = "chart-territory-" + v.PlanId;
            // One bar per status, each in its own series (colour and pattern), as the dashboard's indicator chart.
            var bars = v.ActionsByStatus.Select((s, i) => new SvgCharts.Bar(Label(ActionStatuses.Label(s.Status)),
                v.ActionsByStatus.Select((_, j) => j == i ? s.Count : 0).ToList())).ToList();
            var chart = SvgCharts.HorizontalBars(chartId, l["Azioni per stato"] + " – " + v.PlanName,
                l["Barre orizzontali: il numero di azioni in ciascuno stato. La tabella che segue riporta gli stessi dati."], series, bars);
            return new TerritoryDashboard(v, chartId, chart, series, $"/piano/{v.PlanId}/cruscotto{TerritoryDashboards.Query(v.Filter)}");
        }
    }
}
