using Microsoft.EntityFrameworkCore;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Services.Sla;

namespace Metropoli.Services;

/// <summary>Issue 21, the «Casa dei Comuni»: the catalogue of the services the metropolitan city offers the Comuni
/// (joined through conventions of the agreements module), the desk of their requests with service-level clocks and
/// alerts, and the procedures of the Stazione Unica Appaltante (docs/adr/0042).</summary>
public sealed class ServicesModule : IMetropoliModule
{
    public const string ModuleName = "services";

    public static readonly ReadModels ReadModel = ReadModels.Of(ModuleName);

    public string Name => ModuleName;

    public void DescribeAudit(Platform.Audit.AuditVocabulary vocabulary) => ServicesAuditTerms.Describe(vocabulary);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddJob<ServiceLevelAlertJob>();
        builder.Services.AddScoped<IComuneFigures, Requests.ServiceFigures>();
        builder.Services.AddJob<Recruitment.RankingListExpiryJob>();
    }

    public void MapEndpoints(WebApplication app) => app.MapServicesApi();

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.ServicesDemo.SeedAsync(services.GetRequiredService<Platform.Data.AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/casa-dei-comuni", "Casa dei Comuni", 250),
        new("/casa-dei-comuni/richieste", "Richieste ai servizi", 250,
            u => u.IsInRole(Roles.Administrator) || u.IsInRole(Roles.SectorOfficer) || u.IsInRole(Roles.MunicipalityOfficer), NavMenu.Personal),
    ];

    public IEnumerable<Metropoli.Platform.OpenData.OpenDataset> Datasets =>
    [
        new("procedure-sua", "Le procedure di gara della Stazione unica appaltante", "Le procedure svolte per i Comuni: oggetto, Comuni, CIG, tipo di procedura, criterio, fasi, offerte, aggiudicazione e ribasso.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Economy], ["appalti", "CIG", "stazione unica appaltante"],
            Metropoli.Platform.OpenData.Frequencies.Continuous, "/casa-dei-comuni/procedure",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/casa-dei-comuni/procedure/export.csv"), new(Metropoli.Platform.OpenData.FileTypes.Json, "/casa-dei-comuni/procedure/export.json")],
            (db, ct) => db.Set<Model.Procurement>().MaxAsync(p => (DateTime?)p.UpdatedAt, ct)),
        new("concorsi-unici", "I concorsi unici e le graduatorie condivise dei Comuni", "I concorsi unici dell'Ufficio unico concorsi: profilo, area, posti per Comune, bando su inPA, stato; per le graduatorie atto di approvazione, validità, idonei e posizioni utilizzate (senza dati dei candidati).",
            [Metropoli.Platform.OpenData.DataThemes.Government], ["concorsi", "graduatorie", "personale", "inPA"],
            Metropoli.Platform.OpenData.Frequencies.Continuous, "/casa-dei-comuni/concorsi",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/casa-dei-comuni/concorsi/export.csv"), new(Metropoli.Platform.OpenData.FileTypes.Json, "/casa-dei-comuni/concorsi/export.json")],
            (db, ct) => db.Set<Model.Competition>().MaxAsync(c => (DateTime?)c.UpdatedAt, ct)),
        new("servizi-ai-comuni", "Il catalogo dei servizi ai Comuni", "I servizi della Casa dei Comuni: a chi sono rivolti, come si aderisce, ufficio, livelli di servizio e documenti.",
            [Metropoli.Platform.OpenData.DataThemes.Government], ["servizi", "Comuni", "convenzioni"],
            Metropoli.Platform.OpenData.Frequencies.Irregular, "/casa-dei-comuni",
            [new(Metropoli.Platform.OpenData.FileTypes.Json, "/api/v1/services")],
            (db, ct) => db.Set<Model.SharedService>().MaxAsync(s => (DateTime?)s.UpdatedAt, ct)),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
    [
        new("/casa-dei-comuni", "La Casa dei Comuni", 30, "Servizi condivisi per i Comuni: stazione unica appaltante, concorsi, assistenza", "it-pa"),
    ];

    public Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        Desk.ServicesDesk.ItemsAsync(services, user, ct);

    public Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Desk.ServicesDesk.SearchAsync(services, user, query, limit, ct);

    public IEnumerable<GlossaryEntry> Glossary => Desk.ServicesDesk.Glossary;

    public IEnumerable<PageSection> Sections =>
    [
        new(SectionPages.Comune, 250, typeof(Procurements.ProcurementsForTerritoryViewComponent)),
        new(SectionPages.Zone, 250, typeof(Procurements.ProcurementsForTerritoryViewComponent)),
        new(SectionPages.Comune, 251, typeof(Recruitment.CompetitionsForTerritoryViewComponent)),
        new(SectionPages.Zone, 251, typeof(Recruitment.CompetitionsForTerritoryViewComponent)),
    ];
}
