using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Structure;

/// <summary>The form that adds an objective to an area; the same handler as POST /api/v1/plan-objectives.</summary>
public sealed class ObjectiveNewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public AreaDetail? Area { get; private set; }

    [BindProperty]
    public ObjectiveRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long areaId, CancellationToken ct)
    {
        Area = await SaveArea.GetAsync(db, User, areaId, ct);
        if (Area is null) return NotFound();
        Input = new ObjectiveRequest { AreaId = areaId };
        await ObjectiveForm.LoadOptionsAsync(db, Area.PlanId, ViewData, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long areaId, CancellationToken ct)
    {
        Area = await SaveArea.GetAsync(db, User, areaId, ct);
        if (Area is null) return NotFound();
        await ObjectiveForm.LoadOptionsAsync(db, Area.PlanId, ViewData, ct);
        if (!ModelState.IsValid) return Page();
        var (outcome, _) = await SaveObjective.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Obiettivo aggiunto."].Value, "/piano/" + Area.PlanId));
    }
}
