using System.Globalization;
using Metropoli.StrategicPlan.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>Three plans: two archived ones (2019-2021, 2022-2024) and the adopted 2025-2027 plan that holds
/// almost all the actions. Areas are Zipf-weighted (a few big policy areas, many small), each area leans
/// towards one owner sector, statuses come in plausible proportions and dates spread over the years.</summary>
public sealed class PlanGenerator(ScaleWorld w)
{
    public const string Marker = "(dati generati)";

    private static readonly string[] AreaTitles =
    [
        "Mobilità sostenibile e trasporto pubblico", "Transizione ecologica e qualità dell'aria", "Rigenerazione urbana e casa",
        "Scuole e formazione", "Lavoro e sviluppo economico", "Semplificazione e trasformazione digitale",
        "Inclusione e coesione sociale", "Governo del territorio", "Parchi, biodiversità e agricoltura", "Cultura e turismo",
        "Infrastrutture e reti", "Protezione civile e sicurezza del territorio", "Energia e decarbonizzazione", "Acque e suolo",
        "Salute e servizi socio-sanitari", "Sport e grandi eventi", "Innovazione e ricerca", "Attrattività internazionale",
        "Welfare metropolitano", "Servizi ai Comuni", "Partecipazione e trasparenza", "Giovani e politiche attive",
        "Logistica e merci", "Sicurezza stradale",
    ];

    private static readonly string[] Verbs = ["Potenziamento", "Riqualificazione", "Realizzazione", "Sviluppo", "Programma", "Piano", "Rete", "Progetto"];
    private static readonly string[] Objects =
    [
        "delle piste ciclabili", "degli edifici scolastici", "del trasporto pubblico locale", "delle aree verdi", "dei servizi digitali",
        "degli alloggi sociali", "della rete idrica", "dei centri per l'impiego", "dei percorsi di formazione", "delle strade provinciali",
        "degli impianti sportivi", "della mobilità elettrica", "dei parchi regionali", "degli sportelli unici", "della raccolta dati",
    ];

    private static readonly (string Status, double Weight)[] StatusMix =
    [
        (ActionStatuses.OnTrack, 45), (ActionStatuses.AtRisk, 15), (ActionStatuses.Late, 10),
        (ActionStatuses.Completed, 12), (ActionStatuses.NotStarted, 13), (ActionStatuses.Suspended, 5),
    ];

