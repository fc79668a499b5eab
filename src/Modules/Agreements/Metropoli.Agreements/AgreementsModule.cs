using Microsoft.EntityFrameworkCore;
using Metropoli.Agreements.Alerts;
using Metropoli.Agreements.Traceability;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Modules;

namespace Metropoli.Agreements;

/// <summary>Module 3, the system of agreements: the register and lifecycle of agreements, their parties,
/// obligations, documents and governance, the links to the plan and the territory, the dashboard, the
/// CSV import, and the jobs that expire agreements and send alerts.</summary>
public sealed class AgreementsModule : IMetropoliModule
{
    public const string ModuleName = Contracts.AgreementsContract.Module;

    /// <summary>The key of this module's read models (<see cref="ReadModels"/>).</summary>
    public static readonly ReadModels ReadModel = ReadModels.Of(ModuleName);

    /// <summary>This module's read model and Territory's, for views that show Comuni and zones beside this module's records.</summary>
    public static readonly ReadModels ReadModelWithTerritory = ReadModel | ReadModels.Of(TerritoryContract.Module);

    public string Name => ModuleName;

    public IReadOnlyDictionary<string, Type> ReferencedEntities => new Dictionary<string, Type>
    {
        [Contracts.AgreementsContract.AgreementEntity] = typeof(Model.Agreement),
    };

    /// <summary>The agreements and their parties for the modules that read them (the shared services' adhesions).</summary>
    public void ProvideReads(ModuleReads reads) => reads.Provide<Contracts.IAgreementQueries>(db => new AgreementQueries(db));

    public void DescribeAudit(Metropoli.Platform.Audit.AuditVocabulary vocabulary) => AgreementAuditTerms.Describe(vocabulary);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AgreementOptions>(builder.Configuration, "Agreements");
        builder.Services.AddJob<AgreementExpiryJob>();
        builder.Services.AddJob<AgreementAlertJob>();
    }

    public void MapEndpoints(WebApplication app) => app.MapAgreementsApi();

    public async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await Model.AgreementThemeSeed.SeedAsync(db, services.GetRequiredService<TimeProvider>(), ct);
        // Owner sectors written as free text before the sectors registry take the registry's codes (ADR 0033).
        var sectors = await db.Set<Model.Agreement>().Where(a => a.OwnerSector != null).Select(a => a.OwnerSector!).Distinct().ToListAsync(ct);
        foreach (var (from, to) in await Metropoli.Platform.Sectors.SectorRegistry.AdoptAsync(db, sectors, ct))
        {
            await db.Set<Model.Agreement>().Where(a => a.OwnerSector == from).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerSector, to), ct);
        }
    }

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.AgreementDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/intese", "Intese", 200),
        new("/intese/temi", "Temi delle intese", 200, u => u.IsInRole(Roles.Administrator), NavMenu.Admin),
        new("/intese/importa", "Importa intese da CSV", 210, u => u.IsInRole(Roles.Administrator) || u.IsInRole(Roles.PlanOffice), NavMenu.Admin),
    ];

    public IEnumerable<Platform.OpenData.OpenDataset> Datasets =>
    [
        new("intese", "Il registro delle intese", "Le intese pubbliche della Città metropolitana con Regione, Comuni ed enti: parti, temi, stato, date e importi.",
            [Platform.OpenData.DataThemes.Government], ["intese", "accordi", "convenzioni"],
            Platform.OpenData.Frequencies.Irregular, "/intese",
            [new(Platform.OpenData.FileTypes.Csv, "/intese/export.csv"), new(Platform.OpenData.FileTypes.Json, "/intese/export.json")],
            (db, ct) => db.Set<Model.Agreement>()
                .Where(a => a.Visibility == Model.AgreementVisibility.Public && Model.AgreementStatuses.Published.Contains(a.Status))
                .MaxAsync(a => (DateTime?)a.UpdatedAt, ct)),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
    [
        new("/intese", "Il registro delle intese", 20, "Accordi con Comuni ed enti: parti, impegni e scadenze", "it-box"),
        new("/intese/cruscotto", "Il cruscotto delle intese", 25, "Intese per stato, tema e scadenza; impegni in ritardo", "it-chart-line"),
    ];

    public Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        Desk.AgreementDesk.ItemsAsync(services, user, ct);

    public Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Desk.AgreementDesk.SearchAsync(services, user, query, limit, ct);

    public Task<IEnumerable<HomeFigure>> HomeFiguresAsync(IServiceProvider services, CancellationToken ct) =>
        Desk.AgreementDesk.FiguresAsync(services, ct);

    public IEnumerable<GlossaryEntry> Glossary => Desk.AgreementGlossary.Entries;

    public IEnumerable<PageSection> Sections =>
    [
        new(SectionPages.Comune, 200, typeof(AgreementsForTerritoryViewComponent)),
        new(SectionPages.Zone, 200, typeof(AgreementsForTerritoryViewComponent)),
        new(SectionPages.Objective, 200, typeof(AgreementsForPlanItemViewComponent)),
        new(SectionPages.Action, 200, typeof(AgreementsForPlanItemViewComponent)),
        new(SectionPages.Organisation, 200, typeof(AgreementsForOrganisationViewComponent)),
    ];
}
