using Metropoli.Agreements.Model;
using Metropoli.Platform.Audit;

namespace Metropoli.Agreements;

/// <summary>How the history of changes names this module's records and codes (ADR 0030).</summary>
internal static class AgreementAuditTerms
{
    public static void Describe(AuditVocabulary v)
    {
        v.Entities["Agreement"] = "Intesa";
        v.Entities["AgreementParty"] = "Parte dell'intesa";
        v.Entities["AgreementObligation"] = "Obbligo dell'intesa";
        v.Entities["AgreementDocument"] = "Documento";
        v.Entities["AgreementMeeting"] = "Riunione";
        v.Entities["AgreementBody"] = "Organo di governo";
        v.Entities["AgreementAmendment"] = "Modifica dell'intesa";
        v.Entities["AgreementStatusChange"] = "Cambio di stato";
        v.Entities["AgreementTheme"] = "Tema";
        v.Values["Agreement.Type"] = AgreementTypes.Label;
        v.Values["Agreement.Visibility"] = AgreementVisibility.Label;
        v.Values["Agreement.Status"] = AgreementStatuses.Label;
        v.Values["AgreementStatusChange.FromStatus"] = AgreementStatuses.Label;
        v.Values["AgreementStatusChange.ToStatus"] = AgreementStatuses.Label;
        v.Values["AgreementParty.Role"] = PartyRoles.Label;
        v.Values["AgreementObligation.Kind"] = ObligationKinds.Label;
        v.Values["AgreementObligation.Status"] = ObligationStatuses.Label;
        v.Values["AgreementDocument.Kind"] = DocumentKinds.Label;
    }
}
