using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>The confirmation step before withdrawing (submitter) or deleting (plan office) a value that
/// never counted; the same handler as DELETE /api/v1/measurements/{id}.</summary>
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public Measurement? Measurement { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    public string IndicatorName { get; private set; } = "";
    public string Unit { get; private set; } = "";

    /// <summary>The submitter withdraws; the plan office deletes.</summary>
    public bool Withdraw { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(long measurement, CancellationToken ct)
    {
        if (await LoadAsync(measurement, ct) is { } refusal) return refusal;
        Version = Measurement!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long measurement, CancellationToken ct)
    {
        if (await LoadAsync(measurement, ct) is { } refusal) return refusal;
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), l["Spunta la conferma per procedere."]);
            return Page();
        }
        var outcome = await DeleteMeasurement.HandleAsync(db, User, measurement, Version, ct);
        return await this.AnswerAsync(outcome, l,
            () => this.Success(Withdraw ? l["Valore ritirato."].Value : l["Valore eliminato."].Value, "/piano/indicatori/" + Measurement!.IndicatorId),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        Measurement = await db.Set<Measurement>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        var target = Measurement is null ? null : await SubmitMeasurement.TargetAsync(db, User, Measurement.IndicatorId, ct);
        if (Measurement is null || target is null) return NotFound();
        if (!DeleteMeasurement.MayRemove(User, Measurement)) return Forbid();
        var indicator = await db.Set<Indicator>().AsNoTracking().Where(i => i.Id == Measurement.IndicatorId)
            .Select(i => new { i.Code, i.Name, i.Unit }).SingleAsync(ct);
        (IndicatorCode, IndicatorName, Unit) = (indicator.Code, indicator.Name, indicator.Unit);
        Withdraw = !PlanAccess.CanManage(User);
        return null;
    }
}
