using System.Globalization;
using System.Security.Claims;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Actions;

/// <summary>An action with all its data; for the plan office also the carry-over into a later plan,
/// and for those who may change it the history of its changes.</summary>
public sealed class DetailModel(AppDbContext db, ReadCache reads, ICurrentUser who, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ActionDetail? Action { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanUpdateProgress { get; private set; }
    public Paged<AuditRow>? History { get; private set; }
    public Indicators.ActionIndicatorsView? Indicators { get; private set; }
    public IReadOnlyList<Campaigns.TimelinePoint> Timeline { get; private set; } = [];
    public IReadOnlyList<(long Id, string Label)> CarryOverTargets { get; private set; } = [];

    [BindProperty]
    public CarryOverRequest CarryOver { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCarryOverAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (outcome, newId) = await SaveAction.CarryOverAsync(db, User, clock, id, CarryOver, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Azione riportata nel piano successivo."].Value, "/piano/azioni/" + newId),
            invalid: invalid =>
            {
                ModelState.AddFieldErrors(invalid.Errors, "CarryOver.", l);
                // The copy's own fields have no place in this form: show them at the top.
                foreach (var (field, messages) in invalid.Errors.Where(e => e.Key is not ("code" or "targetObjectiveId")))
                {
                    foreach (var m in messages) ModelState.AddModelError(string.Empty, l[m]);
                }
            });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        CanManage = PlanAccess.CanManage(User);
        if (CanManage)
        {
            // The plan office sees drafts and the measurements waiting for validation: read for it alone.
            if (await PageAsync(db, User, id, ct) is not { } own) return false;
            (Action, Indicators, Timeline) = own;
        }
        else
        {
            // Everyone else sees what the public sees (a sector officer's own rights are added below), so one
            // value serves them all (ReadCache: dropped by any change to the plan or the territory).
            if (await reads.GetAsync($"action-page:{id}", StrategicPlanModule.ReadModelWithTerritory,
                    (d, t) => PageAsync(d, new ClaimsPrincipal(new ClaimsIdentity()), id, t), ct) is not { } shared) return false;
            (Action, Indicators, Timeline) = shared;
        }
        var open = Action.PlanStatus != PlanStatuses.Archived;
        CanEdit = CanManage && open;
        CanUpdateProgress = open && PlanAccess.CanUpdateProgress(User, Action.OwnerSector);
        if (CanManage)
        {
            var startYear = await db.Set<Plan>().Where(p => p.Id == Action.PlanId).Select(p => p.StartYear).SingleAsync(ct);
            var targets = await (from o in db.Set<PlanObjective>().AsNoTracking()
                                 join p in db.Set<Plan>() on o.PlanId equals p.Id
                                 where p.StartYear > startYear && p.Status != PlanStatuses.Archived
                                 orderby p.StartYear, p.Name, o.Code
                                 select new { o.Id, o.Code, o.Title, p.Name }).ToListAsync(ct);
            CarryOverTargets = targets.Select(t => (t.Id, $"{t.Name} — {t.Code} {t.Title}")).ToList();
        }
        if (CanManage || PlanAccess.CanUpdateProgress(User, Action.OwnerSector))
        {
            // Those who may change the action may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(PlanAction), id.ToString(CultureInfo.InvariantCulture), ct);
        }
        return true;
    }

    private static async Task<(ActionDetail, Indicators.ActionIndicatorsView, IReadOnlyList<Campaigns.TimelinePoint>)?> PageAsync(
        AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        if (await GetAction.HandleAsync(db, user, id, ct) is not { } action) return null;
        var open = action.PlanStatus != PlanStatuses.Archived;
        return (action, await StrategicPlan.Indicators.ActionIndicators.LoadAsync(db, user, id, open, ct),
            await Campaigns.CampaignQueries.TimelineAsync(db, id, ct));
    }
}
