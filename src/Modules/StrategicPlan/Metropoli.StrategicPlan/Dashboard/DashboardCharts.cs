namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The two charts of a dashboard view (status by area, indicators by status), drawn the same way
/// on the dashboard page and in the monitoring report.</summary>
public sealed record DashboardCharts(string StatusChart, string IndicatorChart,
    IReadOnlyList<SvgCharts.Series> ActionSeries, IReadOnlyList<SvgCharts.Series> IndicatorSeries)
{
    public static DashboardCharts Build(PlanDashboardView view, Func<string, string> label, string prefix = "chart")
    {
        var actionSeries = PlanCharts.ActionSeries(label);
        var indicatorSeries = PlanCharts.IndicatorSeries(label);
        var status = SvgCharts.HorizontalBars(prefix + "-areas", label("Stato delle azioni per area"),
            label("Barre orizzontali impilate: per ogni area, il numero di azioni in ciascuno stato. La tabella che segue riporta gli stessi dati."),
            actionSeries, view.Areas.Select(a => new SvgCharts.Bar(a.Code + " " + a.Title, a.ByStatus.Select(s => s.Count).ToList())).ToList());
        var indicators = SvgCharts.HorizontalBars(prefix + "-indicators", label("Indicatori per stato di raggiungimento"),
            label("Barre: il numero di indicatori in linea, a rischio, fuori obiettivo e senza dati. La tabella che segue riporta gli stessi dati."),
            indicatorSeries, view.IndicatorsByStatus.Select((s, i) => new SvgCharts.Bar(label(Model.IndicatorStatuses.Label(s.Status)),
                view.IndicatorsByStatus.Select((_, j) => j == i ? s.Count : 0).ToList())).ToList());
        return new DashboardCharts(status, indicators, actionSeries, indicatorSeries);
    }
}
