using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Demo;

/// <summary>Demonstration content: a plan shaped like the PSTTM 2022-2024 "Orizzonte 2026" (approved,
/// with its drivers and policy areas, a few objectives and actions across sectors, Comuni and zones) and
/// the next plan in preparation. Every title says it is demonstration data; codes, amounts, dates and
/// acts are invented. The years follow the clock (ADR 0035): the plan in force covers the two years before
/// today's and today's, the next one the three after, so the demo campaigns (<see cref="CampaignDemo"/>) fall
/// inside it and a campaign for the current year can be opened. Idempotent: a plan with the same name is left as it is.</summary>
public static class PlanDemo
{
    public const string CurrentName = "Piano strategico triennale del territorio metropolitano in vigore (dati dimostrativi)";
    public const string NextName = "Piano strategico triennale del territorio metropolitano successivo (in preparazione, dati dimostrativi)";

    /// <summary>The names the demo plans had before their years followed the clock (ADR 0035): a database seeded
    /// by an earlier release keeps them, and the seed leaves it alone rather than adding a second demo.</summary>
    public static readonly string[] EarlierNames =
    [
        "Piano strategico triennale del territorio metropolitano 2022-2024 — Orizzonte 2026 (dati dimostrativi)",
        "Piano strategico triennale del territorio metropolitano 2025-2027 (in preparazione, dati dimostrativi)",
    ];

    /// <summary>The years of the plan in force on <paramref name="today"/>: the two before and today's.</summary>
    public static (int Start, int End) CurrentYears(DateOnly today) => (today.Year - 2, today.Year);

    /// <summary>The data below is written for a plan 2024-2026; this moves it to <see cref="CurrentYears"/>.</summary>
    private const int WrittenStartYear = 2024;

    private const string Note = "Dati dimostrativi: la struttura riprende il PSTTM 2022-2024; codici, importi, date, atti e avanzamenti sono inventati.";

    private sealed record DemoArea(string Code, string Kind, string Title, DemoObjective[] Objectives);

    private sealed record DemoObjective(string Code, string Title, DemoAction[] Actions);

    private sealed record DemoAction(string Code, string Title, string Sector, string Status, int Progress, decimal Budget, string Programme,
        string[] Tags, string[] Zones, string[] Comuni, int StartYear = 2025, int EndYear = 2026, string? Narrative = null);

