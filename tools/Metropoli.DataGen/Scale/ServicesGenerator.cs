using System.Globalization;
using Metropoli.Agreements.Model;
using Metropoli.Services.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>The Casa dei Comuni at scale: six services joined through agreements in force, requests with their history
/// (statuses in plausible proportions, the office's first answer and resolution times), procedures of the Stazione Unica
/// Appaltante with their phases in order and 1–3 Comuni each, and joint competitions from staffing needs with approved
/// pseudonymous lists and their draws in rank order. Linear in the profile (metro: 50,000 requests, 20,000 procedures).</summary>
public sealed class ServicesGenerator(ScaleWorld w)
{
    public const string Marker = "(dato generato)";

    public List<SharedService> Services { get; } = [];
    public List<ServiceAgreement> ServiceAgreements { get; } = [];
    public List<ServiceRequest> Requests { get; } = [];
    public List<ServiceRequestEvent> Events { get; } = [];
    public List<Procurement> Procurements { get; } = [];
    public List<ProcurementMunicipality> ProcurementMunicipalities { get; } = [];
    public List<StaffingNeed> Needs { get; } = [];
    public List<Competition> Competitions { get; } = [];
    public List<CompetitionPost> Posts { get; } = [];
    public List<RankingList> Lists { get; } = [];
    public List<RankingEntry> Entries { get; } = [];
    public List<RankingDraw> Draws { get; } = [];

    private static readonly string[] Profiles =
        ["Istruttore amministrativo", "Istruttore tecnico", "Funzionario contabile", "Agente di polizia locale", "Funzionario tecnico", "Operatore esperto", "Educatore asilo nido", "Assistente sociale"];

    private static readonly string[] Objects =
        ["Manutenzione delle strade", "Refezione scolastica", "Pulizia degli edifici", "Illuminazione pubblica", "Verde pubblico", "Trasporto scolastico", "Servizi assicurativi", "Fornitura di arredi"];

