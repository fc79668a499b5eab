using Metropoli.Web.Modules.Territory.Associations;
using Metropoli.Web.Modules.Territory.Map;
using Metropoli.Web.Modules.Territory.Municipalities;
using Metropoli.Web.Modules.Territory.Organisations;
using Metropoli.Web.Modules.Territory.Zones;
using Metropoli.Web.Platform.Jobs;

namespace Metropoli.Web.Modules.Territory;

/// <summary>Module 1: Comuni, Zone omogenee with their history and coordinators, associations of Comuni, organisations and the map.</summary>
public static class TerritoryModule
{
    public static WebApplicationBuilder AddTerritory(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Map.Boundaries>();
        builder.Services.AddJob<CoordinatorHistoryJob>();
        return builder;
    }

    public static WebApplication MapTerritory(this WebApplication app)
    {
        app.MapBoundariesApi();
        app.MapTerritoryApi();
        app.MapZonesApi();
        app.MapZoneMembershipsApi();
        app.MapMayorApi();
        app.MapAssociationsApi();
        app.MapMunicipalitiesExport();
        app.MapOrganisationsApi();
        app.MapOrganisationsExport();
        return app;
    }
}
