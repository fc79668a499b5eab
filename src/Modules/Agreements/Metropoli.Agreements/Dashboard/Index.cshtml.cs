using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Dashboard;

/// <summary>The agreements dashboard; the same data as GET /api/v1/agreements/dashboard, drawn as SVG bars each followed by its table.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public AgreementDashboardView? View { get; private set; }
    public string TypeChart { get; private set; } = "";
    public string StatusChart { get; private set; } = "";
    public string ThemeChart { get; private set; } = "";
    public string ZoneChart { get; private set; } = "";
    public string OverdueChart { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await AgreementDashboard.HandleAsync(db, User, clock, ct);
        var series = new[] { new SvgCharts.Series("n", l["Intese"], "#0059b3", "solid") };
        string Chart(string id, string title, IReadOnlyList<CountRow> rows) => SvgCharts.HorizontalBars(id, title, l["Grafico a barre: i valori sono nella tabella che segue."],
            series, rows.Select(r => new SvgCharts.Bar(l[r.Label], [r.Count])).ToList());
        TypeChart = Chart("chart-type", l["Intese per tipo"], View.ByType);
        StatusChart = Chart("chart-status", l["Intese per stato"], View.ByStatus);
        ThemeChart = Chart("chart-theme", l["Intese per tema"], View.ByTheme);
        ZoneChart = Chart("chart-zone", l["Intese per zona"], View.ByZone);
        OverdueChart = SvgCharts.HorizontalBars("chart-overdue", l["Obblighi scaduti per parte"], l["Grafico a barre: i valori sono nella tabella che segue."],
            [new SvgCharts.Series("o", l["Obblighi scaduti"], "#b01f2e", "diagonal")], View.OverdueByParty.Select(p => new SvgCharts.Bar(p.Party, [p.Count])).ToList());
    }
}
