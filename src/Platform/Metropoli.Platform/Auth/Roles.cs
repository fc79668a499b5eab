namespace Metropoli.Platform.Auth;

/// <summary>The six roles of Metropoli and their Italian labels.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string PlanOffice = "plan-office";
    public const string SectorOfficer = "sector-officer";
    public const string MunicipalityOfficer = "municipality-officer";
    public const string ZoneCoordinator = "zone-coordinator";
    public const string ForumMember = "forum-member";

    public static readonly IReadOnlyList<string> All =
        [Administrator, PlanOffice, SectorOfficer, MunicipalityOfficer, ZoneCoordinator, ForumMember];

    public static string Label(string role) => role switch
    {
        Administrator => "Amministratore",
        PlanOffice => "Ufficio di piano",
        SectorOfficer => "Referente di settore",
        MunicipalityOfficer => "Referente comunale",
        ZoneCoordinator => "Coordinatore di zona",
        ForumMember => "Membro del Forum",
        _ => role,
    };
}

/// <summary>Claim types for the scopes a user carries.</summary>
public static class ScopeClaims
{
    public const string Sector = "metropoli:sector";
    public const string Municipality = "metropoli:municipality";
    public const string Zone = "metropoli:zone";
    public const string Organisation = "metropoli:organisation";
    public const string DisplayName = "metropoli:display-name";
}

/// <summary>Named authorization policies; every endpoint and page names one (or allows anonymous).</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Administrator = "administrator";
    public const string PlanOffice = "plan-office";
}
