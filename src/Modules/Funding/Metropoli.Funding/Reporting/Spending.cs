using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Reporting;

/// <param name="Rate">Validated spending over total cost, in percent (null without cost).</param>
public sealed record SpendingRow(string Code, string Name, int Projects, decimal TotalCost, decimal Validated, decimal? Rate);

public sealed record RecentExpenditure(string Cup, string Title, DateOnly PaidOn, decimal Amount);

public sealed record SpendingFigures(SpendingRow Total, IReadOnlyList<SpendingRow> ByFund, IReadOnlyList<SpendingRow> ByMission,
    IReadOnlyList<SpendingRow> ByZone, IReadOnlyList<SpendingRow> ByComune);

/// <summary>One row of the reporting download: a project and a month with validated spending.</summary>
public sealed record SpendingPeriodRow(string Cup, string Title, string? Mission, string? Measure, string Programme, string? ImplementerName,
    decimal TotalCost, string Period, decimal Validated, decimal Cumulative, int Expenditures);

/// <summary>The spending rate (validated expenditures over total cost) by fund, PNRR mission, zone and Comune — only
/// validated figures, the same as the project pages and /api/v1/projects/{cup}/expenditures. A project in two Comuni
/// counts in each Comune (and once in a zone and in the total). Every figure is one grouped SQL query.</summary>
public static class Spending
{
    private static decimal? Rate(decimal cost, decimal spent) => cost > 0 ? Math.Round(spent * 100m / cost, 1) : null;

    public static async Task<SpendingFigures> HandleAsync(AppDbContext db, CancellationToken ct)
    {
        var projects = db.Set<FundingProject>().AsNoTracking();
        var validated = db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Status == ReportStatuses.Validated);
        var places = db.Set<FundingProjectComune>().AsNoTracking();
        var comuni = db.Reads<ITerritoryQueries>().Comuni.AsNoTracking();

        var totalCost = await projects.SumAsync(p => (decimal?)p.TotalCost, ct) ?? 0;
        var totalSpent = await validated.SumAsync(e => (decimal?)e.Amount, ct) ?? 0;
        var total = new SpendingRow("", "Totale", await projects.CountAsync(ct), totalCost, totalSpent, Rate(totalCost, totalSpent));

        async Task<List<SpendingRow>> By(Func<string, string> name,
            IQueryable<KeyCost> cost, IQueryable<KeySpent> spent)
        {
            var c = await cost.ToListAsync(ct);
            var s = (await spent.ToListAsync(ct)).ToDictionary(x => x.Key ?? "", x => x.Spent);
            return c.Select(x => new SpendingRow(x.Key ?? "", name(x.Key ?? ""), x.Projects, x.Cost, s.GetValueOrDefault(x.Key ?? ""), Rate(x.Cost, s.GetValueOrDefault(x.Key ?? ""))))
                .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        }

