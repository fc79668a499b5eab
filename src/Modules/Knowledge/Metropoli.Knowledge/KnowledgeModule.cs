using System.Security.Claims;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Data;
using Metropoli.Platform.Modules;
using Metropoli.Platform.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Knowledge;

/// <summary>Knowledge (issue 23): the standard acts the Città metropolitana offers the Comuni, with their versions and the
/// Comuni's adoptions (ADR 0048). Search and the open-data catalogue are the platform's: the module offers its records
/// (<see cref="SearchAsync"/>) and its public downloads (<see cref="Datasets"/>).</summary>
public sealed class KnowledgeModule : IMetropoliModule
{
    public const string ModuleName = "knowledge";

    public static readonly ReadModels ReadModel = ReadModels.Of(ModuleName);

    public string Name => ModuleName;

    public void MapEndpoints(WebApplication app) => app.MapKnowledgeApi();

    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        Demo.KnowledgeDemo.SeedAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<Metropoli.Platform.Files.IFileStore>(), ct);

    public IEnumerable<NavEntry> Navigation => [new("/atti-tipo", "Atti tipo", 320), new("/buone-pratiche", "Buone pratiche", 321)];

    public IEnumerable<HomeLink> HomeLinks =>
    [
        new("/atti-tipo", "Atti tipo per i Comuni", 40, "Regolamenti, delibere e moduli tipo e la mappa dei Comuni che li hanno adottati", "it-file"),
        new("/buone-pratiche", "Buone pratiche dei Comuni", 41, "Problemi, soluzioni, risultati e costi, e i Comuni che le riusano", "it-star-outline"),
    ];

    public IEnumerable<OpenDataset> Datasets =>
    [
        new("atti-tipo", "Gli atti tipo per i Comuni", "I regolamenti, le delibere e i moduli tipo che la Città metropolitana offre ai Comuni, con tema, ultima versione e numero di Comuni che li hanno adottati.",
            [DataThemes.Government], ["atti tipo", "regolamenti", "Comuni"], Frequencies.Irregular, "/atti-tipo",
            [new(FileTypes.Csv, "/atti-tipo/export.csv"), new(FileTypes.Json, "/api/v1/standard-acts", Download: false)],
            (db, ct) => db.Set<StandardAct>().MaxAsync(a => (DateTime?)a.UpdatedAt, ct)),
        new("adozioni-atti-tipo", "Le adozioni degli atti tipo da parte dei Comuni", "Per ogni Comune e zona, gli atti tipo adottati: versione, numero e data dell'atto del Comune, indirizzo della sua pubblicazione.",
            [DataThemes.Government, DataThemes.Regions], ["atti tipo", "adozioni", "Comuni", "zone omogenee"], Frequencies.Continuous, "/atti-tipo/adozioni",
            [new(FileTypes.Csv, "/atti-tipo/adozioni.csv"), new(FileTypes.Json, "/api/v1/adoptions", Download: false)],
            (db, ct) => db.Set<Adoption>().MaxAsync(a => (DateTime?)a.RecordedAt, ct)),
    ];

    public void DescribeAudit(AuditVocabulary v)
    {
        v.Entities["StandardAct"] = "Atto tipo";
        v.Entities["StandardActVersion"] = "Versione di un atto tipo";
        v.Entities["Adoption"] = "Adozione di un atto tipo";
        v.Values["StandardAct.Kind"] = StandardActKinds.Label;
        v.Values["StandardAct.Theme"] = KnowledgeThemes.Label;
        v.Entities["Practice"] = "Buona pratica";
        v.Entities["PracticeAction"] = "Azione collegata a una buona pratica";
        v.Entities["PracticeReuse"] = "Riuso di una buona pratica";
        v.Values["Practice.Status"] = PracticeStatuses.Label;
        v.Values["Practice.Theme"] = KnowledgeThemes.Label;
    }

    public async Task<IEnumerable<SearchResult>> SearchAsync(IServiceProvider services, ClaimsPrincipal user, string query, int limit, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var acts = await StandardActs.StandardActHandlers.SearchAsync(db, query, limit, ct);
        var practices = await Practices.PracticeHandlers.SearchAsync(db, query, limit, ct);
        return acts.Concat(practices).Take(limit);
    }

    public IEnumerable<GlossaryEntry> Glossary =>
    [
        new("Buona pratica", "bozza", "La pratica è in scrittura: la vede solo chi la scrive (il suo Comune, o la redazione per la Città metropolitana).", 700),
        new("Buona pratica", "inviata alla redazione", "La redazione della Città metropolitana la esamina: la pubblica o la restituisce spiegando perché.", 701),
        new("Buona pratica", "pubblicata", "La pratica è pubblica: gli altri Comuni possono dichiarare di riusarla.", 702),
        new("Buona pratica", "restituita", "La redazione l'ha restituita con un motivo: l'autore la corregge e la invia di nuovo.", 703),
    ];
}
