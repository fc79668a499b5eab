using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>The form that adds an area; it calls the same handler as POST /api/v1/plans/{id}/areas.</summary>
public sealed class AreaNewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public long PlanId { get; private set; }
    public string PlanName { get; private set; } = "";

    [BindProperty]
    public AreaRequest Input { get; set; } = new() { Kind = AreaKinds.Area };

    public async Task<IActionResult> OnGetAsync(long planId, CancellationToken ct) =>
        await LoadAsync(planId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long planId, CancellationToken ct)
    {
        if (!await LoadAsync(planId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (outcome, _) = await SaveArea.CreateAsync(db, User, clock, planId, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Area aggiunta."].Value, "/piano/" + planId));
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken ct)
    {
        var plan = await GetPlan.HandleAsync(db, User, planId, ct);
        if (plan is null) return false;
        (PlanId, PlanName) = (plan.Id, plan.Name);
        return true;
    }
}
