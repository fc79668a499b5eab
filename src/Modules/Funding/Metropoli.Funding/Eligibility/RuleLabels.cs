using Metropoli.Funding.Model;

namespace Metropoli.Funding.Eligibility;

public static class RuleLabels
{
    public static string Label(string kind) => kind switch
    {
        RuleKinds.Recipients => "Destinatari",
        RuleKinds.PopulationMin => "Popolazione minima",
        RuleKinds.PopulationMax => "Popolazione massima",
        RuleKinds.SmallComune => "Piccoli Comuni",
        RuleKinds.Zones => "Zone ammesse",
        RuleKinds.Comuni => "Comuni ammessi",
        RuleKinds.ExcludeComuni => "Comuni esclusi",
        _ => kind,
    };
}
