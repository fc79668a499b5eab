using Metropoli.Agreements.Model;
using Metropoli.Platform.Modules;

namespace Metropoli.Agreements.Desk;

/// <summary>The agreements' statuses for the glossary, with the labels and badges their pages use.</summary>
public static class AgreementGlossary
{
    public const string Agreements = "Stato delle intese";
    public const string Obligations = "Stato degli impegni delle intese";

    public static IEnumerable<GlossaryEntry> Entries =>
    [
        A(AgreementStatuses.Proposal, "L'intesa è in preparazione: la vede solo chi ci lavora.", 300),
        A(AgreementStatuses.UnderReview, "L'intesa è all'esame degli uffici prima dell'approvazione.", 301),
        A(AgreementStatuses.Approved, "L'organo competente ha approvato l'intesa; manca la firma.", 302),
        A(AgreementStatuses.Signed, "Le parti hanno firmato; l'intesa non è ancora efficace.", 303),
        A(AgreementStatuses.InForce, "L'intesa è efficace: le parti devono adempiere ai loro impegni.", 304),
        A(AgreementStatuses.Concluded, "L'intesa ha raggiunto il suo scopo ed è chiusa.", 305),
        A(AgreementStatuses.Expired, "L'intesa ha passato la data di scadenza senza rinnovo.", 306),
        A(AgreementStatuses.Withdrawn, "L'intesa è stata abbandonata prima di diventare efficace, o revocata.", 307),
        new(Obligations, ObligationStatuses.Label(ObligationStatuses.Open), "L'impegno deve ancora essere adempiuto entro la sua scadenza.", 310, "bg-warning text-dark", "impegno-open"),
        new(Obligations, "scaduto", "Un impegno ancora da adempiere la cui scadenza è passata.", 311, "bg-danger", "impegno-scaduto"),
        new(Obligations, ObligationStatuses.Label(ObligationStatuses.Done), "La parte ha adempiuto all'impegno (con la data e l'eventuale prova).", 312, "bg-success", "impegno-done"),
        new(Obligations, ObligationStatuses.Label(ObligationStatuses.Waived), "L'impegno non è più richiesto (per esempio per una modifica dell'intesa).", 313, "bg-secondary", "impegno-waived"),
    ];

    private static GlossaryEntry A(string code, string definition, int order) =>
        new(Agreements, AgreementStatuses.Label(code), definition, order, AgreementStatuses.Badge(code), "intesa-" + code);
}
