using Metropoli.Web.Modules.Territory.Map;
using Metropoli.Web.Modules.Territory.Municipalities;

namespace Metropoli.Web.Modules.Territory;

/// <summary>Module 1: Comuni, Zone omogenee, and (to come) associations, organisations and the map.</summary>
public static class TerritoryModule
{
    public static WebApplicationBuilder AddTerritory(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Map.Boundaries>();
        return builder;
    }

    public static WebApplication MapTerritory(this WebApplication app)
    {
        app.MapBoundariesApi();
        app.MapTerritoryApi();
        app.MapMunicipalitiesExport();
        return app;
    }
}
