using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Overview;

/// <summary>The entry of the module: what it offers and the funded projects by mission, zone and Comune (each chart
/// followed by its table).</summary>
public sealed class IndexModel(ReadCache cache, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public Figures Figures { get; private set; } = null!;
    public string MissionChart { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await cache.GetAsync("funding-figures", FundingModule.ReadModel | ReadModels.Of(TerritoryContract.Module), (d, t) => FundingFigures.HandleAsync(d, t), ct);
        var series = new[] { new SvgCharts.Series("projects", l["Progetti"], "#0059b3", "solid") };
        MissionChart = SvgCharts.HorizontalBars("chart-missions", l["Progetti per missione"],
            l["Barre orizzontali: per ogni missione PNRR il numero di progetti finanziati. La tabella che segue riporta gli stessi dati con il costo totale."],
            series, Figures.ByMission.Select(m => new SvgCharts.Bar(m.Code, [m.Projects])).ToList());
    }
}
