using Metropoli.Platform.Modules;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.StrategicPlan.Desk;

/// <summary>The plan's statuses for the glossary, with the labels and badges its pages use.</summary>
public static class PlanGlossary
{
    public const string Actions = "Stato delle azioni";
    public const string Lateness = "Azioni in ritardo";
    public const string Indicators = "Stato degli indicatori";
    public const string Measurements = "Stato dei valori degli indicatori";
    public const string Tasks = "Stato delle attività di monitoraggio";

    public static IEnumerable<GlossaryEntry> Entries =>
    [
        A(ActionStatuses.NotStarted, "L'azione non è ancora cominciata.", 100),
        A(ActionStatuses.OnTrack, "L'azione procede come programmato, secondo il settore responsabile.", 101),
        A(ActionStatuses.AtRisk, "Il settore responsabile segnala difficoltà che potrebbero farla ritardare.", 102),
        A(ActionStatuses.Late, "Il settore responsabile dichiara che l'azione è in ritardo sul suo programma.", 103),
        A(ActionStatuses.Completed, "L'azione è conclusa.", 104),
        A(ActionStatuses.Suspended, "L'azione è ferma per decisione dell'amministrazione.", 105),
        new(Lateness, Model.Lateness.DeclaredName, Model.Lateness.DeclaredDefinition, 110, "bg-danger", "dichiarate-in-ritardo"),
        new(Lateness, Model.Lateness.PastEndName, Model.Lateness.PastEndDefinition, 111, "bg-danger", "oltre-la-data-di-fine"),
        I(IndicatorStatuses.OnTrack, "Il valore validato più recente raggiunge almeno la soglia «in linea» del piano (di norma il 90%) del percorso dal valore di partenza al traguardo.", 120),
        I(IndicatorStatuses.AtRisk, "Il valore validato più recente è tra la soglia «a rischio» (di norma il 60%) e quella «in linea».", 121),
        I(IndicatorStatuses.OffTrack, "Il valore validato più recente è sotto la soglia «a rischio»: l'indicatore è lontano dal traguardo.", 122),
        I(IndicatorStatuses.NoData, "Non c'è ancora un valore validato, o manca il traguardo con cui confrontarlo.", 123),
        M(MeasurementStatuses.Submitted, "Il settore ha inviato il valore; l'ufficio di piano non l'ha ancora esaminato. Non compare nei dati pubblici.", 130),
        M(MeasurementStatuses.Validated, "L'ufficio di piano ha controllato il valore: compare nei dati pubblici e nei cruscotti.", 131),
        M(MeasurementStatuses.Rejected, "L'ufficio di piano ha respinto il valore, con il motivo: il settore lo corregge e lo invia di nuovo.", 132),
        M(MeasurementStatuses.Superseded, "Il valore è stato sostituito da una correzione successiva.", 133),
        T(TaskStatuses.Pending, "Il settore deve ancora inviare stato, avanzamento e valori dell'azione per la campagna.", 140),
        T(TaskStatuses.Submitted, "Il settore ha inviato; l'ufficio di piano deve esaminare.", 141),
        T(TaskStatuses.Returned, "L'ufficio di piano ha chiesto correzioni, con le sue osservazioni.", 142),
        T(TaskStatuses.Accepted, "L'ufficio di piano ha accettato quanto inviato.", 143),
    ];

    private static GlossaryEntry A(string code, string definition, int order) =>
        new(Actions, ActionStatuses.Label(code), definition, order, ActionStatuses.Badge(code), "azione-" + code);

    private static GlossaryEntry I(string code, string definition, int order) =>
        new(Indicators, IndicatorStatuses.Label(code), definition, order, IndicatorStatuses.Badge(code), "indicatore-" + code);

    private static GlossaryEntry M(string code, string definition, int order) =>
        new(Measurements, MeasurementStatuses.Label(code), definition, order, MeasurementStatuses.Badge(code), "valore-" + code);

    private static GlossaryEntry T(string code, string definition, int order) =>
        new(Tasks, TaskStatuses.Label(code), definition, order, TaskStatuses.Badge(code), "attivita-" + code);
}
