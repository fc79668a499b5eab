using System.Globalization;
using Metropoli.Funding.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>Funding at scale (issue 20): calls (2,000 at metro) with a recipients rule, funded projects (20,000) by a
/// generated CUP in the Comuni weighted by population, one funding line and one milestone each, and their reported
/// expenditures (500,000), most validated, always within the project's cost. Every count follows the profile; the
/// expenditures are streamed (no list in memory). Generated, not real: titles say «(dati generati)».</summary>
public sealed class FundingGenerator(ScaleWorld w)
{
    public const string Marker = "(dati generati)";

    private static readonly string[] Programmes = [FundingProgrammes.Pnrr, FundingProgrammes.Pnrr, FundingProgrammes.Pnrr, FundingProgrammes.Fesr, FundingProgrammes.Regional, FundingProgrammes.Own];
    private static readonly string[] Missions = ["M1", "M2", "M3", "M4", "M5", "M6"];
    private static readonly string[] Subjects =
    [
        "Riqualificazione energetica della scuola", "Pista ciclabile", "Rigenerazione urbana del quartiere", "Digitalizzazione dei servizi",
        "Asilo nido", "Messa in sicurezza del territorio", "Casa della comunità", "Impianto sportivo", "Biblioteca", "Illuminazione pubblica",
    ];

    public List<FundingCall> Calls { get; } = [];
    public List<FundingCallRule> Rules { get; } = [];
    public List<FundingProject> Projects { get; } = [];
    public List<FundingProjectComune> ProjectComuni { get; } = [];
    public List<FundingLine> Lines { get; } = [];
    public List<FundingMilestone> Milestones { get; } = [];

    public void Generate(long callId, long ruleId, long lineId, long milestoneId)
    {
        var r = w.Random;
        var now = w.Now;
        for (var i = 0; i < w.Profile.FundingCalls; i++)
        {
            var programme = r.Pick(Programmes);
            var opens = r.Date(w.Today.AddYears(-4), w.Today.AddDays(60));
            var closes = opens.AddDays(r.Int(30, 180));
            var status = opens > w.Today ? FundingCallStatuses.Planned : closes < w.Today ? (r.Chance(0.5) ? FundingCallStatuses.Awarded : FundingCallStatuses.Closed) : FundingCallStatuses.Open;
            var mission = r.Pick(Missions);
            Calls.Add(new FundingCall
            {
                Id = callId, Code = string.Create(CultureInfo.InvariantCulture, $"GEN-{i + 1:000000}"), Title = $"Avviso per {r.Pick(Subjects).ToLowerInvariant()} n. {i + 1} {Marker}",
                Issuer = r.Chance(0.3) ? "Città metropolitana di Milano" : "Ministero", Programme = programme,
                MeasureCode = programme == FundingProgrammes.Pnrr ? $"{mission}C{r.Int(1, 4)}I{r.Int(1, 5)}.{r.Int(1, 4)}" : null, Recipients = "Comuni",
                Budget = r.Money(2_000_000, 1.2), OpensOn = opens, ClosesOn = closes, Status = status, Source = "scale", CreatedAt = now, UpdatedAt = now,
            });
            Rules.Add(new FundingCallRule { Id = ruleId++, CallId = callId, Position = 0, Kind = "recipients", Parameter = "Comuni" });
            callId++;
        }
        for (var i = 0; i < w.Profile.FundingProjects; i++)
        {
            var comune = w.ComunePick.Next(r);
            var programme = r.Pick(Programmes);
            var cost = Math.Max(10_000m, r.Money(400_000, 1.3));
            var start = r.Date(w.Today.AddYears(-5), w.Today.AddDays(-30));
            var cup = string.Create(CultureInfo.InvariantCulture, $"Z{i + 1:00000000000000}");
            Projects.Add(new FundingProject
            {
                Cup = cup, Title = $"{r.Pick(Subjects)} a {comune.Name} {Marker}", Programme = programme,
                Mission = programme == FundingProgrammes.Pnrr ? r.Pick(Missions) : null, ImplementerIstat = comune.Istat, ImplementerName = "Comune di " + comune.Name,
                BeneficiaryName = "Comune di " + comune.Name, TotalCost = cost, StartDate = start, EndDate = start.AddMonths(r.Int(12, 48)), Source = "scale",
                CreatedAt = now, UpdatedAt = now,
            });
            ProjectComuni.Add(new FundingProjectComune { Cup = cup, IstatCode = comune.Istat });
            Lines.Add(new FundingLine { Id = lineId++, Cup = cup, Source = FundingSources.ForProgramme(programme), Amount = cost });
            var due = start.AddMonths(r.Int(3, 30));
            var reached = due < w.Today && r.Chance(0.7);
            Milestones.Add(new FundingMilestone
            {
                Id = milestoneId++, Cup = cup, Kind = MilestoneKinds.Milestone, Title = "Aggiudicazione dei lavori", DueOn = due,
                ReachedOn = reached ? due.AddDays(-r.Int(0, 20)) : null, Status = reached ? ReportStatuses.Validated : null,
                LateNotifiedAt = due < w.Today && !reached ? now : null,
            });
        }
    }

    /// <summary>The expenditures, streamed: each project gets its share, the amounts adding up to at most 80% of its cost.</summary>
    public IEnumerable<FundingExpenditure> Expenditures(long id)
    {
        var r = w.Random;
        var total = w.Profile.FundingExpenditures;
        var per = (double)total / Projects.Count;
        var made = 0;
        for (var p = 0; p < Projects.Count && made < total; p++)
        {
            var project = Projects[p];
            var n = p == Projects.Count - 1 ? total - made : Math.Min(total - made, (int)Math.Round(per * (p + 1)) - (int)Math.Round(per * p));
            if (n <= 0) continue;
            var share = project.TotalCost * 0.8m / n;
            for (var k = 0; k < n; k++, made++)
            {
                var status = r.Double() switch { < 0.85 => ReportStatuses.Validated, < 0.95 => ReportStatuses.Submitted, _ => ReportStatuses.Rejected };
                var paid = r.Date(project.StartDate!.Value, w.Today);
                yield return new FundingExpenditure
                {
                    Id = id++, Cup = project.Cup, Amount = Math.Round(share * (decimal)(0.5 + r.Double() * 0.5), 2), PaidOn = paid,
                    Description = $"Stato di avanzamento lavori n. {k + 1} {Marker}", PaymentRequest = string.Create(CultureInfo.InvariantCulture, $"RdP-{paid.Year}-{(k / 4) + 1:000}"),
                    FileName = $"sal-{k + 1}.pdf", StoredName = "generato", ContentType = "application/pdf", Size = 1024,
                    Sha256 = Convert.ToHexStringLower(BitConverter.GetBytes(id)).PadLeft(64, '0'), Status = status,
                    Reason = status == ReportStatuses.Rejected ? "Documento non leggibile." : null, EnteredBy = "Dati generati", EnteredAt = paid.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                    DecidedBy = status == ReportStatuses.Submitted ? null : "Dati generati", DecidedAt = status == ReportStatuses.Submitted ? null : paid.AddDays(10).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                };
            }
        }
    }
}
