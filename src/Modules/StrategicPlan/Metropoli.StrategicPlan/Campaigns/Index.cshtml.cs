using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Campaigns;

/// <summary>The campaigns of a plan and the progress across the closed ones (the plan's timeline).</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long PlanId { get; private set; }
    public string PlanName { get; private set; } = "";
    public string PlanStatus { get; private set; } = "";
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];
    public IReadOnlyList<CampaignRow> Closed { get; private set; } = [];
    public string TimelineChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Visible(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name, p.Status }).SingleOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        (PlanId, PlanName, PlanStatus) = (plan.Id, plan.Name, plan.Status);
        Campaigns = (await CampaignQueries.ListAsync(db, User, id, ct))!;
        Closed = Campaigns.Where(c => c.Status == CampaignStatuses.Closed).OrderBy(c => c.ClosedAt).ToList();
        if (Closed.Count > 0)
        {
            var series = new[] { new SvgCharts.Series("progress", l["Avanzamento medio (%)"], "#0059b3", "solid") };
            TimelineChart = SvgCharts.HorizontalBars("chart-timeline", l["Avanzamento medio delle azioni a ogni campagna"],
                l["Barre orizzontali: per ogni campagna chiusa, in ordine di tempo, l'avanzamento medio delle azioni in percentuale. La tabella che segue riporta gli stessi dati."],
                series, Closed.Select(c => new SvgCharts.Bar(c.Name, [(int)Math.Round(c.AverageProgress ?? 0, MidpointRounding.AwayFromZero)])).ToList());
        }
        return Page();
    }
}
