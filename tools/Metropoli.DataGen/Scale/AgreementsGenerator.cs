using System.Globalization;
using Metropoli.Agreements.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>The register of agreements: types and themes Zipf-weighted, statuses in plausible proportions
/// with the history that led to each, dates from 2015 on, parties from the organisations registry (the
/// metropolitan city promotes most), obligations and milestones per party, and a CUP in the funding text
/// of the funded ones.</summary>
public sealed class AgreementsGenerator(ScaleWorld w)
{
    private static readonly string[] Types =
    [
        AgreementTypes.Protocol, AgreementTypes.Convention, AgreementTypes.CollaborationAgreement, AgreementTypes.ProgrammeAgreement,
        AgreementTypes.FrameworkConvention, AgreementTypes.Pact, AgreementTypes.FrameworkAgreement, AgreementTypes.TerritorialInvestment, AgreementTypes.Avvalimento,
    ];

    private static readonly (string Status, double Weight)[] StatusMix =
    [
        (AgreementStatuses.InForce, 40), (AgreementStatuses.Concluded, 15), (AgreementStatuses.Expired, 12), (AgreementStatuses.Signed, 5),
        (AgreementStatuses.Approved, 5), (AgreementStatuses.UnderReview, 8), (AgreementStatuses.Proposal, 10), (AgreementStatuses.Withdrawn, 5),
    ];

    private static readonly string[] Path =
        [AgreementStatuses.Proposal, AgreementStatuses.UnderReview, AgreementStatuses.Approved, AgreementStatuses.Signed, AgreementStatuses.InForce];

    private static readonly string[] Subjects =
    [
        "la mobilità ciclabile", "l'edilizia scolastica", "la gestione dei parchi", "i servizi digitali comuni", "il lavoro e la formazione",
        "la rigenerazione delle periferie", "la qualità dell'aria", "la protezione civile", "il trasporto pubblico", "l'housing sociale",
    ];

    public List<Agreement> Agreements { get; } = [];
    public List<AgreementStatusChange> StatusChanges { get; } = [];
    public List<AgreementThemeLink> Themes { get; } = [];
    public List<AgreementMunicipality> Municipalities { get; } = [];
    public List<AgreementZone> Zones { get; } = [];
    public List<AgreementAction> Actions { get; } = [];
    public List<AgreementParty> Parties { get; } = [];
    public List<AgreementObligation> Obligations { get; } = [];

