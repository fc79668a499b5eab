using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Procurements;

/// <summary>Average days of each phase of a procedure, over the procedures that reached it (null: none did).</summary>
public sealed record PhaseDays(double? Decision, double? Publication, double? Bids, double? Award, double? Contract);

/// <summary>One row of the SUA dashboard: a zone, a Comune or the total. The rebate is weighted by the amounts
/// (the awarded procedures' amounts minus their award values, over their amounts).</summary>
public sealed record ProcurementDashboardRow(string Code, string Name, int Procedures, int Awarded, decimal Amount, decimal AwardValue,
    decimal? RebatePercent, PhaseDays Days);

public sealed record ProcurementDashboardView(ProcurementDashboardRow Total, IReadOnlyList<ProcurementDashboardRow> Zones,
    IReadOnlyList<ProcurementDashboardRow> Comuni);

/// <summary>The SUA dashboard (issue 21, point 3): procedures, amounts, rebates and days per phase by zone and by Comune.
/// A procedure serving several Comuni counts once in each of them and once in the total. Public award data only.</summary>
public static class ProcurementDashboard
{
    public sealed record Facts(long Id, decimal Amount, decimal? AwardValue, DateOnly RequestedOn, DateOnly? DecisionOn,
        DateOnly? PublishedOn, DateOnly? BidsReceivedOn, DateOnly? AwardedOn, DateOnly? ContractSignedOn);

    public static async Task<ProcurementDashboardView> HandleAsync(AppDbContext db, CancellationToken ct)
    {
        var facts = await db.Set<Procurement>().AsNoTracking()
            .Select(p => new Facts(p.Id, p.Amount, p.AwardValue, p.RequestedOn, p.DecisionOn, p.PublishedOn, p.BidsReceivedOn, p.AwardedOn, p.ContractSignedOn))
            .ToDictionaryAsync(f => f.Id, ct);
        var served = await db.Set<ProcurementMunicipality>().AsNoTracking().Select(x => new { x.ProcurementId, x.IstatCode }).ToListAsync(ct);
        var comuni = await db.Reads<IScopeDirectory>().Municipalities.Select(m => new { m.Code, m.Name, m.ZoneCode }).ToDictionaryAsync(m => m.Code, ct);
        var zones = await db.Reads<IScopeDirectory>().Zones.OrderBy(z => z.SortOrder).Select(z => new { z.Code, z.Name }).ToListAsync(ct);

        var byComune = served.Where(s => facts.ContainsKey(s.ProcurementId)).GroupBy(s => s.IstatCode)
            .ToDictionary(g => g.Key, g => g.Select(s => facts[s.ProcurementId]).ToList());
        var comuneRows = byComune.Where(kv => comuni.ContainsKey(kv.Key))
            .Select(kv => Row(kv.Key, comuni[kv.Key].Name, kv.Value))
            .OrderByDescending(r => r.Procedures).ThenBy(r => r.Name, StringComparer.Create(new System.Globalization.CultureInfo("it-IT"), true)).ToList();
        var zoneRows = zones.Select(z => Row(z.Code, z.Name, served
                .Where(s => facts.ContainsKey(s.ProcurementId) && comuni.TryGetValue(s.IstatCode, out var c) && c.ZoneCode == z.Code)
                .Select(s => s.ProcurementId).Distinct().Select(id => facts[id])))
            .Where(r => r.Procedures > 0).ToList();
        return new ProcurementDashboardView(Row("", "", facts.Values), zoneRows, comuneRows);
    }

    public static ProcurementDashboardRow Row(string code, string name, IEnumerable<Facts> procedures)
    {
        var list = procedures.ToList();
        var awarded = list.Where(p => p.AwardValue is not null && p.Amount > 0).ToList();
        var awardedAmount = awarded.Sum(p => p.Amount);
        decimal? rebate = awardedAmount > 0 ? Math.Round((awardedAmount - awarded.Sum(p => p.AwardValue!.Value)) / awardedAmount * 100m, 2) : null;
        return new ProcurementDashboardRow(code, name, list.Count, awarded.Count, list.Sum(p => p.Amount), awarded.Sum(p => p.AwardValue!.Value), rebate,
            new PhaseDays(
                Average(list, p => p.RequestedOn, p => p.DecisionOn),
                Average(list, p => p.DecisionOn, p => p.PublishedOn),
                Average(list, p => p.PublishedOn, p => p.BidsReceivedOn),
                Average(list, p => p.BidsReceivedOn, p => p.AwardedOn),
                Average(list, p => p.AwardedOn, p => p.ContractSignedOn)));
    }

    private static double? Average(List<Facts> list, Func<Facts, DateOnly?> from, Func<Facts, DateOnly?> to)
    {
        var days = list.Where(p => from(p) is not null && to(p) is not null).Select(p => (double)(to(p)!.Value.DayNumber - from(p)!.Value.DayNumber)).ToList();
        return days.Count == 0 ? null : Math.Round(days.Average(), 1);
    }
}