    public List<Plan> Plans { get; } = [];
    public List<PlanArea> Areas { get; } = [];
    public List<PlanObjective> Objectives { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<PlanActionMunicipality> ActionMunicipalities { get; } = [];
    public List<PlanActionZone> ActionZones { get; } = [];
    public List<PlanActionTag> ActionTags { get; } = [];
    public List<PlanActionPartner> ActionPartners { get; } = [];

    public void Generate(long planId, long areaId, long objectiveId, long actionId)
    {
        var r = w.Random;
        var specs = new[]
        {
            (Start: 2019, Status: PlanStatuses.Archived, Areas: Math.Max(2, w.Profile.Areas / 3), Actions: w.Profile.OldPlanActions, Current: false),
            (Start: 2022, Status: PlanStatuses.Archived, Areas: Math.Max(2, w.Profile.Areas / 3), Actions: w.Profile.OldPlanActions, Current: false),
            (Start: 2025, Status: PlanStatuses.Adopted, Areas: w.Profile.Areas, Actions: w.Profile.Actions, Current: true),
        };
        long? previous = null;
        List<ScaleWorld.ActionInfo> previousActions = [];
        var statuses = new Randomness.Weighted<string>(StatusMix.Select(s => s.Status), StatusMix.Select(s => s.Weight));
        foreach (var spec in specs)
        {
            var end = spec.Start + 2;
            var plan = new Plan
            {
                Id = planId++, Name = $"Piano strategico metropolitano {spec.Start}-{end} {Marker}", StartYear = spec.Start, EndYear = end,
                Description = "Piano generato per le prove di carico: contenuti verosimili, non reali.",
                Status = spec.Status, AdoptionActBody = "Consiglio metropolitano", AdoptionActNumber = $"{r.Int(10, 90)}/{spec.Start - 1}",
                AdoptionActDate = new DateOnly(spec.Start - 1, r.Int(9, 12), r.Int(1, 28)),
                ApprovalActBody = spec.Status == PlanStatuses.Archived ? "Conferenza metropolitana" : null,
                ApprovalActNumber = spec.Status == PlanStatuses.Archived ? $"{r.Int(1, 20)}/{spec.Start}" : null,
                ApprovalActDate = spec.Status == PlanStatuses.Archived ? new DateOnly(spec.Start, r.Int(1, 4), r.Int(1, 28)) : null,
                PreviousPlanId = previous, UpdatedAt = w.Now, Version = 1,
            };
            Plans.Add(plan);
            var info = new ScaleWorld.PlanInfo(plan.Id, spec.Start, end, spec.Current, [], []);
            w.Plans.Add(info);

            // Areas and their objectives; the objectives of big areas get more actions.
            var objectiveWeights = new List<(long Id, string Code, string Sector, double Weight)>();
            var objectivesLeft = spec.Current ? w.Profile.Objectives : Math.Max(spec.Areas, w.Profile.Objectives / 4);
            var areaWeights = Randomness.Zipf(spec.Areas, 0.9);
            for (var a = 0; a < spec.Areas; a++)
            {
                var area = new PlanArea
                {
                    Id = areaId++, PlanId = plan.Id, Code = string.Create(CultureInfo.InvariantCulture, $"A{a + 1:00}"),
                    Title = AreaTitles[a % AreaTitles.Length], Kind = a < 3 ? AreaKinds.Driver : AreaKinds.Area, SortOrder = a + 1,
                    Description = "Area del piano (dato generato).", UpdatedAt = w.Now, Version = 1,
                };
                Areas.Add(area);
                var sector = ScaleWorld.Sectors[a % ScaleWorld.Sectors.Length];
                var count = Math.Max(1, objectivesLeft / (spec.Areas - a) + (a < spec.Areas / 3 ? 1 : 0));
                count = Math.Min(count, Math.Max(1, objectivesLeft - (spec.Areas - a - 1)));
                objectivesLeft -= count;
                for (var o = 0; o < count; o++)
                {
                    var objective = new PlanObjective
                    {
                        Id = objectiveId++, PlanId = plan.Id, AreaId = area.Id,
                        Code = string.Create(CultureInfo.InvariantCulture, $"{area.Code}.O{o + 1:00}"),
                        Title = $"{r.Pick(Verbs)} {r.Pick(Objects)} ({area.Title.ToLowerInvariant()})",
                        Description = "Obiettivo del piano (dato generato).", SortOrder = o + 1, UpdatedAt = w.Now, Version = 1,
                    };
                    Objectives.Add(objective);
                    info.Objectives.Add(objective.Id);
                    objectiveWeights.Add((objective.Id, objective.Code, sector, areaWeights[a] / count));
                }
            }

            var objectivePick = new Randomness.Weighted<(long Id, string Code, string Sector, double Weight)>(objectiveWeights, objectiveWeights.Select(x => x.Weight));
            var perObjective = new Dictionary<long, int>();
            for (var i = 0; i < spec.Actions; i++)
            {
                // Every objective gets one action before the weighting takes over.
                var objective = i < objectiveWeights.Count ? objectiveWeights[i] : objectivePick.Next(r);
                var n = perObjective[objective.Id] = perObjective.GetValueOrDefault(objective.Id) + 1;
                var status = statuses.Next(r);
                var start = r.Date(new DateOnly(spec.Start - 1, 6, 1), new DateOnly(end, 6, 30));
                var finish = start.AddMonths(r.Int(6, 40));
                if (status == ActionStatuses.Late && finish >= w.Today) finish = r.Date(start.AddMonths(1), w.Today.AddDays(-1));
                if (!spec.Current && status is not (ActionStatuses.Completed or ActionStatuses.Suspended))
                    status = r.Chance(0.8) ? ActionStatuses.Completed : ActionStatuses.Suspended;
                var progress = status switch
                {
                    ActionStatuses.Completed => 100,
                    ActionStatuses.NotStarted => 0,
                    ActionStatuses.OnTrack => r.Int(20, 95),
                    ActionStatuses.AtRisk => r.Int(10, 70),
                    ActionStatuses.Late => r.Int(5, 60),
                    _ => r.Int(0, 50),
                };
                var sector = r.Chance(0.7) ? objective.Sector : w.SectorPick.Next(r);
                var (mission, programme) = r.Pick(w.Programmes);
                var carried = spec.Current && previousActions.Count > 0 && r.Chance(0.05) ? r.Pick(previousActions).Id : (long?)null;
                var action = new PlanAction
                {
                    Id = actionId++, PlanId = plan.Id, ObjectiveId = objective.Id,
                    Code = string.Create(CultureInfo.InvariantCulture, $"{objective.Code}.{n:000}"),
                    Title = $"{r.Pick(Verbs)} {r.Pick(Objects)}",
                    Description = "Azione generata per le prove di carico.", SortOrder = n, OwnerSector = sector,
                    LeadOrganisationId = r.Chance(0.3) ? w.OrganisationPick.Next(r) : null,
                    StartDate = start, EndDate = finish, Budget = r.Chance(0.85) ? r.Money(400_000, 1.3) : null,
                    Status = status, Progress = progress,
                    Narrative = status == ActionStatuses.NotStarted ? null : $"Stato di attuazione al {progress}% (dato generato).",
                    DupMissionCode = mission, DupProgrammeCode = programme, DupObjectiveCode = r.Chance(0.5) ? $"OS{r.Int(1, 12)}" : null,
                    PreviousActionId = carried, UpdatedAt = w.Now, Version = 1,
                };
                Actions.Add(action);
                info.Actions.Add(new ScaleWorld.ActionInfo(action.Id, plan.Id, objective.Id, action.Code, sector, start.Year, finish.Year, status));

                // Where: one to four Comuni (by population) and, for one action in three, a zone or two.
                foreach (var c in w.ComunePick.Distinct(r, r.Int(1, 5)))
                    ActionMunicipalities.Add(new PlanActionMunicipality { ActionId = action.Id, IstatCode = c.Istat });
                if (r.Chance(0.33))
                    foreach (var z in w.Zones.OrderBy(_ => r.Double()).Take(r.Int(1, 3)))
                        ActionZones.Add(new PlanActionZone { ActionId = action.Id, ZoneCode = z });
                foreach (var t in w.Tags.OrderBy(_ => r.Double()).Take(r.Int(0, 4)))
                    ActionTags.Add(new PlanActionTag { ActionId = action.Id, TagCode = t });
                foreach (var o in w.OrganisationPick.Distinct(r, r.Int(0, 4)))
                    ActionPartners.Add(new PlanActionPartner { ActionId = action.Id, OrganisationId = o });
            }
            previous = plan.Id;
            previousActions = info.Actions;
        }
    }
}
