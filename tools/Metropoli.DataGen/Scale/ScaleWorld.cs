using Metropoli.Territory.Model;

namespace Metropoli.DataGen.Scale;

/// <summary>What the generators share: the random source, the reference data read from the database
/// (Comuni weighted by real population, zones, tags, DUP programmes), and the light records of what
/// earlier steps generated that later steps point at.</summary>
public sealed class ScaleWorld(ScaleProfile profile)
{
    public ScaleProfile Profile { get; } = profile;
    public Randomness Random { get; } = new(ScaleProfile.Seed);
    public DateOnly Today => ScaleProfile.Anchor;
    public DateTime Now => Today.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);

    /// <summary>Sector codes of the metropolitan administration (the scope of sector officers and owner of
    /// actions), most active first; the demo's codes among them.</summary>
    public static readonly string[] Sectors =
    [
        "ambiente", "mobilita", "pianificazione-territoriale", "programmazione", "lavoro", "edilizia-scolastica",
        "infrastrutture", "sviluppo-economico", "politiche-sociali", "innovazione-digitale", "cultura-turismo", "protezione-civile",
    ];

    public Randomness.Weighted<string> SectorPick { get; } = new(Sectors, Randomness.Zipf(Sectors.Length, 0.8));

    public sealed record Comune(string Istat, string Name, int Population, string Zone, string PostalCode);

    public List<Comune> Comuni { get; set; } = [];
    public Randomness.Weighted<Comune> ComunePick { get; set; } = null!;
    public List<string> Zones { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public List<(string Mission, string Programme)> Programmes { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public Dictionary<string, string> RoleIds { get; set; } = [];

    /// <summary>Organisations by id; the weighted pick favours the big public bodies (the Comune of Milano,
    /// the metropolitan city, the Region) and then falls away along a Zipf curve.</summary>
    public List<long> OrganisationIds { get; } = [];
    public Randomness.Weighted<long> OrganisationPick { get; set; } = null!;
    public long MetropolitanCityId { get; set; }

    public sealed record Person(string Id, string DisplayName, string Email, string Role, string? Sector);

    public List<Person> People { get; } = [];
    public Dictionary<string, List<Person>> OfficersBySector { get; } = [];
    public List<Person> PlanOffice { get; } = [];

    public sealed record ActionInfo(long Id, long PlanId, long ObjectiveId, string Code, string Sector, int StartYear, int EndYear, string Status);

    public sealed record PlanInfo(long Id, int StartYear, int EndYear, bool Current, List<long> Objectives, List<ActionInfo> Actions);

    public List<PlanInfo> Plans { get; } = [];
    public PlanInfo CurrentPlan => Plans.Single(p => p.Current);

    public sealed record IndicatorInfo(long Id, long PlanId, string Code, string Frequency, string Sector, string Direction, decimal Baseline, int BaselineYear);

    public List<IndicatorInfo> Indicators { get; } = [];

    public long FirstMeasurementId { get; set; }
    public long LastMeasurementId { get; set; }
    public long FirstAgreementId { get; set; }
    public long LastAgreementId { get; set; }

    public Person OfficerFor(string sector) =>
        OfficersBySector.TryGetValue(sector, out var list) && list.Count > 0 ? Random.Pick(list) : Random.Pick(PlanOffice);

    public static Comune FromMunicipality(Municipality m) =>
        new(m.IstatCode, m.Name, m.Population, m.ZoneCode, m.PostalCodes.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "20100");
}
