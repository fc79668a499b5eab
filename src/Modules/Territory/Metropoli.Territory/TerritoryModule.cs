using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Modules;
using Metropoli.Territory.Associations;
using Metropoli.Territory.Contracts;
using Metropoli.Territory.Map;
using Metropoli.Territory.Model;
using Metropoli.Territory.Municipalities;
using Metropoli.Territory.Organisations;
using Metropoli.Territory.Zones;

namespace Metropoli.Territory;

/// <summary>Module 1: Comuni, Zone omogenee with their history and coordinators, associations of Comuni, organisations and the map.</summary>
public sealed class TerritoryModule : IMetropoliModule
{
    /// <summary>The key of this module's read models (<see cref="ReadModels"/>).</summary>
    public static readonly ReadModels ReadModel = ReadModels.Of(TerritoryContract.Module);

    public string Name => TerritoryContract.Module;

    public void DescribeAudit(Metropoli.Platform.Audit.AuditVocabulary vocabulary) => TerritoryAuditTerms.Describe(vocabulary);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Boundaries>();
        builder.Services.AddSingleton<IComuneMaps, ComuneMaps>();
        builder.Services.AddJob<CoordinatorHistoryJob>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<AppDbContext>().Reads<ITerritoryQueries>());
    }

    public void MapEndpoints(WebApplication app)
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
    }

    public IReadOnlyDictionary<string, Type> ReferencedEntities => new Dictionary<string, Type>
    {
        [TerritoryContract.MunicipalityEntity] = typeof(Municipality),
        [TerritoryContract.ZoneEntity] = typeof(Zone),
        [TerritoryContract.OrganisationEntity] = typeof(Organisation),
    };

    public void ProvideReads(ModuleReads reads)
    {
        reads.Provide<ITerritoryQueries>(db => new TerritoryQueries(db));
        reads.Provide<IScopeDirectory>(db => new TerritoryQueries(db));
        reads.Provide<IOrganisationRegistry>(db => new TerritoryQueries(db));
        reads.Provide<IZoneCoordinators>(db => new TerritoryQueries(db));
    }

    public async Task<IEnumerable<HomeFigure>> HomeFiguresAsync(IServiceProvider services, CancellationToken ct)
    {
        var zones = await ListZones.HandleAsync(services.GetRequiredService<AppDbContext>(), ct);
        return
        [
            new(zones.Sum(z => z.Municipalities), "Comuni", 100),
            new(zones.Count(z => !z.IsCapoluogo), "Zone omogenee, più Milano", 110),
            new(zones.Sum(z => z.Population), "Abitanti (censimento 2011)", 120),
        ];
    }

    public Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        Desk.TerritoryDesk.ItemsAsync(services, user, ct);

    public Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Desk.TerritoryDesk.SearchAsync(services, query, limit, ct);

    public async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        await TerritorySeed.SeedAsync(db, clock, ct);
        await OrganisationSeed.SeedAsync(db, clock, ct);
    }

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.TerritoryDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/comuni", "Comuni", 300),
        new("/zone", "Zone omogenee", 310),
        new("/associazioni", "Associazioni", 320),
        new("/organizzazioni", "Organizzazioni", 330),
        new("/organizzazioni/importa", "Importa organizzazioni da CSV", 300, u => u.IsInRole(Roles.Administrator), NavMenu.Admin),
    ];

    public IEnumerable<Metropoli.Platform.OpenData.OpenDataset> Datasets =>
    [
        new("comuni", "I Comuni della Città metropolitana", "I 133 Comuni: codice ISTAT, popolazione, superficie, zona omogenea, codice fiscale e PEC.",
            [Platform.OpenData.DataThemes.Regions, Platform.OpenData.DataThemes.Government], ["comuni", "enti locali", "territorio"],
            Platform.OpenData.Frequencies.Irregular, "/comuni",
            [new(Platform.OpenData.FileTypes.Csv, "/comuni/export.csv"), new(Platform.OpenData.FileTypes.Json, "/api/v1/municipalities", Download: false)],
            (db, ct) => db.Set<Municipality>().MaxAsync(m => (DateTime?)m.UpdatedAt, ct),
            "Dati comunali: ISTAT; codice fiscale e PEC: IndicePA (CC BY 4.0)."),
        new("confini-comunali", "I confini dei Comuni", "I confini dei 133 Comuni in GeoJSON (WGS84), con la zona omogenea attuale di ciascuno.",
            [Platform.OpenData.DataThemes.Regions], ["confini", "comuni", "cartografia"],
            Platform.OpenData.Frequencies.Irregular, "/territorio/mappa",
            [new(Platform.OpenData.FileTypes.GeoJson, "/api/v1/municipalities/boundaries")],
            (db, ct) => db.Set<ZoneMembership>().MaxAsync(m => (DateTime?)m.UpdatedAt, ct),
            "Confini comunali: ISTAT / Openpolis (CC BY 4.0)."),
        new("zone-omogenee", "Le Zone omogenee", "Le Zone omogenee e Milano, con il numero di Comuni e la popolazione; la composizione in un giorno dato con date=AAAA-MM-GG.",
            [Platform.OpenData.DataThemes.Regions, Platform.OpenData.DataThemes.Government], ["zone omogenee", "comuni"],
            Platform.OpenData.Frequencies.Irregular, "/zone",
            [new(Platform.OpenData.FileTypes.Json, "/api/v1/zones")],
            (db, ct) => db.Set<ZoneMembership>().MaxAsync(m => (DateTime?)m.UpdatedAt, ct)),
        new("organizzazioni", "Il registro delle organizzazioni", "Enti, imprese, università e associazioni con cui la Città metropolitana stipula intese.",
            [Platform.OpenData.DataThemes.Government, Platform.OpenData.DataThemes.Society], ["organizzazioni", "enti", "parti"],
            Platform.OpenData.Frequencies.Irregular, "/organizzazioni",
            [new(Platform.OpenData.FileTypes.Csv, "/organizzazioni/export.csv"), new(Platform.OpenData.FileTypes.Json, "/organizzazioni/export.json")],
            (db, ct) => db.Set<Organisation>().MaxAsync(m => (DateTime?)m.UpdatedAt, ct)),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
    [
        new("/comuni", "I Comuni", 100, "I 133 Comuni: dati, zona, contatti, azioni e intese che li riguardano", "it-pa"),
        new("/zone", "Le Zone omogenee", 110, "Le zone e i loro Comuni, con il coordinatore in carica", "it-map-marker-circle"),
        new("/territorio/mappa", "La mappa del territorio", 120, "Il territorio metropolitano per zona", "it-map-marker"),
        new("/organizzazioni", "Organizzazioni e associazioni", 130, "Enti, società e associazioni di Comuni del territorio", "it-folder"),
    ];
}
