using Metropoli.Participation.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>Participation at scale (ADR 0043): the Forum, one assembly per zona omogenea (not Milano) and tables up to
/// <see cref="ScaleProfile.Bodies"/>; members from the organisations registry (each at most once per body); meetings
/// spread over the bodies from 2022 to a few months past the anchor (minutes approved for most past ones); consultations on
/// the current plan with proposals and comments by member organisations, answered (traced to an action when accepted)
/// for the closed ones. Linear in the counts; every row is marked as generated in its title.</summary>
public sealed class ParticipationGenerator(ScaleWorld w)
{
    public const string Marker = "(dati generati)";

    private static readonly string[] Categories =
    [
        MemberCategories.Association, MemberCategories.ThirdSector, MemberCategories.Enterprise, MemberCategories.Work,
        MemberCategories.Culture, MemberCategories.University, MemberCategories.FunctionalAutonomy,
    ];

    private static readonly string[] Topics =
    [
        "la mobilità sostenibile", "la casa", "il lavoro giovanile", "i servizi di prossimità", "la transizione digitale", "il verde urbano",
        "la formazione professionale", "la cultura diffusa", "l'inclusione sociale", "lo sviluppo economico locale",
    ];

    public List<Body> Bodies { get; } = [];
    public List<BodyMember> Members { get; } = [];
    public List<Meeting> Meetings { get; } = [];
    public List<Consultation> Consultations { get; } = [];
    public List<Proposal> Proposals { get; } = [];
    public List<ProposalComment> Comments { get; } = [];

