using Metropoli.Funding.Import;
using Metropoli.Funding.Model;
using Metropoli.Funding.Sections;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding;

/// <summary>Module 4, funding (issue 20): the calls (bandi) with their eligibility rules as data, the eligibility radar
/// of the Comuni, the funded projects by CUP, and the import of the PNRR open data of Italia Domani (ADR 0041).</summary>
public sealed class FundingModule : IMetropoliModule
{
    public const string ModuleName = "funding";
    public static readonly ReadModels ReadModel = ReadModels.Of(ModuleName);

    public string Name => ModuleName;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Metropoli.Platform.Modules.IComuneFigures, Overview.FundingComuneFigures>();
        Metropoli.Platform.Jobs.JobRegistration.AddJob<Alerts.FundingAlertJob>(builder.Services);
    }

    public void MapEndpoints(WebApplication app) => app.MapFundingApi();

    public void DescribeAudit(Metropoli.Platform.Audit.AuditVocabulary v)
    {
        v.Entities["FundingCall"] = "Bando";
        v.Entities["FundingCallRule"] = "Regola di ammissibilità";
        v.Entities["FundingProject"] = "Progetto finanziato";
        v.Entities["FundingProjectComune"] = "Comune del progetto";
        v.Entities["FundingLine"] = "Fonte di finanziamento";
        v.Values["FundingCall.Status"] = FundingCallStatuses.Label;
        v.Values["FundingCall.Programme"] = FundingProgrammes.Label;
        v.Values["FundingLine.Source"] = FundingSources.Label;
        v.Values["FundingCallRule.Kind"] = Eligibility.RuleLabels.Label;
        v.Entities["FundingApplication"] = "Domanda di finanziamento";
        v.Entities["FundingApplicationPartner"] = "Partner della domanda";
        v.Entities["FundingApplicationStatusChange"] = "Cambio di stato della domanda";
        v.Values["FundingApplication.Status"] = ApplicationStatuses.Label;
        v.Values["FundingApplicationStatusChange.FromStatus"] = ApplicationStatuses.Label;
        v.Values["FundingApplicationStatusChange.ToStatus"] = ApplicationStatuses.Label;
        v.Entities["FundingApplicationOrganisation"] = "Organizzazione partner della domanda";
        v.Entities["FundingApplicationDocument"] = "Documento della domanda";
        v.Entities["FundingExpenditure"] = "Spesa rendicontata";
        v.Entities["FundingMilestone"] = "Milestone o target";
        v.Entities["FundingImport"] = "Importazione degli open data PNRR";
        v.Values["FundingExpenditure.Status"] = ReportStatuses.Label;
        v.Values["FundingMilestone.Status"] = ReportStatuses.Label;
        v.Values["FundingMilestone.Kind"] = MilestoneKinds.Label;
        v.Entities["FundingProjectObjective"] = "Obiettivo del piano del progetto";
        v.Entities["FundingProjectAction"] = "Azione del piano del progetto";
        v.Entities["FundingProjectAgreement"] = "Intesa del progetto";
    }

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.FundingDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public IEnumerable<NavEntry> Navigation => [new("/finanziamenti", "Finanziamenti", 250)];

    public IEnumerable<Metropoli.Platform.OpenData.OpenDataset> Datasets =>
    [
        new("bandi", "I bandi di finanziamento", "I bandi per i Comuni: ente, programma e fondo, scadenze, dotazione, regole di ammissibilità.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Economy], ["bandi", "finanziamenti", "PNRR"],
            Metropoli.Platform.OpenData.Frequencies.Continuous, "/finanziamenti/bandi",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/finanziamenti/bandi/export.csv"), new(Metropoli.Platform.OpenData.FileTypes.Json, "/api/v1/funding-calls", Download: false)],
            (db, ct) => db.Set<Model.FundingCall>().MaxAsync(c => (DateTime?)c.UpdatedAt, ct),
            "Fonte: Italia Domani — open data PNRR."),
        new("progetti-finanziati", "I progetti finanziati dei Comuni", "I progetti finanziati localizzati nei Comuni, per CUP: misura, soggetto attuatore, Comuni, fonti e importi.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Economy, Metropoli.Platform.OpenData.DataThemes.Regions], ["progetti", "CUP", "PNRR", "finanziamenti"],
            Metropoli.Platform.OpenData.Frequencies.Monthly, "/finanziamenti/progetti",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/finanziamenti/progetti/export.csv"), new(Metropoli.Platform.OpenData.FileTypes.Json, "/api/v1/projects", Download: false)],
            (db, ct) => db.Set<Model.FundingProject>().MaxAsync(p => (DateTime?)p.UpdatedAt, ct),
            "Fonte: Italia Domani — open data PNRR."),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
        [new("/finanziamenti", "Bandi e progetti finanziati dei Comuni", 200, "Bandi PNRR e altri fondi, Comuni ammissibili, progetti per CUP", "it-card")];

    public IEnumerable<PageSection> Sections =>
    [
        new(SectionPages.Comune, 300, typeof(FundingForComuneViewComponent)),
        new(SectionPages.Zone, 300, typeof(FundingForZoneViewComponent)),
        new(SectionPages.Objective, 400, typeof(FundingForLinkViewComponent)),
        new(SectionPages.Action, 400, typeof(FundingForLinkViewComponent)),
        new(SectionPages.Agreement, 300, typeof(FundingForLinkViewComponent)),
    ];

    /// <summary>For a municipality officer: the open calls their Comune may apply for, by nearest deadline. For the
    /// funding office (plan office, administrator): the small Comuni that applied to nothing in the last 12 months.</summary>
    public async Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var today = Metropoli.Platform.Time.CivilClock.Today(services.GetRequiredService<TimeProvider>());
        if (FundingAccess.CanManage(user))
        {
            var inactive = await Inactive.InactiveComuniHandler.HandleAsync(db, today, Inactive.InactiveComuniHandler.DefaultMonths, ct);
            return inactive.Items.Count == 0 ? [] :
                [new DeskItem(ModuleName, "Piccoli Comuni senza domande negli ultimi 12 mesi", inactive.Items.Count, "/finanziamenti/comuni-inattivi", DeskUrgency.Normal, 310)];
        }
        if (ApplicationAccess.Municipality(user) is not { } istat) return [];
        var calls = await Eligibility.Radar.ForComuneAsync(db, istat, today, ct) ?? [];
        var items = new List<DeskItem>();
        if (calls.Count > 0)
        {
            var due = calls.Where(c => c.ClosesOn is not null).Select(c => c.ClosesOn).FirstOrDefault();
            items.Add(new DeskItem(ModuleName, "Bandi aperti per il tuo Comune", calls.Count, $"/comuni/{istat}",
                due is { } d && d <= today.AddDays(14) ? DeskUrgency.DueSoon : DeskUrgency.Normal, 300, due));
        }
        return items;
    }

    public IEnumerable<GlossaryEntry> Glossary => FundingCallStatuses.All.Select((s, i) =>
        new GlossaryEntry("Bando", FundingCallStatuses.Label(s), s switch
        {
            FundingCallStatuses.Planned => "Il bando è annunciato ma non si possono ancora presentare domande.",
            FundingCallStatuses.Open => "Si possono presentare domande fino alla scadenza.",
            FundingCallStatuses.Closed => "Il termine per le domande è passato.",
            _ => "Le risorse del bando sono state assegnate.",
        }, 400 + i, FundingCallStatuses.Badge(s), "bando-" + s));

    public async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        // Accents and case ignored (TextSearch): the LIKE narrows, the folded comparison decides.
        var pattern = TextSearch.Pattern(query);
        var cup = query.Trim().ToUpperInvariant();
        var calls = (await db.Set<FundingCall>().AsNoTracking().Where(c => EF.Functions.Like(c.Title.ToLower(), pattern, LikePattern.Escape))
            .OrderByDescending(c => c.ClosesOn).Take(limit * 4).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Where(c => TextSearch.Matches(c.Title, query)).Take(limit).ToList();
        var projects = (await db.Set<FundingProject>().AsNoTracking()
            .Where(p => EF.Functions.Like(p.Title.ToLower(), pattern, LikePattern.Escape) || p.Cup == cup)
            .OrderBy(p => p.Cup).Take(limit * 4).Select(p => new { p.Cup, p.Title }).ToListAsync(ct))
            .Where(p => TextSearch.Matches(p.Title, query) || p.Cup == cup).Take(limit).ToList();
        return calls.Select(c => new SearchResult("Bando", c.Title, $"/finanziamenti/bandi/{c.Id}"))
            .Concat(projects.Select(p => new SearchResult("Progetto finanziato", p.Title, $"/finanziamenti/progetti/{p.Cup}", p.Cup))).Take(limit);
    }

    public IEnumerable<CliCommand> Commands =>
    [
        new(["funding", "import-pnrr"], "importa i file open data PNRR di Italia Domani (tutto o niente, idempotente sul CUP)",
            [new("folder", "la cartella con PNRR_Progetti*.csv, PNRR_Localizzazione*.csv, PNRR_Soggetti*.csv, PNRR_Bandi_e_Avvisi*.csv", Required: true, ValueName: "DIR")],
            ImportPnrrAsync),
    ];

    private static async Task<int> ImportPnrrAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> o, CancellationToken ct)
    {
        var folder = o["folder"];
        string? Read(string prefix) => Directory.EnumerateFiles(folder, prefix + "*.csv").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault() is { } f ? File.ReadAllText(f) : null;
        var files = new PnrrFiles(Read(PnrrImport.ProjectsFile), Read(PnrrImport.LocalisationFile), Read(PnrrImport.SubjectsFile), Read(PnrrImport.CallsFile));
        var result = await PnrrImport.RunAsync(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>(), files, ct);
        switch (result)
        {
            case FundingImportResult.Imported i:
                Console.WriteLine($"Importati {i.Projects} progetti ({i.ProjectsAdded} nuovi) e {i.Calls} bandi ({i.CallsAdded} nuovi). {PnrrImport.Attribution}.");
                return 0;
            case FundingImportResult.Rejected r:
                foreach (var e in r.Errors.Take(200)) Console.Error.WriteLine($"{e.File}, riga {e.Line}{(e.Column is null ? "" : ", colonna " + e.Column)}: {e.Message}");
                Console.Error.WriteLine($"Nessun dato importato: {r.Errors.Count} errori.");
                return 4;
            default:
                return 1;
        }
    }
}
