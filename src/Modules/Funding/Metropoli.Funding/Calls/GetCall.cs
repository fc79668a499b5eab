using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Calls;

public sealed record RuleView(string Kind, string Parameter);

public sealed record CallDetail(long Id, string? Code, string Title, string Issuer, string? IssuerTaxCode, string Programme, string? MeasureCode,
    string? MeasureName, string? Themes, string? Recipients, int? PartnersMin, int? PartnersMax, decimal? CofinancingPercent, decimal? Budget,
    DateOnly? OpensOn, DateOnly? ClosesOn, bool UntilFundsRunOut, string? Link, string Status, string Source, int? Applicants, int? Awarded,
    decimal? AwardedAmount, IReadOnlyList<RuleView> Rules, int Version, string? Attribution);

public static class GetCall
{
    public static async Task<CallDetail?> HandleAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var c = await db.Set<FundingCall>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var rules = await db.Set<FundingCallRule>().AsNoTracking().Where(r => r.CallId == id).OrderBy(r => r.Position)
            .Select(r => new RuleView(r.Kind, r.Parameter)).ToListAsync(ct);
        return new CallDetail(c.Id, c.Code, c.Title, c.Issuer, c.IssuerTaxCode, c.Programme, c.MeasureCode, c.MeasureName, c.Themes, c.Recipients,
            c.PartnersMin, c.PartnersMax, c.CofinancingPercent, c.Budget, c.OpensOn, c.ClosesOn, c.UntilFundsRunOut, c.Link, c.Status, c.Source,
            c.Applicants, c.Awarded, c.AwardedAmount, rules, c.Version, c.Source == Import.PnrrImport.SourceName ? Import.PnrrImport.Attribution : null);
    }
}
