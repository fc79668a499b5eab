using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Eligibility;

public sealed record RadarComune(string IstatCode, string Name, string ZoneCode, int Population, bool Eligible, string? ExcludedBy,
    IReadOnlyList<RadarReason> Reasons);

public sealed record RadarReason(string Rule, bool Passed, string Reason, string[] Arguments, string Text);

public sealed record ZoneCoverage(string ZoneCode, string ZoneName, int Eligible, int Comuni);

public sealed record CallRadar(long CallId, int Eligible, int Comuni, IReadOnlyList<ZoneCoverage> Zones, IReadOnlyList<RadarComune> Items);

/// <summary>The eligibility radar: every Comune of the metropolitan city against a call's rules, with the reason of
/// each rule, and the coverage by zone; and, for a Comune, the open calls it may apply for ("bandi per te").</summary>
public static class Radar
{
    public static async Task<List<ComuneFacts>> ComuniAsync(AppDbContext db, CancellationToken ct) =>
        await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ComuneFacts(c.IstatCode, c.Name, c.ZoneCode, c.Population)).ToListAsync(ct);

    public static async Task<CallRadar?> ForCallAsync(AppDbContext db, long callId, CancellationToken ct)
    {
        if (!await db.Set<FundingCall>().AnyAsync(c => c.Id == callId, ct)) return null;
        var rules = await db.Set<FundingCallRule>().AsNoTracking().Where(r => r.CallId == callId).ToListAsync(ct);
        var comuni = await ComuniAsync(db, ct);
        var zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).ToListAsync(ct);
        var items = comuni.Select(c =>
        {
            var v = EligibilityEvaluator.Evaluate(rules, c);
            return new RadarComune(c.IstatCode, c.Name, c.ZoneCode, c.Population, v.Eligible, v.Excluding?.Kind,
                v.Rules.Select(r => new RadarReason(r.Kind, r.Passed, r.Reason, r.Arguments, r.Text)).ToList());
        }).ToList();
        var coverage = zones.Select(z => new ZoneCoverage(z.Code, z.Name, items.Count(i => i.ZoneCode == z.Code && i.Eligible), items.Count(i => i.ZoneCode == z.Code)))
            .Where(z => z.Comuni > 0).ToList();
        return new CallRadar(callId, items.Count(i => i.Eligible), items.Count, coverage, items);
    }

    public sealed record CallForComune(long Id, string Title, string Issuer, string Programme, DateOnly? ClosesOn, decimal? Budget, string Status);

    /// <summary>The calls open (or about to open) today whose rules admit the Comune, by deadline (open-ended last).</summary>
    public static async Task<List<CallForComune>?> ForComuneAsync(AppDbContext db, string istat, DateOnly today, CancellationToken ct)
    {
        var comune = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().Where(c => c.IstatCode == istat)
            .Select(c => new ComuneFacts(c.IstatCode, c.Name, c.ZoneCode, c.Population)).SingleOrDefaultAsync(ct);
        if (comune is null) return null;
        var calls = await db.Set<FundingCall>().AsNoTracking()
            .Where(c => (c.Status == FundingCallStatuses.Open || c.Status == FundingCallStatuses.Planned) && (c.ClosesOn == null || c.ClosesOn >= today))
            .ToListAsync(ct);
        var ids = calls.Select(c => c.Id).ToList();
        var rules = (await db.Set<FundingCallRule>().AsNoTracking().Where(r => ids.Contains(r.CallId)).ToListAsync(ct)).ToLookup(r => r.CallId);
        return calls.Where(c => EligibilityEvaluator.Evaluate(rules[c.Id].ToList(), comune).Eligible)
            .OrderBy(c => c.ClosesOn is null).ThenBy(c => c.ClosesOn).ThenBy(c => c.Title)
            .Select(c => new CallForComune(c.Id, c.Title, c.Issuer, c.Programme, c.ClosesOn, c.Budget, c.Status)).ToList();
    }
}
