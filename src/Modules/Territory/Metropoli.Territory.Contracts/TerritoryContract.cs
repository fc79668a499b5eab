namespace Metropoli.Territory.Contracts;

/// <summary>What other modules may read of the territory: the Comuni, the zones and the organisations registry,
/// as queryable rows bound to the caller's own database context (so a join with the caller's tables is one SQL
/// statement), never the Territory module's entities.</summary>
public interface ITerritoryQueries
{
    /// <summary>The Comuni with their current zone.</summary>
    IQueryable<ComuneRef> Comuni { get; }

    /// <summary>The zones (the seven Zone omogenee and Milano), with their display order.</summary>
    IQueryable<ZoneRef> Zones { get; }

    /// <summary>The organisations registry: every party to a plan action or an agreement.</summary>
    IQueryable<OrganisationRef> Organisations { get; }
}

/// <summary>The one write other modules may make to the territory: find an organisation of the registry, or add it
/// (demo content, imports). Saved through the caller's context, in its transaction.</summary>
public interface IOrganisationRegistry
{
    /// <summary>The Comune by ISTAT code, the metropolitan city and the Region by type, any other by name; added
    /// (without fiscal code) when missing.</summary>
    Task<long> FindOrAddAsync(string name, string type, string? municipalityIstat, DateTime now, CancellationToken ct);
}

/// <summary>The zone coordinator rotation as other modules see it: which Comune coordinates a zone on a day
/// (overrides and recorded terms included). Power that follows the term asks this for the day of the act.</summary>
public interface IZoneCoordinators
{
    /// <summary>The ISTAT code of the Comune coordinating <paramref name="zoneCode"/> on <paramref name="day"/>; null when
    /// the zone has no rotation or no Comune could take the term.</summary>
    Task<string?> CoordinatorOnAsync(string zoneCode, DateOnly day, CancellationToken ct);
}

public static class TerritoryContract
{
    /// <summary>The module's name (<c>IMetropoliModule.Name</c>, read-model key).</summary>
    public const string Module = "territory";

    /// <summary>What another module's model may point a foreign key at (ADR 0026): stable names that the Territory
    /// module maps to its entities (<c>IMetropoliModule.ReferencedEntities</c>). The key of a Comune is its ISTAT
    /// code, of a zone its code, of an organisation its id.</summary>
    public const string MunicipalityEntity = "territory.municipality";
    public const string ZoneEntity = "territory.zone";
    public const string OrganisationEntity = "territory.organisation";
}

/// <summary>A Comune as other modules see it. Classes with settable members (not positional records) so that
/// a query may filter and join on them after the projection.</summary>
public sealed class ComuneRef
{
    public string IstatCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string ZoneCode { get; init; } = "";
    public int Population { get; init; }
}

public sealed class ZoneRef
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int SortOrder { get; init; }
    public bool IsCapoluogo { get; init; }
}

public sealed class OrganisationRef
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    /// <summary>One of <see cref="OrganisationTypes"/>.</summary>
    public string Type { get; init; } = "";
    public string? FiscalCode { get; init; }
    /// <summary>The Comune this organisation is, for type municipality.</summary>
    public string? MunicipalityIstat { get; init; }
}

/// <summary>A Comune to draw on a map: its fill and an optional text added to its name ("Rho: 45%").</summary>
public sealed record ComuneFill(string IstatCode, string Fill, string? Text = null);

/// <summary>Draws the Comuni as a server-side SVG map (no tile server), each Comune a link to its page
/// named by its name and <see cref="ComuneFill.Text"/>; other modules colour it with their own figures.</summary>
public interface IComuneMaps
{
    string Render(IReadOnlyList<ComuneFill> comuni, string title, string description);
}