    public void Generate(IReadOnlyList<Agreement> agreements, long serviceId, long requestId, long eventId, long procurementId, long needId, long competitionId, long listId, long drawId)
    {
        var r = w.Random;
        var p = w.Profile;
        (string Slug, string Name, string Kind, string Sector, int First, int Resolution)[] catalogue =
        [
            ("gen-sua", "Stazione unica appaltante", ServiceKinds.Procurement, "programmazione", 5, 20),
            ("gen-concorsi", "Ufficio unico concorsi", ServiceKinds.Recruitment, "lavoro", 5, 60),
            ("gen-legale", "Assistenza legale", ServiceKinds.Assistance, "programmazione", 3, 15),
            ("gen-tecnica", "Assistenza tecnica", ServiceKinds.Assistance, "pianificazione-territoriale", 5, 30),
            ("gen-digitale", "Servizi digitali", ServiceKinds.Digital, "innovazione-digitale", 2, 10),
            ("gen-atti", "Atti tipo", ServiceKinds.Assistance, "programmazione", 3, 10),
        ];
        foreach (var (slug, name, kind, sector, first, resolution) in catalogue)
        {
            Services.Add(new SharedService
            {
                Id = serviceId++, Slug = slug, Name = $"{name} {Marker}", Kind = kind, Summary = $"{name}.", Description = $"{name} per i Comuni aderenti {Marker}.",
                Eligibility = "Comuni aderenti alla convenzione.", HowToJoin = "Sottoscrivere la convenzione con la Città metropolitana.", Fees = "Secondo la convenzione.",
                OfficeSector = sector, OfficeName = $"Ufficio {name.ToLowerInvariant()}", FirstAnswerDays = first, ResolutionDays = resolution,
                Documents = "Richiesta firmata", SortOrder = Services.Count * 10, UpdatedAt = w.Now, Version = 1,
            });
        }
        // Each service is joined through a share of the agreements in force (the conventions); requests cite one of them.
        var inForce = agreements.Where(a => a.Status == AgreementStatuses.InForce).Select(a => a.Id).ToList();
        if (inForce.Count == 0) inForce = agreements.Select(a => a.Id).Take(1).ToList();
        var conventions = new Dictionary<long, List<long>>();
        foreach (var s in Services)
        {
            var picked = inForce.Where(_ => r.Chance(0.05)).Take(500).ToList();
            if (picked.Count == 0) picked.Add(r.Pick(inForce));
            conventions[s.Id] = picked;
            foreach (var a in picked) ServiceAgreements.Add(new ServiceAgreement { ServiceId = s.Id, AgreementId = a });
        }

        var serviceWeights = new Randomness.Weighted<SharedService>(Services, [40, 8, 20, 15, 12, 5]);
        var statusMix = new Randomness.Weighted<string>(RequestStatuses.All, [8, 15, 7, 10, 60]);
        var requests = p.ServiceRequests;
        for (var i = 0; i < requests; i++)
        {
            var s = serviceWeights.Next(r);
            var comune = w.ComunePick.Next(r);
            var status = statusMix.Next(r);
            var created = r.Time(r.Date(w.Today.AddDays(-900), w.Today.AddDays(-1)));
            var first = status == RequestStatuses.Submitted ? (DateTime?)null : created.AddHours(r.Int(2, 24 * 8));
            var resolved = status is RequestStatuses.Answered or RequestStatuses.Closed ? first!.Value.AddHours(r.Int(4, 24 * 30)) : (DateTime?)null;
            var closed = status == RequestStatuses.Closed ? resolved!.Value.AddHours(r.Int(1, 24 * 10)) : (DateTime?)null;
            var id = requestId++;
            var who = $"comune.{comune.Istat}@metropoli.example";
            Requests.Add(new ServiceRequest
            {
                Id = id, ServiceId = s.Id, IstatCode = comune.Istat, AgreementId = r.Pick(conventions[s.Id]), Type = s.Kind switch
                {
                    ServiceKinds.Procurement => RequestTypes.Procurement, ServiceKinds.Recruitment => RequestTypes.Recruitment, _ => r.Chance(0.4) ? RequestTypes.Opinion : RequestTypes.Assistance,
                },
                Subject = string.Create(CultureInfo.InvariantCulture, $"Richiesta {i + 1} di {comune.Name} {Marker}"), Description = "Il Comune chiede il supporto dell'ufficio.",
                Status = status, CreatedBy = who, CreatedAt = created, FirstAnsweredAt = first, ResolvedAt = resolved, ClosedAt = closed,
                Rating = closed is not null && r.Chance(0.6) ? r.Int(2, 6) : null, UpdatedAt = closed ?? resolved ?? first ?? created, Version = 1,
            });
            Events.Add(new ServiceRequestEvent { Id = eventId++, RequestId = id, Kind = RequestEventKinds.Status, ToStatus = RequestStatuses.Submitted, Text = "Richiesta inviata.", Side = RequestSides.Comune, By = who, At = created });
            var from = RequestStatuses.Submitted;
            void Move(string to, DateTime at, string side)
            {
                Events.Add(new ServiceRequestEvent { Id = eventId++, RequestId = id, Kind = RequestEventKinds.Status, FromStatus = from, ToStatus = to, Text = "Passaggio (dato generato).", Side = side, By = side == RequestSides.Office ? "ufficio@metropoli.example" : who, At = at });
                from = to;
            }
            if (first is { } f) Move(RequestStatuses.InProgress, f, RequestSides.Office);
            if (status == RequestStatuses.Waiting) Move(RequestStatuses.Waiting, first!.Value.AddHours(r.Int(1, 48)), RequestSides.Office);
            if (resolved is { } rs) Move(RequestStatuses.Answered, rs, RequestSides.Office);
            if (closed is { } c) Move(RequestStatuses.Closed, c, RequestSides.Comune);
        }

        var sua = Services[0];
        var types = new Randomness.Weighted<string>(ProcedureTypes.All, [35, 30, 25, 5, 4, 1]);
        var procurements = p.Procurements;
        for (var i = 0; i < procurements; i++)
        {
            var id = procurementId++;
            var requested = r.Date(w.Today.AddDays(-1500), w.Today.AddDays(-5));
            var dates = new DateOnly?[6];
            dates[0] = requested;
            var reached = r.Int(0, 6);
            for (var k = 1; k <= reached; k++)
            {
                var next = dates[k - 1]!.Value.AddDays(r.Int(5, 60));
                if (next > w.Today) break;
                dates[k] = next;
            }
            var amount = r.Money(180_000, 1.2);
            var awarded = dates[4] is not null;
            var award = awarded ? Math.Round(amount * (decimal)(0.7 + r.Double() * 0.28), 2) : (decimal?)null;
            Procurements.Add(new Procurement
            {
                Id = id, ServiceId = sua.Id, Object = $"{r.Pick(Objects)} {i + 1} {Marker}", Cigs = string.Create(CultureInfo.InvariantCulture, $"B{r.Int(10_000_000, 99_999_999)}{(char)('A' + r.Int(0, 26))}"),
                Amount = amount, ProcedureType = types.Next(r), AwardCriterion = r.Chance(0.55) ? AwardCriteria.BestValue : AwardCriteria.LowestPrice,
                RequestedOn = requested, DecisionOn = dates[1], PublishedOn = dates[2], BidsReceivedOn = dates[3], AwardedOn = dates[4], ContractSignedOn = dates[5],
                BidsCount = dates[3] is null ? null : r.Int(1, 25), AwardValue = award, WinnerTaxCode = awarded ? "00743110157" : null,
                WinnerName = awarded ? $"Impresa aggiudicataria {Marker}" : null, PlatformUrl = dates[2] is null ? null : "https://www.sintel.regione.lombardia.it/",
                CreatedAt = requested.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), UpdatedAt = w.Now, Version = 1,
            });
            foreach (var c in w.ComunePick.Distinct(r, r.Chance(0.8) ? 1 : r.Int(2, 4))) ProcurementMunicipalities.Add(new ProcurementMunicipality { ProcurementId = id, IstatCode = c.Istat });
        }

