using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.Services.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Services.Demo;

/// <summary>The demonstration catalogue of the Casa dei Comuni (every service marked as demo) and two procedures of the
/// Stazione Unica Appaltante. The services are joined through the agreements module's demo convention with the Comune di
/// Milano. Figures in the texts (106 member bodies, 88 Comuni in 2024) are the SUA's public ones; the rest is invented.</summary>
public static class ServicesDemo
{
    public const string Suffix = " (dato dimostrativo)";
    public const string SuaSector = "stazione-appaltante";

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<SharedService>().AnyAsync(s => s.IsDemo, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = CivilClock.Today(clock);
        if (!await db.Set<Sector>().AnyAsync(s => s.Code == SuaSector, ct))
        {
            db.Add(new Sector { Code = SuaSector, NameIt = "Stazione unica appaltante", NameEn = "Central purchasing body", SortOrder = 200 });
        }
        var convention = await db.Reads<IAgreementQueries>().Agreements.Where(a => a.Number == "DEMO-CONV-2023/02").Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        var order = 10;
        SharedService Add(string slug, string name, string kind, string sector, string office, int first, int resolution, string summary, string description,
            string eligibility, string join, string fees, params string[] documents)
        {
            var s = new SharedService
            {
                Slug = slug, Name = name, Kind = kind, OfficeSector = sector, OfficeName = office, FirstAnswerDays = first, ResolutionDays = resolution,
                Summary = summary, Description = description + Suffix, Eligibility = eligibility, HowToJoin = join, Fees = fees,
                Documents = string.Join('\n', documents), IsDemo = true, SortOrder = order, UpdatedAt = now,
            };
            order += 10;
            db.Add(s);
            return s;
        }
        const string join = "Il Comune approva con deliberazione consiliare lo schema di convenzione (art. 30 TUEL) e lo sottoscrive con la Città metropolitana; "
            + "l'adesione vale dalla data di efficacia della convenzione registrata nel sistema delle intese.";
        var sua = Add("sua-cuc", "Stazione Unica Appaltante (SUA/CUC)", ServiceKinds.Procurement, SuaSector, "Settore Stazione unica appaltante", 5, 20,
            "Gare e affidamenti per conto dei Comuni aderenti, dalla determina a contrarre alla stipula.",
            "La Stazione Unica Appaltante della Città metropolitana di Milano svolge per gli enti aderenti le procedure di affidamento di lavori, servizi e forniture "
            + "(D.Lgs. 36/2023), sulla piattaforma certificata Sintel. Nel 2024 contava 106 enti aderenti, di cui 88 Comuni.",
            "Comuni ed enti del territorio metropolitano che hanno sottoscritto la convenzione.", join,
            "Rimborso dei costi di procedura secondo la convenzione, in percentuale sull'importo a base di gara.",
            "Determina a contrarre del Comune", "Progetto o capitolato", "CUP, se l'intervento è un investimento pubblico", "Nomina del RUP");
        var recruitment = Add("ufficio-unico-concorsi", "Ufficio Unico Concorsi", ServiceKinds.Recruitment, "formazione-lavoro", "Ufficio unico concorsi", 5, 60,
            "Concorsi unici per più Comuni e graduatorie condivise.",
            "Bandisce e svolge concorsi unici per i fabbisogni di personale di più Comuni e gestisce le graduatorie da cui i Comuni assumono in ordine di merito.",
            "Comuni aderenti alla convenzione per la gestione associata del reclutamento.", join, "Quota annuale per Comune secondo la convenzione.",
            "Piano dei fabbisogni di personale", "Profili professionali richiesti");
        Add("assistenza-legale", "Assistenza legale", ServiceKinds.Assistance, "programmazione", "Avvocatura metropolitana", 3, 15,
            "Pareri e supporto legale agli uffici comunali.", "Pareri scritti su questioni giuridico-amministrative e supporto nella redazione di atti.",
            "Comuni aderenti con popolazione fino a 15.000 abitanti.", join, "Gratuito per i Comuni aderenti.", "Quesito", "Atti del procedimento");
        Add("assistenza-tecnica", "Assistenza tecnica", ServiceKinds.Assistance, "pianificazione-territoriale", "Settore pianificazione territoriale", 5, 30,
            "Supporto tecnico su urbanistica, lavori pubblici ed edilizia.", "Supporto tecnico alla progettazione, alla pianificazione e ai procedimenti edilizi.",
            "Comuni aderenti alla convenzione.", join, "Gratuito per i Comuni aderenti.", "Quesito", "Elaborati tecnici");
        Add("servizi-digitali", "Servizi digitali", ServiceKinds.Digital, "innovazione-digitale", "Settore innovazione digitale", 2, 10,
            "Piattaforme condivise, pagoPA, SPID e interoperabilità.", "Adesione a piattaforme condivise e supporto all'integrazione con pagoPA, SPID/CIE e PDND.",
            "Comuni aderenti alla convenzione.", join, "Gratuito per i Comuni aderenti.", "Referente informatico del Comune");
        Add("atti-tipo", "Atti tipo", ServiceKinds.Assistance, "programmazione", "Segreteria generale", 3, 10,
            "Schemi di regolamenti, delibere e bandi da adattare.", "Schemi di atti (regolamenti, deliberazioni, bandi) aggiornati alle norme, da adattare al Comune.",
            "Tutti i Comuni aderenti alla convenzione.", join, "Gratuito.", "Descrizione dell'atto richiesto");
        await db.SaveChangesAsync(ct);
        if (convention is { } agreement)
        {
            foreach (var s in await db.Set<SharedService>().Where(x => x.IsDemo).ToListAsync(ct))
                db.Add(new ServiceAgreement { ServiceId = s.Id, AgreementId = agreement });
        }
        // The joint recruitment office is also joined by the Comuni of the Smart Land SOM (a territorial agreement in force of
        // the agreements demo): two of them have sent staffing needs still to be served, a third may draw on the lists.
        var smartLand = await db.Reads<IAgreementQueries>().Agreements.Where(a => a.Number == "DEMO-SL-2024/03").Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        if (smartLand is { } sl)
        {
            db.Add(new ServiceAgreement { ServiceId = recruitment.Id, AgreementId = sl });
            foreach (var (istat, posts) in new[] { ("015024", 1), ("015247", 2) })
            {
                if (!await db.Reads<ITerritoryQueries>().Comuni.AnyAsync(c => c.IstatCode == istat, ct)) continue;
                db.Add(new StaffingNeed
                {
                    ServiceId = recruitment.Id, IstatCode = istat, AgreementId = sl, Profile = "Agente di polizia locale", Area = StaffAreas.Instructors, Posts = posts,
                    NeededBy = today.AddDays(180), Notes = "Fabbisogno del piano triennale." + Suffix, CreatedBy = "sistema", CreatedAt = now.AddDays(-10),
                });
            }
        }
        var milano = "015146";
        if (await db.Reads<ITerritoryQueries>().Comuni.AnyAsync(c => c.IstatCode == milano, ct))
        {
            var awarded = new Procurement
            {
                ServiceId = sua.Id, Object = "Manutenzione ordinaria delle strade comunali 2026-2027" + Suffix, Cigs = "B1234567AB", Amount = 850_000m,
                ProcedureType = ProcedureTypes.NegotiatedWithoutNotice, AwardCriterion = AwardCriteria.LowestPrice, RequestedOn = today.AddDays(-120),
                DecisionOn = today.AddDays(-100), PublishedOn = today.AddDays(-90), BidsReceivedOn = today.AddDays(-60), AwardedOn = today.AddDays(-30),
                BidsCount = 7, AwardValue = 731_000m, WinnerTaxCode = "00743110157", WinnerName = "Impresa dimostrativa S.r.l.", PlatformUrl = "https://www.sintel.regione.lombardia.it/",
                CreatedAt = now, UpdatedAt = now,
            };
            var published = new Procurement
            {
                ServiceId = sua.Id, Object = "Servizio di refezione scolastica" + Suffix, Amount = 2_400_000m, ProcedureType = ProcedureTypes.Open,
                AwardCriterion = AwardCriteria.BestValue, RequestedOn = today.AddDays(-40), DecisionOn = today.AddDays(-25), PublishedOn = today.AddDays(-10),
                CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(awarded, published);
            await db.SaveChangesAsync(ct);
            db.Add(new ProcurementMunicipality { ProcurementId = awarded.Id, IstatCode = milano });
            db.Add(new ProcurementMunicipality { ProcurementId = published.Id, IstatCode = milano });
            if (convention is { } joined)
            {
                // A request of the Comune di Milano to the legal assistance, taken in charge and waiting for the Comune.
                var legal = await db.Set<SharedService>().SingleAsync(x => x.Slug == "assistenza-legale", ct);
                var sentAt = now.AddDays(-6);
                var request = new ServiceRequest
                {
                    ServiceId = legal.Id, IstatCode = milano, AgreementId = joined, Type = RequestTypes.Opinion, Status = RequestStatuses.Waiting,
                    Subject = "Parere sul regolamento dei dehors" + Suffix, Description = "Il Comune chiede un parere sulla bozza di regolamento dei dehors." + Suffix,
                    CreatedBy = "sistema", CreatedAt = sentAt, FirstAnsweredAt = sentAt.AddDays(1), UpdatedAt = now,
                };
                db.Add(request);
                await db.SaveChangesAsync(ct);
                db.AddRange(
                    new ServiceRequestEvent { RequestId = request.Id, Kind = RequestEventKinds.Status, ToStatus = RequestStatuses.Submitted, Text = "Richiesta inviata.", Side = RequestSides.Comune, By = "sistema", At = sentAt },
                    new ServiceRequestEvent { RequestId = request.Id, Kind = RequestEventKinds.Status, FromStatus = RequestStatuses.Submitted, ToStatus = RequestStatuses.InProgress, Text = "Presa in carico dall'Avvocatura.", Side = RequestSides.Office, By = "sistema", At = sentAt.AddDays(1) },
                    new ServiceRequestEvent { RequestId = request.Id, Kind = RequestEventKinds.Status, FromStatus = RequestStatuses.InProgress, ToStatus = RequestStatuses.Waiting, Text = "Serve il testo della bozza approvato dalla Giunta.", Side = RequestSides.Office, By = "sistema", At = sentAt.AddDays(2) });

                // The joint recruitment office: a need of Milano served by a joint competition with an approved list
                // (pseudonymous codes), from which Milano has hired the first candidate.
                var need = new StaffingNeed
                {
                    ServiceId = recruitment.Id, IstatCode = milano, AgreementId = joined, Profile = "Istruttore amministrativo-contabile", Area = StaffAreas.Instructors,
                    Posts = 3, NeededBy = today.AddDays(120), Notes = "Piano dei fabbisogni 2026-2028." + Suffix, CreatedBy = "sistema", CreatedAt = now.AddDays(-200),
                };
                var competition = new Competition
                {
                    ServiceId = recruitment.Id, Title = "Concorso unico per Istruttori amministrativo-contabili" + Suffix, Profile = need.Profile, Area = need.Area,
                    NoticeReference = "DEMO-INPA-0001", NoticeUrl = "https://www.inpa.gov.it/", PublishedOn = today.AddDays(-150), ApplicationsCloseOn = today.AddDays(-120),
                    Status = CompetitionStatuses.ListApproved, CreatedAt = now.AddDays(-160), UpdatedAt = now,
                };
                db.AddRange(need, competition);
                await db.SaveChangesAsync(ct);
                need.CompetitionId = competition.Id;
                db.Add(new CompetitionPost { CompetitionId = competition.Id, IstatCode = milano, Posts = 3 });
                var list = new RankingList { CompetitionId = competition.Id, ActNumber = "DEMO-45/2026", ApprovedOn = today.AddDays(-30), ValidUntil = today.AddYears(2), EntryCount = 30, CreatedAt = now };
                db.Add(list);
                await db.SaveChangesAsync(ct);
                for (var rank = 1; rank <= 30; rank++) db.Add(new RankingEntry { RankingListId = list.Id, Rank = rank, CandidateCode = $"DEMO-{rank:000}" });
                db.Add(new RankingDraw { RankingListId = list.Id, Sequence = 1, Rank = 1, IstatCode = milano, Kind = DrawKinds.Hire, AgreementId = joined, By = "sistema", At = now.AddDays(-20) });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
