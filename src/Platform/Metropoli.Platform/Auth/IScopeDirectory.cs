namespace Metropoli.Platform.Auth;

/// <summary>The places an account can be scoped to (a municipality officer's Comune, a zone coordinator's zone).
/// The platform knows no territory: the module that owns the Comuni and zones provides this
/// (<see cref="Modules.ModuleReads"/>), and user administration reads it through <c>db.Reads&lt;IScopeDirectory&gt;()</c>.</summary>
public interface IScopeDirectory
{
    IQueryable<ScopeOption> Municipalities { get; }
    IQueryable<ScopeOption> Zones { get; }
}

/// <summary>A place by its code (ISTAT code, zone code) and name; <see cref="SortOrder"/> orders zones as people expect.</summary>
public sealed class ScopeOption
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int SortOrder { get; init; }
    /// <summary>For a Comune, the zone it belongs to today (a zone coordinator's Comune must be one of their zone's).</summary>
    public string? ZoneCode { get; init; }
}
