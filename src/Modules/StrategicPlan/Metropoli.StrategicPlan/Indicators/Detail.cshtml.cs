using System.Globalization;
using Metropoli.StrategicPlan.Measurements;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Indicators;

/// <summary>An indicator: definition, targets, the validated series with achievement and status; for the
/// sector and the plan office also every measurement with its state, and for the plan office the history.</summary>
public sealed class DetailModel(AppDbContext db, ICurrentUser who) : PageModel
{
    public IndicatorDetail? Indicator { get; private set; }
    public IReadOnlyList<MeasurementRow> Workflow { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanSubmit { get; private set; }
    public Paged<AuditRow>? History { get; private set; }

    /// <summary>The values this user submitted: they may withdraw those still waiting.</summary>
    public IReadOnlySet<long> Mine { get; private set; } = new HashSet<long>();

    /// <summary>Whether the user may withdraw (own, waiting) or delete (plan office, not counted) the value.</summary>
    public bool CanRemove(MeasurementRow m) => Indicator?.PlanStatus != PlanStatuses.Archived
        && (CanManage ? m.Status is MeasurementStatuses.Submitted or MeasurementStatuses.Rejected
            : Mine.Contains(m.Id) && m.Status == MeasurementStatuses.Submitted);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Indicator = await GetIndicator.HandleAsync(db, User, id, ct);
        if (Indicator is null) return NotFound();
        var open = Indicator.PlanStatus != PlanStatuses.Archived;
        CanManage = PlanAccess.CanManage(User);
        CanSubmit = open && IndicatorAccess.CanSubmit(User, Indicator.OwnerSector, Indicator.ActionOwnerSector);
        if (IndicatorAccess.CanSubmit(User, Indicator.OwnerSector, Indicator.ActionOwnerSector))
        {
            var page = await ListMeasurements.ForIndicatorAsync(db, User, id, new ListQuery { Limit = ListQuery.MaxLimit }, ct);
            Workflow = page?.Items.Where(m => m.Status != MeasurementStatuses.Validated).ToList() ?? [];
            var me = (CurrentUser.Of(User).Id ?? "");
            Mine = (await db.Set<Measurement>().AsNoTracking().Where(m => m.IndicatorId == id && m.SubmittedBy == me).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        }
        if (CanManage)
        {
            // Those who may change the indicator may see who changed it; that read is itself audited.
            History = await AuditSearch.HistoryAsync(db, who, nameof(Model.Indicator), id.ToString(CultureInfo.InvariantCulture), ct);
        }
        return Page();
    }
}