    private static readonly DemoArea[] Current =
    [
        new("D1", AreaKinds.Driver, "Campus metropolitano smart",
        [
            new("D1.1", "Una rete metropolitana di scuole e università aperte al territorio",
            [
                new("D1.1.1", "Scuole aperte: patti educativi con i Comuni della Zona Nord Milano", "edilizia-scolastica", ActionStatuses.OnTrack, 45, 850_000m, "04.02",
                    ["prossimita", "inclusione", "pnrr-m4"], ["nord-milano"], [], Narrative: "Firmati i patti con tre Comuni su sei (dato dimostrativo)."),
                new("D1.1.2", "Campus diffuso con il Tavolo metropolitano delle Università", "sviluppo-economico", ActionStatuses.AtRisk, 20, 300_000m, "14.03",
                    ["attrattivita", "connettivita", "pnrr-m4"], [], ["015146", "015209"]),
            ]),
        ]),
        new("D2", AreaKinds.Driver, "Politiche verdi e blu",
        [
            new("D2.1", "Più alberi, più acqua pulita: infrastruttura verde e blu metropolitana",
            [
                new("D2.1.1", "Forestazione urbana lungo il Canale Villoresi", "ambiente", ActionStatuses.OnTrack, 60, 1_200_000m, "09.05",
                    ["sostenibilita", "pnrr-m2"], ["nord-ovest", "alto-milanese"], ["015182", "015118"], Narrative: "Messi a dimora i primi 12.000 alberi (dato dimostrativo)."),
                new("D2.1.2", "Contratti di fiume per Olona, Seveso e Lambro", "ambiente", ActionStatuses.Late, 35, 450_000m, "09.06",
                    ["sostenibilita"], [], ["015166", "015077", "015192"], Narrative: "Ritardo nella convocazione dei tavoli (dato dimostrativo)."),
                new("D2.1.3", "Parchi agricoli: Parco Agricolo Sud Milano e sistema delle aree protette", "ambiente", ActionStatuses.NotStarted, 0, 200_000m, "09.05",
                    ["sostenibilita", "prossimita"], ["sud-ovest", "sud-est"], [], 2026, 2027),
            ]),
        ]),
        new("D3", AreaKinds.Driver, "Sustain-ability",
        [
            new("D3.1", "Qualità dell'aria e transizione energetica degli edifici pubblici",
            [
                new("D3.1.1", "Efficientamento energetico delle scuole superiori metropolitane", "edilizia-scolastica", ActionStatuses.OnTrack, 55, 4_500_000m, "04.02",
                    ["sostenibilita", "pnrr-m2"], ["adda-martesana", "magentino-abbiatense"], ["015142", "015130"]),
                new("D3.1.2", "Piano metropolitano per la qualità dell'aria", "ambiente", ActionStatuses.OnTrack, 40, 150_000m, "09.08",
                    ["sostenibilita"], ["milano", "nord-milano", "nord-ovest"], []),
            ]),
        ]),
        new("D4", AreaKinds.Driver, "Metabolismo circolare metropolitano",
        [
            new("D4.1", "Rifiuti come risorsa",
            [
                new("D4.1.1", "Simbiosi industriale tra le imprese dell'Alto Milanese", "ambiente", ActionStatuses.Completed, 100, 250_000m, "09.03",
                    ["sostenibilita", "attrattivita"], ["alto-milanese"], ["015118", "015194"], 2024, 2025, "Concluso il progetto pilota con 14 imprese (dato dimostrativo)."),
            ]),
        ]),
        new("D5", AreaKinds.Driver, "Diritto alla mobilità",
        [
            new("D5.1", "Una rete ciclabile e un trasporto pubblico per tutta la città metropolitana",
            [
                new("D5.1.1", "Cambio: la rete ciclabile metropolitana, primi itinerari", "mobilita", ActionStatuses.OnTrack, 30, 6_000_000m, "10.05",
                    ["connettivita", "sostenibilita", "pnrr-m3"], ["adda-martesana", "sud-est"], ["015070", "015205", "015195"]),
                new("D5.1.2", "Integrazione tariffaria del trasporto pubblico locale", "mobilita", ActionStatuses.Suspended, 10, 100_000m, "10.02",
                    ["connettivita", "inclusione"], [], ["015146"], Narrative: "Sospesa in attesa della delibera dell'Agenzia TPL (dato dimostrativo)."),
            ]),
        ]),
        new("A1", AreaKinds.Area, "Semplificazione e digitalizzazione",
        [
            new("A1.1", "Servizi digitali condivisi per i Comuni",
            [
                new("A1.1.1", "Piattaforma condivisa per lo sportello unico delle attività produttive", "innovazione-digitale", ActionStatuses.OnTrack, 70, 900_000m, "01.08",
                    ["prossimita", "pnrr-m1"], ["magentino-abbiatense", "sud-ovest"], ["015002", "015093", "015189"]),
            ]),
        ]),
        new("A2", AreaKinds.Area, "Sviluppo economico",
        [
            new("A2.1", "Attrarre investimenti sostenibili",
            [
                new("A2.1.1", "Sportello metropolitano per gli investitori", "sviluppo-economico", ActionStatuses.OnTrack, 50, 400_000m, "14.01",
                    ["attrattivita", "pnrr-m1"], ["milano"], []),
            ]),
        ]),
        new("A3", AreaKinds.Area, "Formazione e lavoro",
        [
            new("A3.1", "Competenze per la transizione verde e digitale",
            [
                new("A3.1.1", "Patto per il lavoro: percorsi di riqualificazione con i centri per l'impiego", "formazione-lavoro", ActionStatuses.AtRisk, 25, 1_500_000m, "15.02",
                    ["inclusione", "pnrr-m5"], ["nord-ovest", "sud-ovest"], ["015182", "015027"]),
            ]),
        ]),
        new("A4", AreaKinds.Area, "Pianificazione territoriale e rigenerazione urbana",
        [
            new("A4.1", "Rigenerare le aree dismesse",
            [
                new("A4.1.1", "Atlante delle aree dismesse e bandi per la rigenerazione", "pianificazione-territoriale", ActionStatuses.OnTrack, 65, 350_000m, "08.01",
                    ["sostenibilita", "attrattivita", "pnrr-m5"], ["nord-milano"], ["015209", "015077"]),
                new("A4.1.2", "Consumo di suolo: monitoraggio del Piano territoriale metropolitano", "ambiente", ActionStatuses.OnTrack, 80, 120_000m, "08.01",
                    ["sostenibilita"], [], [], Narrative: "Pubblicato il secondo rapporto di monitoraggio (dato dimostrativo)."),
            ]),
        ]),
        new("A5", AreaKinds.Area, "Politiche europee",
        [
            new("A5.1", "Più fondi europei per i Comuni",
            [
                new("A5.1.1", "Ufficio metropolitano per i bandi europei al servizio dei piccoli Comuni", "politiche-europee", ActionStatuses.OnTrack, 55, 280_000m, "19.01",
                    ["prossimita", "inclusione"], ["sud-est", "adda-martesana", "magentino-abbiatense"], []),
            ]),
        ]),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        string[] names = [CurrentName, NextName, .. EarlierNames];
        if (await db.Set<Plan>().AnyAsync(p => names.Contains(p.Name), ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (startYear, endYear) = CurrentYears(CivilClock.Today(clock));
        var shift = startYear - WrittenStartYear;
        var metropolitanCity = await db.Reads<ITerritoryQueries>().Organisations.Where(o => o.Type == OrganisationTypes.MetropolitanCity).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);
        var partners = await db.Reads<ITerritoryQueries>().Organisations
            .Where(o => o.Type == OrganisationTypes.Region || o.MunicipalityIstat == "015146")
            .OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(ct);
        var programmes = await db.Set<DupProgramme>().ToDictionaryAsync(p => p.Code, p => p.MissionCode, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = new Plan
        {
            Name = CurrentName, StartYear = startYear, EndYear = endYear, Status = PlanStatuses.Approved,
            Description = $"Il Piano strategico triennale del territorio metropolitano {startYear}-{endYear}: cinque pilastri "
                + "(sostenibilità, connettività, prossimità, inclusione, attrattività), cinque driver di sviluppo e le aree di policy. " + Note,
            AdoptionActBody = "Consiglio metropolitano (dato dimostrativo)", AdoptionActNumber = $"12/{startYear - 1}", AdoptionActDate = new DateOnly(startYear - 1, 11, 27),
            ApprovalActBody = "Conferenza metropolitana (dato dimostrativo)", ApprovalActNumber = $"3/{startYear}", ApprovalActDate = new DateOnly(startYear, 1, 17),
            UpdatedAt = now,
        };
        db.Add(current);
        await db.SaveChangesAsync(ct);

        var areaOrder = 0;
        foreach (var a in Current)
        {
            var area = new PlanArea { PlanId = current.Id, Code = a.Code, Kind = a.Kind, Title = a.Title, SortOrder = ++areaOrder, UpdatedAt = now,
                Description = a.Kind == AreaKinds.Driver ? "Driver di sviluppo del piano (dati dimostrativi)." : "Area di policy del piano (dati dimostrativi)." };
            db.Add(area);
            await db.SaveChangesAsync(ct);
            var objectiveOrder = 0;
            foreach (var o in a.Objectives)
            {
                var objective = new PlanObjective { PlanId = current.Id, AreaId = area.Id, Code = o.Code, Title = o.Title, SortOrder = ++objectiveOrder, UpdatedAt = now };
                db.Add(objective);
                await db.SaveChangesAsync(ct);
                var actionOrder = 0;
                foreach (var x in o.Actions)
                {
                    var values = new ActionValues(objective.Id, x.Code, x.Title + " (dimostrativa)", Note, ++actionOrder, x.Sector,
                        metropolitanCity, x.Sector == "ambiente" ? partners : [],
                        new DateOnly(x.StartYear + shift, 1, 1), new DateOnly(x.EndYear + shift, 12, 31), x.Budget, x.Status, x.Progress, x.Narrative,
                        programmes.GetValueOrDefault(x.Programme), programmes.ContainsKey(x.Programme) ? x.Programme : null, "DUP-SeS-" + a.Code,
                        x.Comuni, x.Zones, x.Tags);
                    await SaveAction.InsertAsync(db, current.Id, values, null, clock, ct);
                }
            }
        }

        var next = new Plan
        {
            Name = NextName, StartYear = endYear + 1, EndYear = endYear + 3, Status = PlanStatuses.Draft, PreviousPlanId = current.Id,
            Description = "Il piano successivo, in preparazione: visibile solo all'ufficio di piano finché non è adottato. " + Note,
            UpdatedAt = now,
        };
        db.Add(next);
        await db.SaveChangesAsync(ct);
        var green = new PlanArea { PlanId = next.Id, Code = "D2", Kind = AreaKinds.Driver, Title = "Politiche verdi e blu", SortOrder = 1, UpdatedAt = now,
            Description = "Driver di sviluppo del piano (dati dimostrativi)." };
        db.Add(green);
        await db.SaveChangesAsync(ct);
        var forest = new PlanObjective { PlanId = next.Id, AreaId = green.Id, Code = "D2.1", Title = "Infrastruttura verde e blu metropolitana", SortOrder = 1, UpdatedAt = now };
        db.Add(forest);
        await db.SaveChangesAsync(ct);
        // The forestation action continues in the next plan: carried over, keeping the link to the one it comes from.
        var carried = await db.Set<PlanAction>().Where(x => x.PlanId == current.Id && x.Code == "D2.1.1").SingleAsync(ct);
        await SaveAction.InsertAsync(db, next.Id, new ActionValues(forest.Id, "D2.1.1", carried.Title, Note, 1, carried.OwnerSector, carried.LeadOrganisationId,
            partners, new DateOnly(endYear + 1, 1, 1), new DateOnly(endYear + 3, 12, 31), 900_000m, ActionStatuses.NotStarted, 0, null,
            carried.DupMissionCode, carried.DupProgrammeCode, carried.DupObjectiveCode, ["015182", "015118"], ["nord-ovest", "alto-milanese"], ["sostenibilita", "pnrr-m2"]),
            carried.Id, clock, ct);
        await tx.CommitAsync(ct);
    }
}
