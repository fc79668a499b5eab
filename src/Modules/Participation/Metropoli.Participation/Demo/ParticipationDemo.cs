using Metropoli.Participation.Model;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Participation.Demo;

/// <summary>Demonstration participation (<c>seed --demo</c>): the Forum metropolitano with the Tavolo metropolitano and the
/// Tavolo delle Università, one assembly of mayors per zona omogenea with its Comuni as members, a meeting, and a
/// consultation on the plan's yearly update with proposals from kinds of organisation (university, trade union, third
/// sector, business association). Every title says it is demonstration data; no person is named. Idempotent.</summary>
public static class ParticipationDemo
{
    public const string Suffix = " (dati dimostrativi)";
    public const string ForumName = "Forum metropolitano" + Suffix;

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<Body>().AnyAsync(b => b.Name == ForumName, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CivilClock.Today(clock);
        var registry = db.Reads<IOrganisationRegistry>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        Body New(string kind, string name, string description, long? parent = null, string? zone = null) => new()
        {
            Kind = kind, Name = name, Description = description + Suffix, ParentId = parent, ZoneCode = zone, IsDemo = true, CreatedAt = now, UpdatedAt = now,
        };
        var forum = New(BodyKinds.Forum, ForumName, "Il luogo di confronto tra la Città metropolitana e le organizzazioni del territorio sul Piano strategico.");
        db.Add(forum);
        await db.SaveChangesAsync(ct);
        var table = New(BodyKinds.Table, "Tavolo metropolitano" + Suffix, "Il tavolo delle rappresentanze economiche e sociali.", forum.Id);
        var universities = New(BodyKinds.Table, "Tavolo delle Università" + Suffix, "Il tavolo degli atenei del territorio metropolitano.", forum.Id);
        db.AddRange(table, universities);

        var zones = await db.Reads<ITerritoryQueries>().Zones.Where(z => !z.IsCapoluogo).OrderBy(z => z.SortOrder).ToListAsync(ct);
        var assemblies = zones.Select(z => (Zone: z, Body: New(BodyKinds.ZoneAssembly, $"Assemblea dei sindaci della zona {z.Name}" + Suffix,
            "I sindaci dei Comuni della zona omogenea.", zone: z.Code))).ToList();
        db.AddRange(assemblies.Select(a => a.Body));
        await db.SaveChangesAsync(ct);

        var members = new (string Name, string Type, string Category, Body[] Bodies)[]
        {
            ("Università degli Studi di Milano", OrganisationTypes.University, MemberCategories.University, [forum, universities]),
            ("Politecnico di Milano", OrganisationTypes.University, MemberCategories.University, [forum, universities]),
            ("Università degli Studi di Milano-Bicocca", OrganisationTypes.University, MemberCategories.University, [forum, universities]),
            ("Camera di commercio di Milano Monza Brianza Lodi", OrganisationTypes.ChamberOfCommerce, MemberCategories.FunctionalAutonomy, [forum, table]),
            ("Associazione delle imprese (organizzazione dimostrativa)", OrganisationTypes.BusinessAssociation, MemberCategories.Enterprise, [forum, table]),
            ("Sindacato confederale metropolitano (organizzazione dimostrativa)", OrganisationTypes.TradeUnion, MemberCategories.Work, [forum, table]),
            ("Forum del Terzo settore (organizzazione dimostrativa)", OrganisationTypes.ThirdSector, MemberCategories.ThirdSector, [forum, table]),
            ("Fondazione culturale (organizzazione dimostrativa)", OrganisationTypes.Foundation, MemberCategories.Culture, [forum]),
            ("Associazione di cittadini (organizzazione dimostrativa)", OrganisationTypes.Other, MemberCategories.Association, [forum]),
        };
        var ids = new Dictionary<string, long>();
        foreach (var m in members)
        {
            var id = await registry.FindOrAddAsync(m.Name, m.Type, null, now, ct);
            ids[m.Name] = id;
            db.AddRange(m.Bodies.Select(b => new BodyMember { BodyId = b.Id, OrganisationId = id, Category = m.Category, JoinedOn = today.AddMonths(-6) }));
        }
        foreach (var (zone, body) in assemblies)
        {
            var comuni = await db.Reads<ITerritoryQueries>().Comuni.Where(c => c.ZoneCode == zone.Code).OrderBy(c => c.Name).ToListAsync(ct);
            foreach (var c in comuni)
            {
                var id = await registry.FindOrAddAsync("Comune di " + c.Name, OrganisationTypes.Municipality, c.IstatCode, now, ct);
                db.Add(new BodyMember { BodyId = body.Id, OrganisationId = id, Category = MemberCategories.Municipality, JoinedOn = today.AddMonths(-6) });
            }
        }
        var starts = CivilClock.ToCivil(now).Date.AddDays(21).AddHours(15);
        db.Add(new Meeting
        {
            BodyId = forum.Id, Title = "Assemblea plenaria del Forum" + Suffix, StartsAt = TimeZoneInfo.ConvertTimeToUtc(starts, CivilClock.Zone),
            EndsAt = TimeZoneInfo.ConvertTimeToUtc(starts.AddHours(2), CivilClock.Zone), Place = "Palazzo Isimbardi, Milano", Agenda = "1. Aggiornamento annuale del Piano strategico\n2. Varie ed eventuali",
            ConvenedBy = "sistema", IsDemo = true, CreatedAt = now, UpdatedAt = now,
        });
        var consultation = new Consultation
        {
            Title = "Aggiornamento annuale del Piano strategico" + Suffix, Subject = ConsultationSubjects.PlanUpdate,
            Description = "Proposte delle organizzazioni del Forum per l'aggiornamento annuale del Piano strategico metropolitano." + Suffix,
            OpensOn = today.AddDays(-20), ClosesOn = today.AddDays(25), AnswerBy = today.AddDays(70), IsDemo = true, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(consultation);
        await db.SaveChangesAsync(ct);
        // Demo proposals belong to no account (no one may withdraw them), and were made days ago.
        const string author = "demo";
        var day = 0;
        var proposals = new (string Org, string Title, string Text)[]
        {
            ("Politecnico di Milano", "Un osservatorio metropolitano sui dati della mobilità" + Suffix,
                "Proponiamo di **condividere i dati** di mobilità dei Comuni in un osservatorio aperto, con:\n\n- indicatori pubblicati ogni trimestre;\n- dati aperti in formato CSV."),
            ("Sindacato confederale metropolitano (organizzazione dimostrativa)", "Formazione per il lavoro nelle zone omogenee" + Suffix,
                "Percorsi di formazione concordati con i Comuni di ciascuna zona, per i settori con più domanda di lavoro."),
            ("Forum del Terzo settore (organizzazione dimostrativa)", "Coprogettazione dei servizi di prossimità" + Suffix,
                "Chiediamo che le azioni sul welfare prevedano la *coprogettazione* con gli enti del Terzo settore (art. 55 del Codice del Terzo settore)."),
            ("Associazione delle imprese (organizzazione dimostrativa)", "Sportello unico per le imprese a scala metropolitana" + Suffix,
                "Un punto di accesso unico per le pratiche delle imprese comuni a più Comuni."),
        };
        foreach (var p in proposals)
        {
            db.Add(new Proposal
            {
                ConsultationId = consultation.Id, Title = p.Title, Text = p.Text, OrganisationId = ids[p.Org], AuthorUserId = author,
                IsDemo = true, CreatedAt = now.AddDays(-(++day)), UpdatedAt = now.AddDays(-day),
            });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
