using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed class CampaignForm
{
    public string? Name { get; set; }
    public int? Year { get; set; }
    /// <summary>As text: dates are parsed by <see cref="Formats.TryParseDate"/>, not by the culture-aware binder.</summary>
    public string? Deadline { get; set; }
    public string? ReminderDays { get; set; } = "7,1";
    public string? Instructions { get; set; }
}

/// <summary>The plan office opens a campaign; the same handler as POST /api/v1/plans/{id}/campaigns.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long PlanId { get; private set; }
    public string PlanName { get; private set; } = "";
    public int ActionsToUpdate { get; private set; }

    [BindProperty]
    public CampaignForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var year = Math.Clamp(CivilClock.Today(clock).Year - 1, plan.StartYear, plan.EndYear);
        Input = new CampaignForm { Name = $"Monitoraggio {year}", Year = year, Deadline = Formats.Iso(CivilClock.Today(clock).AddDays(30)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Formats.TryParseDate(Input.Deadline, out var deadline)) ModelState.AddModelError("Input.Deadline", l[Formats.DateError]);
        if (!ModelState.IsValid) return Page();
        var (outcome, campaignId) = await OpenCampaign.HandleAsync(db, User, clock, id,
            new OpenCampaignRequest(Input.Name, Input.Year, deadline, Input.ReminderDays, Input.Instructions), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Campagna aperta: i settori hanno ricevuto le loro attività."].Value, "/piano/campagne/" + campaignId));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var plan = await db.Set<Plan>().AsNoTracking().Visible(User).Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (plan is null) return false;
        (PlanId, PlanName) = (plan.Id, plan.Name);
        ActionsToUpdate = await db.Set<PlanAction>().CountAsync(a => a.PlanId == id && a.Status != ActionStatuses.Completed, ct);
        return true;
    }
}
