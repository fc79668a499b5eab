namespace Metropoli.Platform.OpenData;

/// <summary>A public download a module offers, as the open-data catalogue describes it (<c>/dati</c>, DCAT-AP_IT; ADR 0044).
/// <paramref name="Id"/> is stable (it is part of the dataset's identifier, <c>{IPA code}:{Id}</c>); <paramref name="Title"/>
/// and <paramref name="Description"/> are Italian keys the catalogue localises; <paramref name="Themes"/> are codes of the EU
/// data-theme vocabulary (<see cref="DataThemes"/>); <paramref name="Frequency"/> a code of the EU frequency vocabulary
/// (<see cref="Frequencies"/>); <paramref name="LandingPage"/> the site page that shows the same data;
/// <paramref name="ModifiedAsync"/> answers the date of the latest change of the data (null: no record yet);
/// <paramref name="Source"/> the attribution the data carries when it comes from another body.</summary>
public sealed record OpenDataset(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Keywords,
    string Frequency,
    string LandingPage,
    IReadOnlyList<OpenDistribution> Distributions,
    Func<Data.AppDbContext, CancellationToken, Task<DateTime?>> ModifiedAsync,
    string? Source = null);

/// <summary>One way to get a dataset: <paramref name="Format"/> is one of <see cref="FileTypes"/>; <paramref name="Path"/>
/// a path of this site answering anonymously. <paramref name="Download"/>: the path returns the whole dataset as a file
/// (<c>dcat:downloadURL</c>); false for a paged API (only <c>dcat:accessURL</c>).</summary>
public sealed record OpenDistribution(string Format, string Path, bool Download = true);

/// <summary>Codes of the EU data-theme vocabulary (http://publications.europa.eu/resource/authority/data-theme), the
/// themes DCAT-AP_IT prescribes for <c>dcat:theme</c>.</summary>
public static class DataThemes
{
    public const string Base = "http://publications.europa.eu/resource/authority/data-theme/";
    public const string Government = "GOVE";
    public const string Regions = "REGI";
    public const string Economy = "ECON";
    public const string Society = "SOCI";
    public const string Education = "EDUC";
    public const string Environment = "ENVI";
    public const string Transport = "TRAN";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN" };
}

/// <summary>Codes of the EU frequency vocabulary (http://publications.europa.eu/resource/authority/frequency).</summary>
public static class Frequencies
{
    public const string Base = "http://publications.europa.eu/resource/authority/frequency/";
    public const string Irregular = "IRREG";
    public const string Continuous = "UPDATE_CONT";
    public const string Monthly = "MONTHLY";
    public const string Annual = "ANNUAL";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { "IRREG", "UPDATE_CONT", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "BIENNIAL", "TRIENNIAL", "NEVER", "UNKNOWN" };
}

/// <summary>Codes of the EU file-type vocabulary (http://publications.europa.eu/resource/authority/file-type) with the
/// IANA media type of each.</summary>
public static class FileTypes
{
    public const string Base = "http://publications.europa.eu/resource/authority/file-type/";
    public const string Csv = "CSV";
    public const string Json = "JSON";
    public const string GeoJson = "GEOJSON";
    public const string Xlsx = "XLSX";

    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Csv] = "text/csv",
        [Json] = "application/json",
        [GeoJson] = "application/geo+json",
        [Xlsx] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}
