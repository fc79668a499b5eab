using System.Globalization;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Report;

/// <summary>The standalone printable report (the source of the PDF), served with a style nonce for the CSP.</summary>
public sealed class PrintModel(AppDbContext db, IStringLocalizer<Platform.Localization.SharedResource> l, Platform.Security.CspNonce nonce) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var (model, conflict) = await MonitoringReport.BuildAsync(db, User, id, ct);
        if (model is null) return conflict is null ? NotFound() : Redirect("/piano/campagne/" + id);
        var html = CampaignsApi.StandaloneHtml(model, s => l[s], CultureInfo.CurrentCulture, nonce.Value);
        return Content(html, "text/html; charset=utf-8");
    }
}
