using Metropoli.Platform.Audit;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.StrategicPlan;

/// <summary>How the history of changes names this module's records and codes (ADR 0030).</summary>
internal static class PlanAuditTerms
{
    public static void Describe(AuditVocabulary v)
    {
        v.Entities["Plan"] = "Piano";
        v.Entities["PlanArea"] = "Area";
        v.Entities["PlanObjective"] = "Obiettivo";
        v.Entities["PlanAction"] = "Azione";
        v.Entities["Indicator"] = "Indicatore";
        v.Entities["IndicatorTarget"] = "Valore obiettivo";
        v.Entities["IndicatorThresholds"] = "Soglie";
        v.Entities["Measurement"] = "Misurazione";
        v.Entities["MonitoringCampaign"] = "Campagna di monitoraggio";
        v.Entities["CampaignTask"] = "Scheda di monitoraggio";
        v.Entities["CampaignSnapshot"] = "Istantanea della campagna";
        v.Entities["CampaignActionSnapshot"] = "Istantanea dell'azione";
        v.Entities["PlanTag"] = "Etichetta";
        v.Values["Plan.Status"] = PlanStatuses.Label;
        v.Values["PlanAction.Status"] = ActionStatuses.Label;
        v.Values["CampaignTask.ReportedStatus"] = ActionStatuses.Label;
        v.Values["CampaignTask.Status"] = TaskStatuses.Label;
        v.Values["MonitoringCampaign.Status"] = CampaignStatuses.Label;
        v.Values["Measurement.Status"] = MeasurementStatuses.Label;
        v.Values["Indicator.Direction"] = IndicatorDirections.Label;
        v.Values["Indicator.Frequency"] = IndicatorFrequencies.Label;
        v.Values["PlanArea.Kind"] = AreaKinds.Label;
        v.Values["PlanTag.Kind"] = TagKinds.Label;
        v.Fields["StartYear"] = "Anno di inizio";
        v.Fields["EndYear"] = "Anno di fine";
        v.Fields["AdoptionActNumber"] = "Numero dell'atto di adozione";
        v.Fields["AdoptionActDate"] = "Data dell'atto di adozione";
        v.Fields["AdoptionActBody"] = "Organo che ha adottato";
        v.Fields["ApprovalActNumber"] = "Numero dell'atto di approvazione";
        v.Fields["ApprovalActDate"] = "Data dell'atto di approvazione";
        v.Fields["ApprovalActBody"] = "Organo che ha approvato";
        v.Fields["Measurement.PeriodEnd"] = "Fine del periodo";
        v.Fields["DupMissionCode"] = "Missione DUP";
        v.Fields["DupProgrammeCode"] = "Programma DUP";
        v.Fields["DupObjectiveCode"] = "Obiettivo DUP";
    }
}
