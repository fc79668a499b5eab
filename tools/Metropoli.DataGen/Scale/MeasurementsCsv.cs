using System.Globalization;
using System.Text;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.DataGen.Scale;

/// <summary><c>seed measurements-csv --file F --rows N [--plan ID] [--bad-line L]</c>: a CSV of new
/// measurements for a plan's indicators, in the import's format, for the import benchmark. Periods are
/// ones the indicator has no value for yet (from 2027 on, then earlier years), so the file imports
/// cleanly on a freshly generated database; <c>--bad-line</c> spoils one line (an unknown indicator code)
/// to time the all-or-nothing rejection. Deterministic, like the generator.</summary>
public static class MeasurementsCsv
{
    public static async Task<(long Rows, long PlanId)> WriteAsync(AppDbContext db, string file, long rows, long? planId, long? badLine, CancellationToken ct)
    {
        var plan = planId ?? await db.Set<Plan>().AsNoTracking()
            .Where(p => p.Status == PlanStatuses.Adopted || p.Status == PlanStatuses.Approved)
            .OrderByDescending(p => p.StartYear).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new ScaleException("nessun piano adottato o approvato: indica --plan.");
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == plan).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Code, i.Frequency, i.BaselineValue }).ToListAsync(ct);
        if (indicators.Count == 0) throw new ScaleException($"il piano {plan} non ha indicatori.");
        var taken = (await (from m in db.Set<Measurement>().AsNoTracking()
                            join i in db.Set<Indicator>() on m.IndicatorId equals i.Id
                            where i.PlanId == plan
                            select new { m.IndicatorId, m.Period }).Distinct().ToListAsync(ct))
            .Select(m => (m.IndicatorId, m.Period)).ToHashSet();

        // Free periods per indicator: future years first (what an import typically adds), then the past.
        var years = Enumerable.Range(2027, 2100 - 2027 + 1).Concat(Enumerable.Range(1990, 2027 - 1990).Reverse()).ToArray();
        var free = indicators.Select(i => years.SelectMany(y => IndicatorsGenerator.PeriodsOf(i.Frequency, y, new DateOnly(y, 12, 31)).Where(p => p.End.Year == y))
            .Select(p => p.Period).Where(p => !taken.Contains((i.Id, p)))).ToList();
        var capacity = indicators.Select((i, k) => (long)free[k].Count()).ToArray();
        var total = capacity.Sum();
        if (rows > total) throw new ScaleException($"il piano {plan} ha posto per al più {total:N0} nuove misurazioni: chiedine meno.");

        var r = new Randomness(ScaleProfile.Seed + 1);
        var quotas = capacity.Select(c => (long)Math.Floor((double)c * rows / total)).ToArray();
        for (var k = 0; quotas.Sum() < rows; k = (k + 1) % quotas.Length)
        {
            if (quotas[k] < capacity[k]) quotas[k]++;
        }
        await using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("indicator_code,period,value,note");
        long line = 1, written = 0;
        for (var k = 0; k < indicators.Count; k++)
        {
            var baseline = (double)(indicators[k].BaselineValue ?? 100m);
            foreach (var period in free[k].Take((int)quotas[k]))
            {
                line++;
                var code = line == badLine ? "NON-ESISTE" : indicators[k].Code;
                var value = Math.Round(baseline * (0.8 + r.Double() * 0.5), 2).ToString("0.##", CultureInfo.InvariantCulture);
                // One row in twenty carries a note, some with a comma (quoted), as real files do.
                var note = r.Chance(0.05) ? (r.Chance(0.5) ? "\"Stima provvisoria, da confermare\"" : "Dato dell'ufficio statistico") : "";
                await writer.WriteLineAsync($"{code},{period},{value},{note}");
                written++;
            }
        }
        return (written, plan);
    }
}
