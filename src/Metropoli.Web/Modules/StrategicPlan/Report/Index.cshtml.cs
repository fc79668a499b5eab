using System.Globalization;
using Metropoli.Web.Modules.StrategicPlan.Campaigns;
using Metropoli.Web.Modules.StrategicPlan.Dashboard;
using Metropoli.Web.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Web.Modules.StrategicPlan.Report;

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
        Tables = MonitoringReport.Tables(model, Label);
        Body = ReportHtml.Body(model, Tables, DashboardCharts.Build(model.Figures, Label, "report"), Label, CultureInfo.CurrentCulture);
        return Page();
    }
}
