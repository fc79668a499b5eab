using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Inactive;

public sealed record InactiveCall(long Id, string Title, DateOnly? ClosesOn);

public sealed record InactiveComune(string IstatCode, string Name, string ZoneCode, string ZoneName, int Population,
    DateTime? LastApplicationAt, int OpenCalls, IReadOnlyList<InactiveCall> NearestCalls);

public sealed record InactiveComuni(int Months, DateOnly Since, int SmallComuni, IReadOnlyList<InactiveComune> Items);

/// <summary>The small Comuni (fewer than <see cref="EligibilityEvaluator.SmallComuneThreshold"/> inhabitants, the
/// population the eligibility rules read) that presented no application, as lead or partner, in the last N months,
/// with the calls open to them today: the funding office's list of whom to reach. An application counts once it left
/// the draft (submitted, admitted, funded, not funded; a withdrawn one does not), by when it was created.
/// Fixed number of queries whatever the number of applications: the small Comuni, the lead and the partner ISTAT codes
/// of the period (grouped in SQL), the last application of each small Comune (grouped in SQL), the open calls and their
/// rules once, evaluated in memory for the few small Comuni.</summary>
public static class InactiveComuniHandler
{
    public static readonly int[] MonthChoices = [6, 12, 24, 36];
    public const int DefaultMonths = 12;

    public static int Months(int? requested) => requested is { } m && MonthChoices.Contains(m) ? m : DefaultMonths;

    public static async Task<InactiveComuni> HandleAsync(AppDbContext db, DateOnly today, int months, CancellationToken ct)
    {
        var since = today.AddMonths(-months);
        var sinceAt = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var territory = db.Reads<ITerritoryQueries>();
        var small = await territory.Comuni.AsNoTracking().Where(c => c.Population > 0 && c.Population < EligibilityEvaluator.SmallComuneThreshold)
            .Select(c => new ComuneFacts(c.IstatCode, c.Name, c.ZoneCode, c.Population)).ToListAsync(ct);
        var codes = small.Select(c => c.IstatCode).ToList();

        var presented = db.Set<FundingApplication>().AsNoTracking()
            .Where(a => a.Status != ApplicationStatuses.Draft && a.Status != ApplicationStatuses.Withdrawn);
        var leads = await presented.Where(a => codes.Contains(a.LeadIstat))
            .GroupBy(a => a.LeadIstat).Select(g => new { Istat = g.Key, Last = g.Max(a => a.CreatedAt) }).ToListAsync(ct);
        var partners = await presented.Join(db.Set<FundingApplicationPartner>().Where(p => codes.Contains(p.IstatCode)), a => a.Id, p => p.ApplicationId, (a, p) => new { p.IstatCode, a.CreatedAt })
            .GroupBy(x => x.IstatCode).Select(g => new { Istat = g.Key, Last = g.Max(x => x.CreatedAt) }).ToListAsync(ct);
        var last = leads.Concat(partners).GroupBy(x => x.Istat).ToDictionary(g => g.Key, g => g.Max(x => x.Last));

        var inactive = small.Where(c => !(last.TryGetValue(c.IstatCode, out var at) && at >= sinceAt)).ToList();
        var open = inactive.Count == 0 ? [] : await db.Set<FundingCall>().AsNoTracking()
            .Where(c => c.Status == FundingCallStatuses.Open && (c.ClosesOn == null || c.ClosesOn >= today))
            .Select(c => new { c.Id, c.Title, c.ClosesOn }).ToListAsync(ct);
        var ids = open.Select(c => c.Id).ToList();
        var rules = (await db.Set<FundingCallRule>().AsNoTracking().Where(r => ids.Contains(r.CallId)).ToListAsync(ct)).ToLookup(r => r.CallId);
        var zones = await territory.Zones.AsNoTracking().Select(z => new { z.Code, z.Name, z.SortOrder }).ToListAsync(ct);
        var zoneOf = zones.ToDictionary(z => z.Code);

        var items = inactive
            .Select(c =>
            {
                var calls = open.Where(o => EligibilityEvaluator.Evaluate(rules[o.Id].ToList(), c).Eligible)
                    .OrderBy(o => o.ClosesOn is null).ThenBy(o => o.ClosesOn).ThenBy(o => o.Title).ToList();
                var zone = zoneOf.GetValueOrDefault(c.ZoneCode);
                return new InactiveComune(c.IstatCode, c.Name, c.ZoneCode, zone?.Name ?? c.ZoneCode, c.Population,
                    last.TryGetValue(c.IstatCode, out var at) ? at : null, calls.Count,
                    calls.Take(3).Select(o => new InactiveCall(o.Id, o.Title, o.ClosesOn)).ToList());
            })
            .OrderBy(i => zoneOf.GetValueOrDefault(i.ZoneCode)?.SortOrder ?? int.MaxValue).ThenBy(i => i.Name, StringComparer.Create(new System.Globalization.CultureInfo("it-IT"), true))
            .ToList();
        return new InactiveComuni(months, since, small.Count, items);
    }
}
