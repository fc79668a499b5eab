using Metropoli.Platform.Audit;
using Metropoli.Territory.Model;

namespace Metropoli.Territory;

/// <summary>How the history of changes names this module's records and codes (ADR 0030).</summary>
internal static class TerritoryAuditTerms
{
    public static void Describe(AuditVocabulary v)
    {
        v.Entities["Municipality"] = "Comune";
        v.Entities["Zone"] = "Zona omogenea";
        v.Entities["ZoneMembership"] = "Appartenenza a una zona";
        v.Entities["ZoneRotation"] = "Turno di coordinamento";
        v.Entities["RotationSlot"] = "Turno";
        v.Entities["CoordinatorTerm"] = "Mandato di coordinamento";
        v.Entities["Mayor"] = "Sindaco";
        v.Entities["Association"] = "Associazione";
        v.Entities["AssociationMember"] = "Membro dell'associazione";
        v.Entities["Organisation"] = "Organizzazione";
        v.Values["Association.Kind"] = AssociationKinds.Label;
        v.Fields["IsCapoluogo"] = "È capoluogo";
        v.Fields["CadastralCode"] = "Codice catastale";
        v.Fields["PostalCodes"] = "CAP";
        v.Fields["ZoneSource"] = "Fonte della zona";
    }
}
