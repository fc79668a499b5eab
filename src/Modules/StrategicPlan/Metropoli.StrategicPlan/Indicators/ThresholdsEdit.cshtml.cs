using System.Globalization;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>The plan's indicator-status thresholds: view and edit (plan office), with the same handler as
/// GET and PUT /api/v1/plans/{id}/indicator-thresholds, the version as a hidden field and the history.</summary>
public sealed class ThresholdsEditModel(AppDbContext db, TimeProvider clock, ICurrentUser who, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public PlanDetail? Plan { get; private set; }
    public ThresholdsResponse? Current { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    [BindProperty]
    public ThresholdsRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public bool ReadOnly => Plan?.Status == PlanStatuses.Archived;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Current!.Version;
        Input = new ThresholdsRequest { OnTrack = Current.OnTrack, AtRisk = Current.AtRisk };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await Thresholds.SaveAsync(db, User, clock, id, Version, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Soglie salvate."].Value, $"/piano/{id}/soglie"), async conflict =>
        {
            Version = conflict.CurrentVersion;
            await LoadAsync(id, ct);
        });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        Current = Plan is null ? null : await Thresholds.GetAsync(db, User, id, ct);
        if (Current is null) return false;
        History = await AuditSearch.HistoryAsync(db, who, nameof(IndicatorThresholds), id.ToString(CultureInfo.InvariantCulture), ct);
        return true;
    }
}