        var byFund = await By(FundingProgrammes.Label,
            projects.GroupBy(p => p.Programme).Select(g => new KeyCost { Key = g.Key, Projects = g.Count(), Cost = g.Sum(p => p.TotalCost) }),
            validated.Join(projects, e => e.Cup, p => p.Cup, (e, p) => new { p.Programme, e.Amount }).GroupBy(x => x.Programme).Select(g => new KeySpent { Key = g.Key, Spent = g.Sum(x => x.Amount) }));
        var byMission = await By(k => k.Length == 0 ? "Fuori dal PNRR" : PnrrMissions.Label(k),
            projects.GroupBy(p => p.Mission).Select(g => new KeyCost { Key = g.Key, Projects = g.Count(), Cost = g.Sum(p => p.TotalCost) }),
            validated.Join(projects, e => e.Cup, p => p.Cup, (e, p) => new { p.Mission, e.Amount }).GroupBy(x => x.Mission).Select(g => new KeySpent { Key = g.Key, Spent = g.Sum(x => x.Amount) }));
        var names = await comuni.ToDictionaryAsync(c => c.IstatCode, c => c.Name, ct);
        var byComune = await By(k => names.GetValueOrDefault(k, k),
            places.Join(projects, x => x.Cup, p => p.Cup, (x, p) => new { x.IstatCode, p.TotalCost }).GroupBy(x => x.IstatCode)
                .Select(g => new KeyCost { Key = g.Key, Projects = g.Count(), Cost = g.Sum(x => x.TotalCost) }),
            places.Join(validated, x => x.Cup, e => e.Cup, (x, e) => new { x.IstatCode, e.Amount }).GroupBy(x => x.IstatCode)
                .Select(g => new KeySpent { Key = g.Key, Spent = g.Sum(x => x.Amount) }));
        // A zone counts a project once, however many of its Comuni it is in.
        var zoneOfProject = places.Join(comuni, x => x.IstatCode, c => c.IstatCode, (x, c) => new { x.Cup, c.ZoneCode }).Distinct();
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var zoneNames = zones.ToDictionary(z => z.Code, z => z.Name);
        var byZone = await By(k => zoneNames.GetValueOrDefault(k, k),
            zoneOfProject.Join(projects, z => z.Cup, p => p.Cup, (z, p) => new { z.ZoneCode, p.TotalCost }).GroupBy(x => x.ZoneCode)
                .Select(g => new KeyCost { Key = g.Key, Projects = g.Count(), Cost = g.Sum(x => x.TotalCost) }),
            zoneOfProject.Join(validated, z => z.Cup, e => e.Cup, (z, e) => new { z.ZoneCode, e.Amount }).GroupBy(x => x.ZoneCode)
                .Select(g => new KeySpent { Key = g.Key, Spent = g.Sum(x => x.Amount) }));
        byZone = zones.Select(z => byZone.FirstOrDefault(r => r.Code == z.Code) ?? new SpendingRow(z.Code, z.Name, 0, 0, 0, null)).ToList();
        return new SpendingFigures(total, byFund, byMission, byZone, byComune);
    }

    /// <summary>The validated spending of the given projects (those with any).</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ValidatedByCupAsync(AppDbContext db, IReadOnlyList<string> cups, CancellationToken ct) =>
        cups.Count == 0 ? new Dictionary<string, decimal>() :
        await db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Status == ReportStatuses.Validated && cups.Contains(e.Cup))
            .GroupBy(e => e.Cup).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);

    /// <summary>The latest validated expenditures of the projects located in a Comune (its page). A Comune with few
    /// projects reads their spending by CUP; one with many (Milano: thousands at metro scale) reads validated spending
    /// newest first and stops at the count: either way an index answers and nothing sorts the whole table.</summary>
    public static async Task<List<RecentExpenditure>> RecentInComuneAsync(AppDbContext db, string istat, int count, CancellationToken ct)
    {
        var cups = await db.Set<FundingProjectComune>().AsNoTracking().Where(x => x.IstatCode == istat).Select(x => x.Cup).ToListAsync(ct);
        if (cups.Count == 0)
        {
            return [];
        }
        var validated = db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Status == ReportStatuses.Validated);
        var latest = cups.Count <= 200
            ? await validated.Where(e => cups.Contains(e.Cup)).OrderByDescending(e => e.PaidOn).ThenByDescending(e => e.Id)
                .Take(count).Select(e => new { e.Cup, e.PaidOn, e.Amount }).ToListAsync(ct)
            : await validated.Where(e => db.Set<FundingProjectComune>().Any(x => x.Cup == e.Cup && x.IstatCode == istat))
                .OrderByDescending(e => e.PaidOn).ThenByDescending(e => e.Id)
                .Take(count).Select(e => new { e.Cup, e.PaidOn, e.Amount }).ToListAsync(ct);
        var shown = latest.Select(e => e.Cup).Distinct().ToList();
        var titles = await db.Set<FundingProject>().AsNoTracking().Where(p => shown.Contains(p.Cup)).ToDictionaryAsync(p => p.Cup, p => p.Title, ct);
        return latest.Select(e => new RecentExpenditure(e.Cup, titles[e.Cup], e.PaidOn, e.Amount)).ToList();
    }

    /// <summary>One row per project and month with validated spending, with the cumulative validated spending.</summary>
    public static async Task<List<SpendingPeriodRow>> PeriodsAsync(AppDbContext db, CancellationToken ct)
    {
        var sums = await db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Status == ReportStatuses.Validated)
            .GroupBy(e => new { e.Cup, e.PaidOn.Year, e.PaidOn.Month })
            .Select(g => new { g.Key.Cup, g.Key.Year, g.Key.Month, Sum = g.Sum(e => e.Amount), Count = g.Count() }).ToListAsync(ct);
        var cups = sums.Select(s => s.Cup).Distinct().ToList();
        var projects = new Dictionary<string, FundingProject>();
        foreach (var chunk in cups.Chunk(500))
        {
            foreach (var p in await db.Set<FundingProject>().AsNoTracking().Where(p => chunk.Contains(p.Cup)).ToListAsync(ct)) projects[p.Cup] = p;
        }
        var rows = new List<SpendingPeriodRow>(sums.Count);
        foreach (var g in sums.GroupBy(s => s.Cup).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var p = projects[g.Key];
            var cumulative = 0m;
            foreach (var s in g.OrderBy(s => s.Year).ThenBy(s => s.Month))
            {
                cumulative += s.Sum;
                rows.Add(new SpendingPeriodRow(p.Cup, p.Title, p.Mission, p.Measure, p.Programme, p.ImplementerName, p.TotalCost, $"{s.Year:0000}-{s.Month:00}", s.Sum, cumulative, s.Count));
            }
        }
        return rows;
    }

    public sealed class KeyCost
    {
        public string? Key { get; init; }
        public int Projects { get; init; }
        public decimal Cost { get; init; }
    }

    public sealed class KeySpent
    {
        public string? Key { get; init; }
        public decimal Spent { get; init; }
    }
}
