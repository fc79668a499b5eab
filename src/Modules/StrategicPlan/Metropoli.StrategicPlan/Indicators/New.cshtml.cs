using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>A new indicator of an action (?azione=) or an objective (?obiettivo=); the same handler as POST /api/v1/indicators.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public string? OwnerLabel { get; private set; }
    public string BackUrl { get; private set; } = "/piano";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "azione")] long? action, [FromQuery(Name = "obiettivo")] long? objective, CancellationToken ct)
    {
        Input = new IndicatorForm { ActionId = action, ObjectiveId = action is null ? objective : null, Direction = IndicatorDirections.Increase, Frequency = IndicatorFrequencies.Annual };
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var request = Input.ToRequest(ModelState, "Input.", l);
        if (request is null) return Page();
        var (outcome, id) = await SaveIndicator.CreateAsync(db, User, clock, request, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Indicatore creato."].Value, "/piano/indicatori/" + id));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Input.ActionId is { } a)
        {
            var r = await db.Set<PlanAction>().AsNoTracking().Visible(db, User).Where(x => x.Id == a).Select(x => new { x.Code, x.Title }).SingleOrDefaultAsync(ct);
            if (r is null) return false;
            OwnerLabel = l["Azione"] + " " + r.Code + " " + r.Title;
            BackUrl = "/piano/azioni/" + a;
            return true;
        }
        if (Input.ObjectiveId is { } o)
        {
            var r = await (from x in db.Set<PlanObjective>().AsNoTracking()
                           join p in db.Set<Plan>().Visible(User) on x.PlanId equals p.Id
                           where x.Id == o
                           select new { x.Code, x.Title, p.Id }).SingleOrDefaultAsync(ct);
            if (r is null) return false;
            OwnerLabel = l["Obiettivo"] + " " + r.Code + " " + r.Title;
            BackUrl = "/piano/" + r.Id;
            return true;
        }
        return false;
    }
}

internal static class VisibleActions
{
    /// <summary>Actions of the plans the user may see.</summary>
    public static IQueryable<PlanAction> Visible(this IQueryable<PlanAction> actions, AppDbContext db, System.Security.Claims.ClaimsPrincipal user) =>
        from x in actions
        join p in db.Set<Plan>().Visible(user) on x.PlanId equals p.Id
        select x;
}
