using Metropoli.Platform.Audit;
using Metropoli.Services.Model;
using Metropoli.Services.Procurements;

namespace Metropoli.Services;

/// <summary>How the history of changes names the shared services' records and codes (ADR 0030).</summary>
internal static class ServicesAuditTerms
{
    public static void Describe(AuditVocabulary v)
    {
        v.Entities["SharedService"] = "Servizio della Casa dei Comuni";
        v.Entities["ServiceAgreement"] = "Convenzione di adesione al servizio";
        v.Entities["ServiceRequest"] = "Richiesta a un servizio";
        v.Entities["ServiceRequestEvent"] = "Messaggio o cambio di stato della richiesta";
        v.Entities["ServiceRequestAttachment"] = "Allegato della richiesta";
        v.Entities["Procurement"] = "Procedura di gara";
        v.Entities["ProcurementMunicipality"] = "Comune servito dalla procedura";
        v.Values["SharedService.Kind"] = ServiceKinds.Label;
        v.Values["ServiceRequest.Status"] = RequestStatuses.Label;
        v.Values["ServiceRequest.Type"] = RequestTypes.Label;
        v.Values["ServiceRequestEvent.FromStatus"] = RequestStatuses.Label;
        v.Values["ServiceRequestEvent.ToStatus"] = RequestStatuses.Label;
        v.Values["Procurement.ProcedureType"] = ProcedureTypes.Label;
        v.Values["Procurement.AwardCriterion"] = AwardCriteria.Label;
    }
}
