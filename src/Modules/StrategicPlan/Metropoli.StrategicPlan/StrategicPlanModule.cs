using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Modules;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Metropoli.StrategicPlan;

/// <summary>Module 2: plans, their structure (areas → objectives → actions), the DUP classification the actions
/// link to, indicators and measurements, monitoring campaigns and their report, the dashboard, and the actions
/// concerning each Comune and zone.</summary>
public sealed class StrategicPlanModule : IMetropoliModule
{
    /// <summary>The key of this module's read models (<see cref="ReadModels"/>).</summary>
    public static readonly ReadModels ReadModel = ReadModels.Of(PlanContract.Module);

    /// <summary>This module's read model and Territory's, for views that show Comuni and zones beside this module's records.</summary>
    public static readonly ReadModels ReadModelWithTerritory = ReadModel | ReadModels.Of(TerritoryContract.Module);

    public string Name => PlanContract.Module;

    public void DescribeAudit(Metropoli.Platform.Audit.AuditVocabulary vocabulary) => PlanAuditTerms.Describe(vocabulary);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddJob<Campaigns.CampaignReminderJob>();
        builder.Services.AddSingleton<Dashboard.DashboardCache>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<AppDbContext>().Reads<IPlanQueries>());
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapStrategicPlanApi();
        Indicators.IndicatorsApi.MapIndicatorsApi(app);
        app.MapActionsExport();
        Dashboard.DashboardApi.MapDashboardApi(app);
        Campaigns.CampaignsApi.MapCampaignsApi(app);
        // The home page's entry to "the" dashboard: the plan in force's (ADR 0038), the plans' list when none is.
        app.MapGet("/piano/cruscotto", async (AppDbContext db, CancellationToken ct) =>
                Results.Redirect(await Desk.PlanDesk.CurrentPlanAsync(db, ct) is { } plan ? $"/piano/{plan.Id}/cruscotto" : "/piano"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        Desk.PlanDesk.ItemsAsync(services, user, ct);

    public Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Desk.PlanDesk.SearchAsync(services, user, query, limit, ct);

    public Task<IEnumerable<HomeFigure>> HomeFiguresAsync(IServiceProvider services, CancellationToken ct) =>
        Desk.PlanDesk.FiguresAsync(services, ct);

    public IReadOnlyDictionary<string, Type> ReferencedEntities => new Dictionary<string, Type>
    {
        [PlanContract.ObjectiveEntity] = typeof(PlanObjective),
        [PlanContract.ActionEntity] = typeof(PlanAction),
    };

    public void ProvideReads(ModuleReads reads) => reads.Provide<IPlanQueries>(db => new PlanQueries(db));

    public async Task SeedReferenceDataAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await PlanReferenceSeed.SeedAsync(db, ct);
        // Owner sectors written as free text before the sectors registry take the registry's codes (ADR 0033).
        var actionSectors = await db.Set<Model.PlanAction>().Select(a => a.OwnerSector).Distinct().ToListAsync(ct);
        var indicatorSectors = await db.Set<Model.Indicator>().Select(i => i.OwnerSector).Distinct().ToListAsync(ct);
        foreach (var (from, to) in await Metropoli.Platform.Sectors.SectorRegistry.AdoptAsync(db, actionSectors.Concat(indicatorSectors), ct))
        {
            await db.Set<Model.PlanAction>().Where(a => a.OwnerSector == from).ExecuteUpdateAsync(a => a.SetProperty(x => x.OwnerSector, to), ct);
            await db.Set<Model.Indicator>().Where(i => i.OwnerSector == from).ExecuteUpdateAsync(i => i.SetProperty(x => x.OwnerSector, to), ct);
        }
    }

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        await Demo.PlanDemo.SeedAsync(db, clock, ct);
        await Demo.IndicatorDemo.SeedAsync(db, clock, ct);
        await Demo.CampaignDemo.SeedAsync(db, clock, ct);
    }

    /// <summary>A measurement that neither is nor was validated (a submission, a rejection) changes no public figure.</summary>
    public bool ChangesReadModels(EntityEntry entry)
    {
        if (entry.Entity is not Measurement m) return true;
        var was = entry.State == EntityState.Added ? null : entry.Property(nameof(m.Status)).OriginalValue as string;
        return m.Status == MeasurementStatuses.Validated || was == MeasurementStatuses.Validated;
    }

    public IEnumerable<NavEntry> Navigation =>
    [
        new("/piano", "Piano strategico", 100),
        new("/piano/attivita", "Le mie attività", 110,
            u => u.IsInRole(Roles.PlanOffice) || u.IsInRole(Roles.SectorOfficer) || u.IsInRole(Roles.Administrator), NavMenu.Personal),
        new("/piano/misurazioni/da-validare", "Valori da validare", 100, Office, NavMenu.Admin),
        new("/piano/misurazioni/importa", "Importa misurazioni da CSV", 110, Office, NavMenu.Admin),
    ];

    private static bool Office(System.Security.Claims.ClaimsPrincipal u) => u.IsInRole(Roles.PlanOffice) || u.IsInRole(Roles.Administrator);

    public IEnumerable<Platform.OpenData.OpenDataset> Datasets =>
    [
        new("piano-strategico-azioni", "Le azioni del Piano strategico in vigore", "Le azioni del Piano in vigore con area, obiettivo, settore responsabile, stato e avanzamento.",
            [Platform.OpenData.DataThemes.Government], ["piano strategico", "azioni", "monitoraggio"],
            Platform.OpenData.Frequencies.Monthly, "/piano",
            [new(Platform.OpenData.FileTypes.Csv, "/piano/in-vigore/azioni.csv")],
            async (db, ct) =>
            {
                return await Desk.PlanDesk.CurrentPlanAsync(db, ct) is { } plan
                    ? await db.Set<PlanAction>().Where(a => a.PlanId == plan.Id).MaxAsync(a => (DateTime?)a.UpdatedAt, ct)
                    : null;
            }),
        new("piani-strategici", "I piani strategici", "I piani strategici adottati, approvati e archiviati, con anni di validità e atti di adozione.",
            [Platform.OpenData.DataThemes.Government], ["piano strategico"],
            Platform.OpenData.Frequencies.Annual, "/piano",
            [new(Platform.OpenData.FileTypes.Json, "/api/v1/plans", Download: false)],
            (db, ct) => db.Set<Plan>().Where(p => p.Status != PlanStatuses.Draft).MaxAsync(p => (DateTime?)p.UpdatedAt, ct)),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
    [
        new("/piano", "Il Piano strategico", 10, "Aree, obiettivi, azioni e indicatori del Piano strategico metropolitano", "it-files"),
        new("/piano/cruscotto", "Il cruscotto del Piano", 15, "A che punto sono azioni e indicatori: in linea, a rischio, in ritardo", "it-chart-line"),
    ];

    public IEnumerable<GlossaryEntry> Glossary => Desk.PlanGlossary.Entries;

    public IEnumerable<PageSection> Sections =>
    [
        new(SectionPages.Comune, 100, typeof(PlanActionsViewComponent)),
        new(SectionPages.Zone, 100, typeof(PlanActionsViewComponent)),
    ];
}
