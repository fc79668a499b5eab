using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Procurements;

/// <summary>The procedure as the office's form posts it; <see cref="ToInput"/> gives the API's input, so the page and
/// POST/PUT /api/v1/procurements share one handler.</summary>
public sealed record ProcurementForm
{
    public string? Service { get; init; }
    public string? Object { get; init; }
    public string[]? Municipalities { get; init; }
    public string? Cup { get; init; }
    /// <summary>The CIGs separated by commas or spaces.</summary>
    public string? Cigs { get; init; }
    public decimal? Amount { get; init; }
    public string? ProcedureType { get; init; }
    public string? AwardCriterion { get; init; }
    public DateOnly? RequestedOn { get; init; }
    public DateOnly? DecisionOn { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? BidsReceivedOn { get; init; }
    public DateOnly? AwardedOn { get; init; }
    public DateOnly? ContractSignedOn { get; init; }
    public int? BidsCount { get; init; }
    public decimal? AwardValue { get; init; }
    public string? WinnerTaxCode { get; init; }
    public string? WinnerName { get; init; }
    public string? PlatformUrl { get; init; }

    public ProcurementInput ToInput(long? requestId) => new()
    {
        Service = Service, RequestId = requestId, Object = Object, Municipalities = Municipalities, Cup = Cup,
        Cigs = (Cigs ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Amount = Amount, ProcedureType = ProcedureType, AwardCriterion = AwardCriterion, RequestedOn = RequestedOn, DecisionOn = DecisionOn,
        PublishedOn = PublishedOn, BidsReceivedOn = BidsReceivedOn, AwardedOn = AwardedOn, ContractSignedOn = ContractSignedOn, BidsCount = BidsCount,
        AwardValue = AwardValue, WinnerTaxCode = WinnerTaxCode, WinnerName = WinnerName, PlatformUrl = PlatformUrl,
    };

    public static ProcurementForm From(ProcurementRow p) => new()
    {
        Service = p.Service, Object = p.Object, Municipalities = p.Municipalities.Select(m => m.IstatCode).ToArray(), Cup = p.Cup, Cigs = string.Join(", ", p.Cigs),
        Amount = p.Amount, ProcedureType = p.ProcedureType, AwardCriterion = p.AwardCriterion, RequestedOn = p.RequestedOn, DecisionOn = p.DecisionOn,
        PublishedOn = p.PublishedOn, BidsReceivedOn = p.BidsReceivedOn, AwardedOn = p.AwardedOn, ContractSignedOn = p.ContractSignedOn, BidsCount = p.BidsCount,
        AwardValue = p.AwardValue, WinnerTaxCode = p.WinnerTaxCode, WinnerName = p.WinnerName, PlatformUrl = p.PlatformUrl,
    };

    public sealed record Choice(string Value, string Label);

    /// <summary>The Comuni and the procurement services to choose from.</summary>
    public static async Task<(List<Choice> Comuni, List<Choice> Services)> ChoicesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Reads<ITerritoryQueries>().Comuni.OrderBy(c => c.Name).Select(c => new Choice(c.IstatCode, c.Name)).ToListAsync(ct),
         await db.Set<SharedService>().AsNoTracking().Where(s => s.Kind == ServiceKinds.Procurement && s.Active).OrderBy(s => s.SortOrder)
             .Select(s => new Choice(s.Slug, s.Name)).ToListAsync(ct));
}
