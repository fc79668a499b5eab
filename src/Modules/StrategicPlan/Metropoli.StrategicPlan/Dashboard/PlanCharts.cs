using Metropoli.Platform.Ui;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.StrategicPlan.Dashboard;

/// <summary>The plan's chart series: a colour and a pattern per action and indicator status (<see cref="SvgCharts"/>).</summary>
public static class PlanCharts
{
    public static string FillFor(string status) => status switch
    {
        ActionStatuses.NotStarted => "#5c5c5c",
        ActionStatuses.OnTrack or IndicatorStatuses.OnTrack => "#00704a",
        ActionStatuses.AtRisk or IndicatorStatuses.AtRisk => "#a35200",
        ActionStatuses.Late or IndicatorStatuses.OffTrack => "#b01f2e",
        ActionStatuses.Completed => "#0059b3",
        ActionStatuses.Suspended => "#6b3a8c",
        _ => "#4d4d4d",
    };

    public static IReadOnlyList<SvgCharts.Series> ActionSeries(Func<string, string> label) =>
        ActionStatuses.All.Select((s, i) => new SvgCharts.Series(s, label(ActionStatuses.Label(s)), FillFor(s), SvgCharts.Patterns[i % SvgCharts.Patterns.Length])).ToList();

    public static IReadOnlyList<SvgCharts.Series> IndicatorSeries(Func<string, string> label) =>
        PlanDashboard.IndicatorStatusOrder.Select((s, i) => new SvgCharts.Series(s, label(IndicatorStatuses.Label(s)), FillFor(s), SvgCharts.Patterns[i % SvgCharts.Patterns.Length])).ToList();
}
