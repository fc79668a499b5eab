namespace Metropoli.DataGen.Scale;

/// <summary>How much to generate. Metro is ten times the Milano case; national ten times metro; tiny a
/// thousandth of metro (for the test suite). Every count is the metro count times the factor, with a
/// floor so that tiny still has one of everything a page needs.</summary>
public sealed record ScaleProfile(string Name, double Factor)
{
    public static readonly IReadOnlyList<ScaleProfile> All =
    [
        new("tiny", 0.001),
        new("metro", 1),
        new("national", 10),
    ];

    public static ScaleProfile? Find(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The seed of the random generator: the same command always writes the same data.</summary>
    public const int Seed = 20260601;

    /// <summary>"Today" of the generated world: dates, statuses and lateness are computed from it, not from
    /// the clock, so that two runs write the same rows.</summary>
    public static readonly DateOnly Anchor = new(2026, 10, 31);

    public int Count(int metro, int min = 1) => Math.Max(min, (int)Math.Round(metro * Factor));

    public int Actions => Count(1_000, 3);
    public int OldPlanActions => Count(60, 2);
    public int Areas => Math.Clamp(Count(12, 2), 2, 24);
    public int Objectives => Count(60, 3);
    public int Indicators => Count(5_000, 5);
    public int Measurements => Count(500_000, 200);
    public int Organisations => Count(5_000, 20);
    public int Agreements => Count(20_000, 20);
    public int Parties => Count(80_000, 80);
    public int Obligations => Count(100_000, 100);
    public int Users => Count(10_000, 30);
    public int AuditRows => Count(2_000_000, 2_000);
    /// <summary>Participation (issue 22): 200 bodies, 5,000 meetings, 100,000 proposals and comments at metro.</summary>
    public int Bodies => Count(200, 10);
    public int Meetings => Count(5_000, 10);
    public int Consultations => Count(200, 3);
    public int Proposals => Count(50_000, 50);
    public int ProposalComments => Count(50_000, 50);
    public int FundingCalls => Count(2_000, 3);
    public int FundingProjects => Count(20_000, 20);
    public int FundingExpenditures => Count(500_000, 500);
    public int ServiceRequests => Count(50_000, 30);
    public int Procurements => Count(20_000, 20);
    public int Competitions => Count(500, 3);
}
