using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Contracts;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Demo;

/// <summary>Demonstration agreements shaped on public facts: the Intesa Quadro with Regione Lombardia
/// (agreed 19 June 2024, 13 areas), the Convenzione Quadro with the Comune di Milano, the Patto per il
/// Lavoro di Milano (29 April 2022), Smart Land SOM (5 December 2024, Zibido San Giacomo lead) and
/// Smartland Adda Martesana (2021), plus one proposal in preparation. Every title says it is
/// demonstration data; numbers, acts, values, obligations and other dates are invented, and obligations
/// are placed around today so that the dashboard and the alerts have something to show. Organisations
/// missing from the registry are added without fiscal codes. Idempotent: nothing is added when the first
/// demo agreement exists.</summary>
public static class AgreementDemo
{
    public const string Suffix = " (dati dimostrativi)";
    public const string RegionTitle = "Intesa quadro tra Regione Lombardia e Città metropolitana di Milano" + Suffix;

    private sealed record DemoParty(string Name, string Role, string Type = OrganisationTypes.Other, string? Istat = null);

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Set<Agreement>().AnyAsync(a => a.Title == RegionTitle, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CivilClock.Today(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var objectives = await db.Reads<IPlanQueries>().Objectives.AsNoTracking().ToListAsync(ct);
        var actions = await db.Reads<IPlanQueries>().Actions.AsNoTracking().ToListAsync(ct);
        long[] Objectives(params string[] codes) => objectives.Where(o => codes.Contains(o.Code)).Select(o => o.Id).ToArray();
        long[] Actions(params string[] codes) => actions.Where(a => codes.Contains(a.Code)).Select(a => a.Id).ToArray();

        const string cm = "Città metropolitana di Milano";
        await AddAsync(db, now, new Agreement
        {
            Title = RegionTitle, Number = "DEMO-INT-2024/01", Type = AgreementTypes.FrameworkAgreement, Status = AgreementStatuses.InForce,
            Subject = "Collaborazione istituzionale su 13 ambiti: tra gli altri sviluppo economico e lavoro, mobilità e infrastrutture, ambiente ed energia, "
                + "governo del territorio, casa, istruzione, semplificazione e trasformazione digitale." + Suffix,
            LegalBasis = "L. 56/2014; L.R. 32/2015", ApprovalActBody = "Consiglio metropolitano (dato dimostrativo)", ApprovalActNumber = "21/2024",
            ApprovalActDate = new DateOnly(2024, 6, 5), SignatureDate = new DateOnly(2024, 6, 19), EffectiveDate = new DateOnly(2024, 6, 19),
            ExpiryDate = today.AddDays(75), DurationMonths = 36, OwnerSector = "programmazione", Visibility = AgreementVisibility.Public,
        }, [new("Regione Lombardia", PartyRoles.Signatory, OrganisationTypes.Region), new(cm, PartyRoles.Promoter, OrganisationTypes.MetropolitanCity)],
            ["lavoro-sviluppo-economico", "mobilita-trasporti", "governo-territorio", "semplificazione-innovazione", "trasformazione-digitale"], [], [],
            Objectives("D5.1", "A1.1"), [], ct,
            obligations: [("Regione Lombardia", "Relazione annuale congiunta sull'attuazione dei 13 ambiti", today.AddDays(10)),
                (cm, "Convocazione della cabina di regia semestrale", today.AddDays(-12))],
            body: ("Cabina di regia dell'intesa quadro", "Presidente della Regione, Sindaco metropolitano, assessori e consiglieri delegati (dato dimostrativo)"));

        await AddAsync(db, now, new Agreement
        {
            Title = "Convenzione quadro tra Comune di Milano e Città metropolitana di Milano" + Suffix, Number = "DEMO-CONV-2023/02",
            Type = AgreementTypes.FrameworkConvention, Status = AgreementStatuses.InForce,
            Subject = "Esercizio coordinato di funzioni e servizi tra il capoluogo e la Città metropolitana." + Suffix, LegalBasis = "art. 30 D.Lgs. 267/2000",
            ApprovalActBody = "Consiglio metropolitano (dato dimostrativo)", ApprovalActNumber = "40/2023", ApprovalActDate = new DateOnly(2023, 10, 11),
            SignatureDate = new DateOnly(2023, 11, 6), EffectiveDate = new DateOnly(2023, 11, 6), DurationMonths = 60, AutoRenewal = true,
            OwnerSector = "programmazione",
        }, [new("Comune di Milano", PartyRoles.Signatory, OrganisationTypes.Municipality, "015146"), new(cm, PartyRoles.Signatory, OrganisationTypes.MetropolitanCity)],
            ["semplificazione-innovazione", "infrastrutture"], ["015146"], ["milano"], [], Actions("D5.1.2"), ct,
            obligations: [("Comune di Milano", "Trasmissione del programma triennale delle opere condivise", today.AddDays(40))]);

        await AddAsync(db, now, new Agreement
        {
            Title = "Patto per il Lavoro di Milano" + Suffix, Number = "DEMO-PATTO-2022/01", Type = AgreementTypes.Pact, Status = AgreementStatuses.InForce,
            Subject = "Impegni condivisi per l'occupazione, la formazione e la qualità del lavoro nell'area metropolitana." + Suffix,
            ApprovalActBody = "Sindaco metropolitano, decreto (dato dimostrativo)", ApprovalActNumber = "88/2022", ApprovalActDate = new DateOnly(2022, 4, 20),
            SignatureDate = new DateOnly(2022, 4, 29), EffectiveDate = new DateOnly(2022, 4, 29), ExpiryDate = today.AddDays(25), OwnerSector = "lavoro",
        }, [
            new("Comune di Milano", PartyRoles.Promoter, OrganisationTypes.Municipality, "015146"), new("Assolombarda", PartyRoles.Signatory, OrganisationTypes.BusinessAssociation),
            new("Camera di Commercio di Milano Monza Brianza Lodi", PartyRoles.Signatory, OrganisationTypes.ChamberOfCommerce),
            new("Confcommercio Milano", PartyRoles.Signatory, OrganisationTypes.BusinessAssociation),
            new("AFOL Metropolitana", PartyRoles.Signatory, OrganisationTypes.ParticipatedCompany), new(cm, PartyRoles.Signatory, OrganisationTypes.MetropolitanCity),
            new("CGIL Milano", PartyRoles.Signatory, OrganisationTypes.TradeUnion), new("CISL Milano Metropoli", PartyRoles.Signatory, OrganisationTypes.TradeUnion),
            new("UIL Milano e Lombardia", PartyRoles.Signatory, OrganisationTypes.TradeUnion),
        ], ["lavoro-sviluppo-economico", "formazione-professionale"], [], [], [], [], ct,
            obligations: [("AFOL Metropolitana", "Rapporto semestrale sui percorsi di formazione attivati", today.AddDays(-30)),
                ("Assolombarda", "Mappatura dei fabbisogni di competenze delle imprese", today.AddDays(8))],
            body: ("Tavolo di monitoraggio del Patto", "Un rappresentante per ciascun firmatario (dato dimostrativo)"));

        await AddAsync(db, now, new Agreement
        {
            Title = "Smart Land SOM — Sud Ovest Milano" + Suffix, Number = "DEMO-SL-2024/03", Type = AgreementTypes.TerritorialInvestment, Status = AgreementStatuses.InForce,
            Subject = "Progetto di investimento territoriale dei Comuni del Sud Ovest Milano, capofila Zibido San Giacomo." + Suffix,
            LegalBasis = "art. 15 L. 241/1990", ApprovalActBody = "Consiglio metropolitano (dato dimostrativo)", ApprovalActNumber = "55/2024",
            ApprovalActDate = new DateOnly(2024, 11, 20), SignatureDate = new DateOnly(2024, 12, 5), EffectiveDate = new DateOnly(2024, 12, 5),
            DurationMonths = 36, ExpiryDate = new DateOnly(2027, 12, 4), Value = 2_400_000m, Funding = "Fondi metropolitani e regionali (dato dimostrativo)",
            OwnerSector = "ambiente",
        }, [
            new("Comune di Zibido San Giacomo", PartyRoles.Lead, OrganisationTypes.Municipality, "015247"),
            new("Comune di Binasco", PartyRoles.Signatory, OrganisationTypes.Municipality, "015024"),
            new("Comune di Calvignasco", PartyRoles.Signatory, OrganisationTypes.Municipality, "015042"),
            new("Comune di Casarile", PartyRoles.Signatory, OrganisationTypes.Municipality, "015055"),
            // Casorate Primo is in the province of Pavia, outside the registry of the 133 Comuni: a public body here.
            new("Comune di Casorate Primo (PV)", PartyRoles.Signatory, OrganisationTypes.PublicBody),
            new("Comune di Noviglio", PartyRoles.Signatory, OrganisationTypes.Municipality, "015158"),
            new("Comune di Rosate", PartyRoles.Signatory, OrganisationTypes.Municipality, "015188"),
            new("Comune di Vernate", PartyRoles.Signatory, OrganisationTypes.Municipality, "015236"),
            new(cm, PartyRoles.Promoter, OrganisationTypes.MetropolitanCity),
        ], ["rigenerazione-urbana", "biodiversita", "sistema-parchi"], [], ["sud-ovest"], Objectives("D2.1"), Actions("D2.1.3"), ct,
            obligations: [("Comune di Zibido San Giacomo", "Progetto esecutivo del primo lotto", today.AddDays(-5)),
                ("Comune di Binasco", "Delibera di adesione al piano di gestione", today.AddDays(12))]);

        await AddAsync(db, now, new Agreement
        {
            Title = "Smartland Adda Martesana" + Suffix, Number = "DEMO-SL-2021/01", Type = AgreementTypes.TerritorialInvestment, Status = AgreementStatuses.Concluded,
            Subject = "Progetto di investimento territoriale dei Comuni della zona Adda Martesana." + Suffix,
            ApprovalActBody = "Consiglio metropolitano (dato dimostrativo)", ApprovalActNumber = "30/2021", ApprovalActDate = new DateOnly(2021, 6, 30),
            SignatureDate = new DateOnly(2021, 7, 15), EffectiveDate = new DateOnly(2021, 7, 15), ExpiryDate = new DateOnly(2024, 7, 14), OwnerSector = "ambiente",
        }, [new(cm, PartyRoles.Promoter, OrganisationTypes.MetropolitanCity), new("Comune di Gorgonzola", PartyRoles.Lead, OrganisationTypes.Municipality, "015108"),
            new("Comune di Cassano d'Adda", PartyRoles.Signatory, OrganisationTypes.Municipality, "015059")],
            ["rigenerazione-urbana", "mobilita-trasporti"], [], ["adda-martesana"], [], Actions("D5.1.1"), ct);

        await AddAsync(db, now, new Agreement
        {
            Title = "Protocollo d'intesa per la qualità dell'aria nel Nord Ovest" + Suffix, Type = AgreementTypes.Protocol, Status = AgreementStatuses.UnderReview,
            Subject = "Proposta in istruttoria: non è pubblica." + Suffix, OwnerSector = "ambiente", Visibility = AgreementVisibility.Public,
        }, [new(cm, PartyRoles.Promoter, OrganisationTypes.MetropolitanCity), new("Comune di Rho", PartyRoles.Signatory, OrganisationTypes.Municipality, "015182")],
            ["qualita-aria"], ["015182"], ["nord-ovest"], Objectives("D3.1"), [], ct);

        await tx.CommitAsync(ct);
    }

    private static async Task AddAsync(AppDbContext db, DateTime now, Agreement a, DemoParty[] parties, string[] themes, string[] comuni, string[] zones,
        long[] objectiveIds, long[] actionIds, CancellationToken ct, (string Party, string Title, DateOnly Due)[]? obligations = null, (string Name, string Members)? body = null)
    {
        a.CreatedAt = now;
        a.UpdatedAt = now;
        db.Add(a);
        await db.SaveChangesAsync(ct);
        var partyIds = new Dictionary<string, long>();
        foreach (var p in parties)
        {
            var org = await OrganisationAsync(db, p, now, ct);
            var party = new AgreementParty { AgreementId = a.Id, OrganisationId = org, Role = p.Role, UpdatedAt = now };
            db.Add(party);
            await db.SaveChangesAsync(ct);
            partyIds[p.Name] = party.Id;
        }
        var knownThemes = await db.Set<AgreementTheme>().Select(t => t.Code).ToListAsync(ct);
        foreach (var t in themes.Where(knownThemes.Contains)) db.Add(new AgreementThemeLink { AgreementId = a.Id, ThemeCode = t });
        var knownComuni = await db.Reads<ITerritoryQueries>().Comuni.Where(m => comuni.Contains(m.IstatCode)).Select(m => m.IstatCode).ToListAsync(ct);
        foreach (var c in knownComuni) db.Add(new AgreementMunicipality { AgreementId = a.Id, IstatCode = c });
        var knownZones = await db.Reads<ITerritoryQueries>().Zones.Where(z => zones.Contains(z.Code)).Select(z => z.Code).ToListAsync(ct);
        foreach (var z in knownZones) db.Add(new AgreementZone { AgreementId = a.Id, ZoneCode = z });
        foreach (var o in objectiveIds) db.Add(new AgreementObjective { AgreementId = a.Id, ObjectiveId = o });
        foreach (var x in actionIds) db.Add(new AgreementAction { AgreementId = a.Id, ActionId = x });
        foreach (var (party, title, due) in obligations ?? [])
        {
            db.Add(new AgreementObligation { AgreementId = a.Id, PartyId = partyIds[party], Title = title + Suffix, DueDate = due, UpdatedAt = now });
        }
        if (body is { } b)
        {
            var governance = new AgreementBody { AgreementId = a.Id, Name = b.Name, Members = b.Members, UpdatedAt = now };
            db.Add(governance);
            await db.SaveChangesAsync(ct);
            db.Add(new AgreementMeeting { BodyId = governance.Id, Date = a.EffectiveDate ?? DateOnly.FromDateTime(now), Place = "Palazzo Isimbardi, Milano",
                Agenda = "Insediamento e programma di lavoro" + Suffix, Minutes = "Approvato il programma di lavoro" + Suffix, UpdatedAt = now });
        }
        db.Add(new AgreementStatusChange { AgreementId = a.Id, FromStatus = "", ToStatus = a.Status, Reason = "Caricamento dei dati dimostrativi.", ChangedBy = CurrentUser.SystemName, ChangedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The organisation of the registry: the Comune by ISTAT code, the metropolitan city and the Region by type, others by
    /// name; created without fiscal code when missing.</summary>
    private static Task<long> OrganisationAsync(AppDbContext db, DemoParty p, DateTime now, CancellationToken ct) =>
        db.Reads<IOrganisationRegistry>().FindOrAddAsync(p.Name, p.Type, p.Istat, now, ct);
}
