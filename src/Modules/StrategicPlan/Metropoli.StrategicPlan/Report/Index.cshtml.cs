using System.Globalization;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Dashboard;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Report;

/// <summary>The monitoring report inside the site, with its downloads (the same tables as the API).</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ReportModel? Report { get; private set; }
    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];
    public string Body { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var (model, conflict) = await MonitoringReport.BuildAsync(db, User, id, ct);
        if (model is null)
        {
            if (conflict is null) return NotFound();
            TempData["Error"] = l[conflict].Value;
            return Redirect("/piano/campagne/" + id);
        }
        Report = model;
        string Label(string s) => l[s];
        Tables = MonitoringReport.Tables(model, Label, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");
        var api = "/api/v1/monitoring-campaigns/" + id;
        var downloads = $"""
            <div class="downloads d-flex flex-wrap gap-2 my-3" role="group" aria-label="{System.Net.WebUtility.HtmlEncode(l["Scarica il rapporto"])}">
            <a class="btn btn-outline-primary btn-sm" href="/piano/campagne/{id}/rapporto/stampa">{System.Net.WebUtility.HtmlEncode(l["Versione stampabile (HTML)"])}</a>
            <a class="btn btn-outline-primary btn-sm" href="{api}/report/pdf">PDF</a>
            <a class="btn btn-outline-primary btn-sm" href="{api}/report/xlsx">{System.Net.WebUtility.HtmlEncode(l["XLSX, tutte le tabelle"])}</a>
            </div>
            """;
        Body = ReportHtml.Body(model, Tables, DashboardCharts.Build(model.Figures, Label, "report"), Label, CultureInfo.CurrentCulture,
            downloads, key => $"{api}/report/csv?table={key}");
        return Page();
    }
}
