using Metropoli.Platform.Exports;
using Metropoli.Services.Model;

namespace Metropoli.Services.Procurements;

/// <summary>The procedures as open data (award data are public): CSV, its Italian variant, XLSX and JSON.</summary>
public static class ProcurementExport
{
    public static ExportColumn<ProcurementRow>[] Columns(string baseUrl) =>
    [
        new("id", "Id", r => r.Id), new("object", "Oggetto", r => r.Object),
        new("municipalities", "Comuni", r => string.Join("; ", r.Municipalities.Select(m => m.IstatCode)), (r, _) => string.Join("; ", r.Municipalities.Select(m => m.Name))),
        new("cup", "CUP", r => r.Cup), new("cig", "CIG", r => string.Join("; ", r.Cigs)), new("amount_eur", "Importo a base di gara (euro)", r => r.Amount),
        new("procedure_type", "Procedura", r => r.ProcedureType, (r, _) => ProcedureTypes.Label(r.ProcedureType)),
        new("award_criterion", "Criterio", r => r.AwardCriterion, (r, _) => AwardCriteria.Label(r.AwardCriterion)),
        new("phase", "Fase", r => r.Phase, (r, _) => ProcurementPhases.Label(r.Phase)),
        new("requested_on", "Richiesta", r => r.RequestedOn), new("decision_on", "Determina a contrarre", r => r.DecisionOn),
        new("published_on", "Pubblicazione", r => r.PublishedOn), new("bids_received_on", "Offerte ricevute", r => r.BidsReceivedOn),
        new("awarded_on", "Aggiudicazione", r => r.AwardedOn), new("contract_signed_on", "Stipula", r => r.ContractSignedOn),
        new("bids", "Offerte", r => r.BidsCount), new("award_eur", "Importo di aggiudicazione (euro)", r => r.AwardValue),
        new("rebate_percent", "Ribasso (%)", r => r.RebatePercent), new("winner_tax_code", "Codice fiscale dell'aggiudicatario", r => r.WinnerTaxCode),
        new("winner", "Aggiudicatario", r => r.WinnerName), new("platform_url", "Piattaforma", r => r.PlatformUrl),
        new("url", "Indirizzo", r => $"{baseUrl}/casa-dei-comuni/procedure#p{r.Id}"),
    ];
}
