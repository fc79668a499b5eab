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
public sealed class DetailModel(AppDbContext db, ICurrentUser who, Microsoft.Extensions.Localization.IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    /// <summary>The trend of the validated values against the baseline and the final target (or the range's
    /// bounds), drawn server-side; empty when there is no validated value.</summary>
    public string TrendChart { get; private set; } = "";

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
        TrendChart = Trend(Indicator, s => l[s]);
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

    /// <summary>The validated values over time (never a submitted or rejected one), with the baseline and the
    /// target of the last year set (for a range, its bounds) as reference lines named in words.</summary>
    public static string Trend(IndicatorDetail i, Func<string, string> label)
    {
        if (i.Series.Count == 0) return "";
        var points = i.Series.OrderBy(s => s.PeriodEnd).Select(s => new SvgCharts.Point(s.Period, s.Value, IndicatorRules.Number(s.Value))).ToList();
        var references = new List<SvgCharts.Reference>();
        if (i.BaselineValue is { } baseline)
        {
            references.Add(new(baseline, string.Format(CultureInfo.CurrentCulture, label("Valore di partenza {0}: {1}"), i.BaselineYear, IndicatorRules.Number(baseline)), "#5c5c5c", "6 4"));
        }
        if (i.Direction == IndicatorDirections.Range)
        {
            if (i.LowerBound is { } lo) references.Add(new(lo, string.Format(CultureInfo.CurrentCulture, label("Limite inferiore: {0}"), IndicatorRules.Number(lo)), "#00704a", "2 3"));
            if (i.UpperBound is { } hi) references.Add(new(hi, string.Format(CultureInfo.CurrentCulture, label("Limite superiore: {0}"), IndicatorRules.Number(hi)), "#00704a", "2 3"));
        }
        else if (i.Targets.OrderBy(t => t.Year).LastOrDefault() is { } target)
        {
            references.Add(new(target.Value, string.Format(CultureInfo.CurrentCulture, label("Obiettivo {0}: {1}"), target.Year, IndicatorRules.Number(target.Value)), "#00704a", "10 4"));
        }
        return SvgCharts.Trend("chart-trend-" + i.Id,
            string.Format(CultureInfo.CurrentCulture, label("Andamento dei valori validati di {0}"), i.Code + " " + i.Name),
            label("Linea con un punto per periodo: i valori validati nel tempo, con il valore di partenza e l'obiettivo come linee di riferimento tratteggiate. La tabella dei dati riporta gli stessi valori."),
            points, references);
    }
}
