using System.Security.Claims;
using Metropoli.Participation.Model;
using Metropoli.Participation.Traceability;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation;

/// <summary>Participation (issue 22): the Forum metropolitano and its tables, the zone assemblies of mayors, their
/// meetings, and the consultations whose proposals get an official answer traced to the plan (ADR 0043).</summary>
public sealed class ParticipationModule : IMetropoliModule
{
    public const string ModuleName = "participation";

    public static readonly ReadModels ReadModel = ReadModels.Of(ModuleName);

    /// <summary>Read models that also show Territory's names (zones, organisations).</summary>
    public static readonly ReadModels ReadModelWithTerritory = ReadModel | ReadModels.Of(TerritoryContract.Module);

    /// <summary>Read models that also show the plan's objectives and actions (a consultation and its answers).</summary>
    public static readonly ReadModels ReadModelWithPlan = ReadModelWithTerritory | ReadModels.Of(PlanContract.Module);

    public string Name => ModuleName;

    public void MapEndpoints(WebApplication app) => app.MapParticipationApi();

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.ParticipationDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    public IEnumerable<NavEntry> Navigation => [new("/partecipazione", "Partecipazione", 300)];

    public IEnumerable<Metropoli.Platform.OpenData.OpenDataset> Datasets =>
    [
        new("organismi-partecipazione", "Gli organismi della partecipazione", "Il Forum metropolitano, i suoi tavoli e le assemblee dei sindaci delle zone omogenee.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Society], ["Forum metropolitano", "tavoli", "zone omogenee"],
            Metropoli.Platform.OpenData.Frequencies.Irregular, "/partecipazione",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/partecipazione/organismi.csv")],
            (db, ct) => db.Set<Model.Body>().MaxAsync(b => (DateTime?)b.UpdatedAt, ct)),
        // The members are another table, so another dataset (a distribution is the same data in another format).
        new("membri-organismi-partecipazione", "I membri degli organismi della partecipazione", "Le organizzazioni che fanno parte del Forum, dei tavoli e delle assemblee di zona, con la loro categoria e la data di ingresso.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Society], ["Forum metropolitano", "membri", "organizzazioni"],
            Metropoli.Platform.OpenData.Frequencies.Irregular, "/partecipazione",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/partecipazione/membri.csv")],
            (db, ct) => db.Set<Model.Body>().MaxAsync(b => (DateTime?)b.UpdatedAt, ct)),
        new("riunioni-partecipazione", "Le riunioni degli organismi", "Le riunioni convocate: organismo, data, luogo, ordine del giorno e verbale approvato.",
            [Metropoli.Platform.OpenData.DataThemes.Government], ["riunioni", "verbali"],
            Metropoli.Platform.OpenData.Frequencies.Continuous, "/partecipazione",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/partecipazione/riunioni.csv")],
            (db, ct) => db.Set<Model.Meeting>().MaxAsync(m => (DateTime?)m.UpdatedAt, ct)),
        new("proposte-consultazioni", "Le proposte delle consultazioni e le risposte", "Le proposte pubblicate nelle consultazioni, con l'organizzazione che le presenta, la risposta ufficiale e l'azione del Piano che le accoglie.",
            [Metropoli.Platform.OpenData.DataThemes.Government, Metropoli.Platform.OpenData.DataThemes.Society], ["consultazioni", "proposte", "partecipazione"],
            Metropoli.Platform.OpenData.Frequencies.Continuous, "/partecipazione",
            [new(Metropoli.Platform.OpenData.FileTypes.Csv, "/partecipazione/proposte.csv"), new(Metropoli.Platform.OpenData.FileTypes.Json, "/partecipazione/proposte.json")],
            (db, ct) => db.Set<Model.Proposal>().Where(p => !p.IsHidden && !p.IsWithdrawn).MaxAsync(p => (DateTime?)p.UpdatedAt, ct)),
    ];

    public IEnumerable<HomeLink> HomeLinks =>
        [new("/partecipazione", "Forum e consultazioni", 30, "Forum metropolitano, assemblee dei sindaci di zona, consultazioni sul piano", "it-comment")];

    public IEnumerable<PageSection> Sections =>
    [
        new(SectionPages.Objective, 300, typeof(ProposalsForPlanItemViewComponent)),
        new(SectionPages.Action, 300, typeof(ProposalsForPlanItemViewComponent)),
    ];

    public IEnumerable<GlossaryEntry> Glossary =>
    [
        new("Proposta di partecipazione", "in attesa di risposta", "La proposta è pubblica e attende la risposta ufficiale entro il termine della consultazione.", 600),
        new("Proposta di partecipazione", "accolta", "Il piano recepisce la proposta: la risposta indica l'azione o l'obiettivo che la prende in carico.", 601),
        new("Proposta di partecipazione", "accolta in parte", "Il piano recepisce una parte della proposta; la risposta spiega quale e perché.", 602),
        new("Proposta di partecipazione", "non accolta", "La risposta spiega perché la proposta non è recepita.", 603),
        new("Proposta di partecipazione", "ritirata", "L'autore ha ritirato la proposta prima della risposta.", 604),
        new("Proposta di partecipazione", "nascosta dalla moderazione", "La segreteria ha nascosto la proposta indicandone il motivo; non è cancellata.", 605),
    ];

    public void DescribeAudit(AuditVocabulary v)
    {
        v.Entities["Body"] = "Organismo di partecipazione";
        v.Entities["BodyMember"] = "Membro di un organismo";
        v.Entities["MembershipRequest"] = "Domanda di adesione";
        v.Entities["Meeting"] = "Riunione";
        v.Entities["MeetingAttendance"] = "Presenza";
        v.Entities["Consultation"] = "Consultazione pubblica";
        v.Entities["Proposal"] = "Proposta di partecipazione";
        v.Entities["Endorsement"] = "Sostegno";
        v.Entities["ProposalComment"] = "Commento";
        v.Values["Body.Kind"] = BodyKinds.Label;
        v.Values["BodyMember.Category"] = MemberCategories.Label;
        v.Values["Proposal.Answer"] = c => Answers.Label(c);
    }

    public Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct) =>
        Desk.ParticipationDesk.SearchAsync(services, query, limit, ct);

    public Task<IEnumerable<DeskItem>> DeskItemsAsync(IServiceProvider services, ClaimsPrincipal user, CancellationToken ct) =>
        Desk.ParticipationDesk.ItemsAsync(services, user, ct);
}