        // Joint recruitment: needs joined by area into competitions; most competitions have an approved list and draws.
        var recruitment = Services[1];
        var areas = new Randomness.Weighted<string>(StaffAreas.All, [10, 20, 45, 25]);
        var competitions = p.Competitions;
        for (var i = 0; i < competitions; i++)
        {
            var cid = competitionId++;
            var area = areas.Next(r);
            var profile = r.Pick(Profiles);
            var published = r.Date(w.Today.AddDays(-1000), w.Today.AddDays(-20));
            var approved = published.AddDays(r.Int(60, 200));
            var hasList = approved <= w.Today && r.Chance(0.8);
            var comuni = w.ComunePick.Distinct(r, r.Int(2, 7));
            var total = 0;
            var postsBy = new Dictionary<string, int>();
            foreach (var c in comuni)
            {
                var posts = r.Int(1, 6);
                postsBy[c.Istat] = posts;
                total += posts;
                Needs.Add(new StaffingNeed
                {
                    Id = needId++, ServiceId = recruitment.Id, IstatCode = c.Istat, AgreementId = r.Pick(conventions[recruitment.Id]), Profile = profile, Area = area, Posts = posts,
                    NeededBy = published.AddDays(r.Int(90, 400)), CompetitionId = cid, CreatedBy = $"comune.{c.Istat}@metropoli.example", CreatedAt = published.AddDays(-r.Int(30, 120)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                });
                Posts.Add(new CompetitionPost { CompetitionId = cid, IstatCode = c.Istat, Posts = posts });
            }
            Competitions.Add(new Competition
            {
                Id = cid, ServiceId = recruitment.Id, Title = string.Create(CultureInfo.InvariantCulture, $"Concorso unico {i + 1}: {profile} {Marker}"), Profile = profile, Area = area,
                NoticeReference = string.Create(CultureInfo.InvariantCulture, $"INPA-{published.Year}-{i + 1:00000}"), NoticeUrl = "https://www.inpa.gov.it/",
                PublishedOn = published, ApplicationsCloseOn = published.AddDays(30), Status = hasList ? CompetitionStatuses.ListApproved : CompetitionStatuses.Exams,
                CreatedAt = published.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), UpdatedAt = w.Now, Version = 1,
            });
            if (!hasList) continue;
            var lid = listId++;
            var entries = total * r.Int(3, 12);
            Lists.Add(new RankingList { Id = lid, CompetitionId = cid, ActNumber = string.Create(CultureInfo.InvariantCulture, $"{r.Int(1, 400)}/{approved.Year}"), ApprovedOn = approved, ValidUntil = approved.AddYears(2), EntryCount = entries, CreatedAt = approved.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) });
            for (var rank = 1; rank <= entries; rank++) Entries.Add(new RankingEntry { RankingListId = lid, Rank = rank, CandidateCode = string.Create(CultureInfo.InvariantCulture, $"G{lid}-{rank:0000}") });
            var drawn = Math.Min(entries, total + r.Int(0, total + 1));
            var at = approved.ToDateTime(new TimeOnly(11, 0), DateTimeKind.Utc);
            var hires = comuni.ToDictionary(c => c.Istat, _ => 0);
            for (var rank = 1; rank <= drawn; rank++)
            {
                at = at.AddDays(r.Int(1, 20));
                var skip = r.Chance(0.1);
                var c = r.Pick(comuni);
                var posts = postsBy[c.Istat];
                var kind = skip ? DrawKinds.Skip : hires[c.Istat] < posts ? DrawKinds.Hire : DrawKinds.Use;
                if (!skip) hires[c.Istat]++;
                Draws.Add(new RankingDraw
                {
                    Id = drawId++, RankingListId = lid, Sequence = rank, Rank = rank, IstatCode = c.Istat, Kind = kind, AgreementId = skip ? null : r.Pick(conventions[recruitment.Id]),
                    Reason = skip ? "Rinuncia del candidato (dato generato)." : null, By = $"comune.{c.Istat}@metropoli.example", At = at,
                });
            }
        }
    }
}