    public void Generate(long bodyId, long memberId, long meetingId, long consultationId, long proposalId, long commentId)
    {
        var r = w.Random;
        var p = w.Profile;
        var now = w.Now;
        var zones = w.Zones.Where(z => z != "milano").ToList();
        var forum = new Body { Id = bodyId++, Kind = BodyKinds.Forum, Name = "Forum metropolitano " + Marker, CreatedAt = now, UpdatedAt = now, Version = 1 };
        Bodies.Add(forum);
        foreach (var zone in zones)
        {
            Bodies.Add(new Body { Id = bodyId++, Kind = BodyKinds.ZoneAssembly, ZoneCode = zone, Name = $"Assemblea dei sindaci {zone} {Marker}", CreatedAt = now, UpdatedAt = now, Version = 1 });
        }
        for (var i = Bodies.Count; i < p.Bodies; i++)
        {
            Bodies.Add(new Body
            {
                Id = bodyId++, Kind = BodyKinds.Table, ParentId = forum.Id, Name = $"Tavolo {i} su {r.Pick(Topics)} {Marker}",
                Description = "Tavolo tematico del Forum.", CreatedAt = now, UpdatedAt = now, Version = 1,
            });
        }

        // Members: 10-40 organisations per body, distinct within the body.
        var membersOf = new Dictionary<long, List<long>>();
        foreach (var b in Bodies)
        {
            var chosen = new HashSet<long>();
            var want = Math.Min(w.OrganisationIds.Count, r.Int(10, 41));
            while (chosen.Count < want) chosen.Add(w.OrganisationPick.Next(r));
            membersOf[b.Id] = [.. chosen];
            foreach (var org in chosen)
            {
                Members.Add(new BodyMember { Id = memberId++, BodyId = b.Id, OrganisationId = org, Category = r.Pick(Categories), JoinedOn = r.Date(new DateOnly(2020, 1, 1), w.Today) });
            }
        }

        for (var i = 0; i < p.Meetings; i++)
        {
            var body = Bodies[i % Bodies.Count];
            var day = r.Date(new DateOnly(2022, 1, 10), w.Today.AddMonths(4));
            var starts = day.ToDateTime(new TimeOnly(r.Pick<int>([9, 10, 14, 15, 17]), 0), DateTimeKind.Utc);
            var past = day < w.Today;
            var approved = past && r.Chance(0.8);
            Meetings.Add(new Meeting
            {
                Id = meetingId++, BodyId = body.Id, Title = $"Riunione {i + 1} {Marker}", StartsAt = starts, EndsAt = starts.AddHours(2),
                Place = r.Chance(0.7) ? "Palazzo Isimbardi, Milano" : null,
                Agenda = "1. Comunicazioni\n2. Aggiornamento del Piano strategico\n3. Varie ed eventuali",
                Minutes = approved ? "Il verbale della riunione, approvato." : null, MinutesApprovedAt = approved ? starts.AddDays(r.Int(7, 30)) : null,
                IsCancelled = r.Chance(0.03), ConvenedBy = "generatore", CreatedAt = starts.AddDays(-20), UpdatedAt = now, Version = 1,
            });
        }
        foreach (var m in Meetings.Where(m => m.Place is null)) m.Link = "https://riunioni.example/" + m.Id;

        var actions = w.CurrentPlan.Actions;
        var forumMembers = membersOf[forum.Id];
        for (var i = 0; i < p.Consultations; i++)
        {
            var opens = r.Date(new DateOnly(2023, 1, 1), w.Today.AddDays(30));
            var closes = opens.AddDays(r.Int(20, 60));
            var action = r.Chance(0.4) && actions.Count > 0 ? actions[r.Int(0, actions.Count)] : null;
            Consultations.Add(new Consultation
            {
                Id = consultationId++, Title = $"Consultazione {i + 1} su {r.Pick(Topics)} {Marker}", Description = "Proposte delle organizzazioni del Forum.",
                Subject = action is null ? (r.Chance(0.5) ? ConsultationSubjects.PlanUpdate : ConsultationSubjects.Free) : ConsultationSubjects.Action,
                ActionId = action?.Id, OpensOn = opens, ClosesOn = closes, AnswerBy = closes.AddDays(60), OpenToAll = r.Chance(0.3),
                CreatedAt = opens.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), UpdatedAt = now, Version = 1,
            });
        }
        // Proposals Zipf-spread over the consultations (a few draw most of them), each by a forum member.
        var consultationPick = new Randomness.Weighted<Consultation>(Consultations, Randomness.Zipf(Consultations.Count, 0.9));
        for (var i = 0; i < p.Proposals; i++)
        {
            var c = consultationPick.Next(r);
            var created = r.Time(r.Date(c.OpensOn, c.ClosesOn < w.Today ? c.ClosesOn : w.Today));
            var answered = c.ClosesOn < w.Today && r.Chance(0.85);
            var answer = answered ? r.Pick<string>([Answers.Accepted, Answers.Partly, Answers.NotAccepted, Answers.NotAccepted]) : null;
            Proposals.Add(new Proposal
            {
                Id = proposalId++, ConsultationId = c.Id, Title = $"Proposta {i + 1} su {r.Pick(Topics)} {Marker}",
                Text = "Proponiamo di **coinvolgere i Comuni** della zona e le organizzazioni del territorio, con:\n\n- un calendario condiviso;\n- dati aperti.",
                OrganisationId = forumMembers[r.Int(0, forumMembers.Count)], AuthorUserId = "generatore", IsWithdrawn = r.Chance(0.02), IsHidden = r.Chance(0.01),
                ModerationReason = null, Answer = answer, AnswerReason = answer is null ? null : "La risposta motivata della segreteria.",
                AnsweredAt = answer is null ? null : c.ClosesOn.AddDays(r.Int(1, 60)).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                TakenUpActionId = answer is Answers.Accepted or Answers.Partly && actions.Count > 0 ? actions[r.Int(0, actions.Count)].Id : null,
                CreatedAt = created, UpdatedAt = created, Version = 1,
            });
        }
        foreach (var pr in Proposals.Where(x => x.IsHidden)) pr.ModerationReason = "Fuori tema.";
        for (var i = 0; i < p.ProposalComments; i++)
        {
            var proposal = Proposals[r.Int(0, Proposals.Count)];
            Comments.Add(new ProposalComment
            {
                Id = commentId++, ProposalId = proposal.Id, Text = $"Commento {i + 1}: condividiamo, con una precisazione.",
                OrganisationId = forumMembers[r.Int(0, forumMembers.Count)], AuthorUserId = "generatore",
                CreatedAt = proposal.CreatedAt.AddHours(r.Int(1, 240)), Version = 1,
            });
        }
    }
}
