using Metropoli.Platform.Modules;

namespace Metropoli.Host;

/// <summary>The modules of Metropoli, in dependency order: a module comes after every module whose contract it
/// reads (the architecture tests hold the graph). Adding a module is one project and one line here.</summary>
public static class HostModules
{
    public static readonly IMetropoliModule[] All =
    [
        new Territory.TerritoryModule(),
        new StrategicPlan.StrategicPlanModule(),
        new Agreements.AgreementsModule(),
        new Funding.FundingModule(),
        new Services.ServicesModule(),
        new Participation.ParticipationModule(),
        new Knowledge.KnowledgeModule(),
        new DataGen.DataGenModule(),
    ];
}
