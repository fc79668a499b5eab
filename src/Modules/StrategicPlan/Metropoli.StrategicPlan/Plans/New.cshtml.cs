using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Plans;

/// <summary>The form that creates a plan; it calls the same handler as POST /api/v1/plans.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public PlanRequest Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = CivilClock.Today(clock).Year;
        Input = new PlanRequest { StartYear = year, EndYear = year + 2 };
        ViewData["Plans"] = await ListPlans.ChoicesAsync(db, User, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData["Plans"] = await ListPlans.ChoicesAsync(db, User, ct);
        if (!ModelState.IsValid) return Page();
        var (outcome, id) = await SavePlan.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Piano creato in bozza."].Value, "/piano/" + id));
    }
}
