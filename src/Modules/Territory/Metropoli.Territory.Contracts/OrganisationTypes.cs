namespace Metropoli.Territory.Contracts;

/// <summary>The kinds of organisation: codes (stored, and used by the API and the CSV files) and
/// Italian labels (translated by the views). Strings rather than a CLR enum, as for roles, so that
/// the database, the audit trail and the API all show the same readable code.</summary>
public static class OrganisationTypes
{
    public const string Region = "region";
    public const string MetropolitanCity = "metropolitan-city";
    public const string Municipality = "municipality";
    public const string UnionOfMunicipalities = "union-of-municipalities";
    public const string ParticipatedCompany = "participated-company";
    public const string University = "university";
    public const string ChamberOfCommerce = "chamber-of-commerce";
    public const string TradeUnion = "trade-union";
    public const string BusinessAssociation = "business-association";
    public const string ThirdSector = "third-sector";
    public const string Foundation = "foundation";
    public const string PublicBody = "public-body";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        Region, MetropolitanCity, Municipality, UnionOfMunicipalities, ParticipatedCompany, University,
        ChamberOfCommerce, TradeUnion, BusinessAssociation, ThirdSector, Foundation, PublicBody, Other,
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    public static string Label(string code) => code switch
    {
        Region => "Regione",
        MetropolitanCity => "Città metropolitana",
        Municipality => "Comune",
        UnionOfMunicipalities => "Unione di Comuni",
        ParticipatedCompany => "Società partecipata",
        University => "Università",
        ChamberOfCommerce => "Camera di commercio",
        TradeUnion => "Sindacato",
        BusinessAssociation => "Associazione di categoria",
        ThirdSector => "Ente del Terzo settore",
        Foundation => "Fondazione",
        PublicBody => "Ente pubblico",
        Other => "Altro",
        _ => code,
    };
}