    public void Generate(long agreementId, long changeId, long partyId, long obligationId)
    {
        var r = w.Random;
        var types = new Randomness.Weighted<string>(Types, Randomness.Zipf(Types.Length, 1.1));
        var themes = new Randomness.Weighted<string>(w.Themes, Randomness.Zipf(w.Themes.Count, 1.0));
        var statuses = new Randomness.Weighted<string>(StatusMix.Select(s => s.Status), StatusMix.Select(s => s.Weight));
        var count = w.Profile.Agreements;
        var partiesPer = (double)w.Profile.Parties / count;
        var obligationsPer = (double)w.Profile.Obligations / count;
        var currentActions = w.CurrentPlan.Actions;
        w.FirstAgreementId = agreementId;
        for (var i = 0; i < count; i++)
        {
            var id = agreementId++;
            var status = statuses.Next(r);
            var year = r.Int(2015, 2027);
            var approved = r.Date(new DateOnly(year, 1, 10), new DateOnly(year, 12, 10));
            if (approved > w.Today) approved = w.Today.AddDays(-r.Int(1, 200));
            var months = r.Pick<int>([12, 24, 36, 36, 60, 60, 120]);
            var signed = approved.AddDays(r.Int(10, 90));
            var effective = signed.AddDays(r.Int(0, 30));
            var expiry = effective.AddMonths(months);
            var reached = status is AgreementStatuses.Proposal or AgreementStatuses.UnderReview or AgreementStatuses.Approved or AgreementStatuses.Withdrawn
                ? Array.IndexOf(Path, status == AgreementStatuses.Withdrawn ? AgreementStatuses.UnderReview : status)
                : Path.Length - 1;
            // Dates agree with the status: an agreement in force has not expired yet, an expired one has.
            if (status == AgreementStatuses.InForce && expiry <= w.Today) expiry = w.Today.AddMonths(r.Int(1, 48));
            if (status == AgreementStatuses.Expired && expiry > w.Today) { expiry = w.Today.AddDays(-r.Int(1, 900)); effective = expiry.AddMonths(-months); signed = effective.AddDays(-5); approved = signed.AddDays(-30); }
            if (status is AgreementStatuses.Signed && effective <= w.Today) effective = w.Today.AddDays(r.Int(1, 60));
            var funded = r.Chance(0.45);
            var value = funded ? r.Money(250_000, 1.4) : (decimal?)null;
            var subject = r.Pick(Subjects);
            var type = types.Next(r);
            var sign = reached >= 3;
            Agreements.Add(new Agreement
            {
                Id = id, Number = string.Create(CultureInfo.InvariantCulture, $"INT-{approved.Year}/{i + 1:000000}"),
                Title = $"{Label(type)} per {subject} ({w.ComunePick.Next(r).Name})", Type = type,
                Subject = $"Collaborazione tra gli enti firmatari per {subject}.", LegalBasis = r.Chance(0.6) ? "art. 15 L. 241/1990" : "L. 56/2014",
                ApprovalActBody = reached >= 2 ? "Consiglio metropolitano" : null,
                ApprovalActNumber = reached >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{r.Int(1, 200)}/{approved.Year}") : null,
                ApprovalActDate = reached >= 2 ? approved : null,
                SignatureDate = sign ? signed : null, EffectiveDate = sign ? effective : null, ExpiryDate = sign ? expiry : null,
                DurationMonths = months, AutoRenewal = r.Chance(0.15), Value = value,
                Funding = funded ? $"Fondi PNRR e regionali, CUP {Cup(r, approved.Year)}" : null,
                Visibility = r.Chance(0.88) ? AgreementVisibility.Public : AgreementVisibility.Restricted,
                Status = status, OwnerSector = w.SectorPick.Next(r), AlertDays = r.Chance(0.1) ? 90 : null,
                CreatedAt = r.Time(approved.AddDays(-r.Int(20, 120))), UpdatedAt = w.Now, Version = 1,
            });
            var at = r.Time(approved.AddDays(-30));
            var who = r.Pick(w.PlanOffice).DisplayName;
            for (var s = 1; s <= reached; s++)
            {
                at = at.AddDays(r.Int(3, 30));
                StatusChanges.Add(new AgreementStatusChange { Id = changeId++, AgreementId = id, FromStatus = Path[s - 1], ToStatus = Path[s], Reason = "Passaggio di fase (dato generato).", ChangedBy = who, ChangedAt = at });
            }
            if (status is AgreementStatuses.Concluded or AgreementStatuses.Expired or AgreementStatuses.Withdrawn)
            {
                StatusChanges.Add(new AgreementStatusChange { Id = changeId++, AgreementId = id, FromStatus = Path[reached], ToStatus = status, Reason = "Chiusura (dato generato).", ChangedBy = who, ChangedAt = at.AddDays(30) });
            }
            foreach (var t in themes.Distinct(r, r.Int(1, 3))) Themes.Add(new AgreementThemeLink { AgreementId = id, ThemeCode = t });
            foreach (var c in w.ComunePick.Distinct(r, r.Int(1, 4))) Municipalities.Add(new AgreementMunicipality { AgreementId = id, IstatCode = c.Istat });
            if (r.Chance(0.2)) Zones.Add(new AgreementZone { AgreementId = id, ZoneCode = r.Pick(w.Zones) });
            if (r.Chance(0.1) && currentActions.Count > 0) Actions.Add(new AgreementAction { AgreementId = id, ActionId = r.Pick(currentActions).Id });

            // Parties: the metropolitan city first (promoter), then others; the count varies around the mean.
            var want = Math.Max(2, (int)Math.Round(partiesPer * (0.5 + r.Double())));
            var organisations = new List<long> { w.MetropolitanCityId };
            organisations.AddRange(w.OrganisationPick.Distinct(r, want).Where(o => o != w.MetropolitanCityId).Take(want - 1));
            var parties = new List<long>(organisations.Count);
            for (var p = 0; p < organisations.Count; p++)
            {
                var party = new AgreementParty
                {
                    Id = partyId++, AgreementId = id, OrganisationId = organisations[p],
                    Role = p == 0 ? PartyRoles.Promoter : r.Chance(0.2) ? PartyRoles.Adherent : PartyRoles.Signatory, UpdatedAt = w.Now, Version = 1,
                };
                Parties.Add(party);
                parties.Add(party.Id);
            }
            var obligations = Math.Max(0, (int)Math.Round(obligationsPer * (0.5 + r.Double())));
            for (var o = 0; o < obligations; o++)
            {
                var due = effective.AddDays(r.Int(30, Math.Max(31, months * 30)));
                var done = due < w.Today && r.Chance(0.8);
                Obligations.Add(new AgreementObligation
                {
                    Id = obligationId++, AgreementId = id, PartyId = r.Pick(parties),
                    Kind = r.Chance(0.3) ? ObligationKinds.Milestone : ObligationKinds.Obligation,
                    Title = r.Chance(0.5) ? "Relazione annuale sulle attività" : "Trasferimento della quota di cofinanziamento",
                    DueDate = due, Status = done ? ObligationStatuses.Done : r.Chance(0.03) ? ObligationStatuses.Waived : ObligationStatuses.Open,
                    CompletedOn = done ? due.AddDays(-r.Int(0, 20)) : null, EvidenceNote = done ? "Protocollo agli atti." : null,
                    UpdatedAt = w.Now, Version = 1,
                });
            }
        }
        w.LastAgreementId = agreementId - 1;
    }

    private static string Label(string type) => type switch
    {
        AgreementTypes.Protocol => "Protocollo d'intesa",
        AgreementTypes.Convention => "Convenzione",
        AgreementTypes.CollaborationAgreement => "Accordo di collaborazione",
        AgreementTypes.ProgrammeAgreement => "Accordo di programma",
        AgreementTypes.FrameworkConvention => "Convenzione quadro",
        AgreementTypes.Pact => "Patto territoriale",
        AgreementTypes.FrameworkAgreement => "Accordo quadro",
        AgreementTypes.TerritorialInvestment => "Investimento territoriale integrato",
        _ => "Accordo di avvalimento",
    };

    /// <summary>A CUP in the DIPE layout: type letter, two digits, one letter, year (two digits), and eight
    /// more characters; 15 upper-case letters and digits, as <c>IdentifierCheck.ValidateCup</c> requires.</summary>
    public static string Cup(Randomness r, int year) => string.Create(CultureInfo.InvariantCulture,
        $"{"BDEFGHIJ"[r.Int(0, 8)]}{r.Int(10, 99)}{"BCDEFGHI"[r.Int(0, 8)]}{year % 100:00}{r.Int(0, 1_000_000_000):000000000}");
}
