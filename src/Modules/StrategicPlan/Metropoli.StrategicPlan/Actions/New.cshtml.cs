using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>The form that adds an action to an objective; the same handler as POST /api/v1/plan-actions.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ObjectiveDetail? Objective { get; private set; }

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long objectiveId, CancellationToken ct)
    {
        if (!await LoadAsync(objectiveId, ct)) return NotFound();
        Input = new ActionForm { ObjectiveId = objectiveId, Status = ActionStatuses.NotStarted, Progress = 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long objectiveId, CancellationToken ct)
    {
        if (!await LoadAsync(objectiveId, ct)) return NotFound();
        var request = Input.ToRequest(ModelState, l);
        if (!ModelState.IsValid || request is null) return Page();
        var (outcome, id) = await SaveAction.CreateAsync(db, User, clock, request, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Azione aggiunta."].Value, "/piano/azioni/" + id));
    }

    private async Task<bool> LoadAsync(long objectiveId, CancellationToken ct)
    {
        Objective = await SaveObjective.GetAsync(db, User, objectiveId, ct);
        if (Objective is null) return false;
        ViewData["ActionOptions"] = await ActionFormOptions.LoadAsync(db, Objective.PlanId, ct);
        return true;
    }
}
