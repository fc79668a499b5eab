using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Reporting;

/// <summary>The spending dashboard: validated spending over total cost by fund, mission, zone and Comune; the chart
/// followed by its data table; the download with one row per project and month.</summary>
public sealed class SpendingModel(ReadCache cache, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public SpendingFigures Figures { get; private set; } = null!;
    public string ZoneChart { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await cache.GetAsync("funding-spending", FundingModule.ReadModel | ReadModels.Of(TerritoryContract.Module), (d, t) => Spending.HandleAsync(d, t), ct);
        var series = new[] { new SvgCharts.Series("rate", l["Spesa validata sul costo totale (%)"], "#0059b3", "solid") };
        ZoneChart = SvgCharts.HorizontalBars("chart-spending-zones", l["Avanzamento della spesa per zona"],
            l["Barre orizzontali: per ogni zona la spesa validata in percentuale del costo totale dei progetti. La tabella che segue riporta gli stessi dati."],
            series, Figures.ByZone.Select(z => new SvgCharts.Bar(z.Name, [(int)Math.Round(z.Rate ?? 0)])).ToList());
    }
}
