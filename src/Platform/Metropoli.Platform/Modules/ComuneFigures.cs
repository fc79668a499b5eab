namespace Metropoli.Platform.Modules;

/// <summary>One figure about a group of Comuni: a count or an amount in euro, with an Italian label (localized by the
/// page). <see cref="Order"/> sorts figures across modules.</summary>
public sealed record ComuneFigure(string Module, string Label, decimal Value, bool IsAmount, int Order);

/// <summary>Aggregate figures about a set of Comuni that a module without a contracts project offers to the others (the
/// zone desk of participation, ADR 0043): counts and sums only, never records, so that no module learns another's
/// entities. A module registers its implementation in DI (<c>AddScoped&lt;IComuneFigures, …&gt;</c>); readers take
/// <c>IEnumerable&lt;IComuneFigures&gt;</c>.</summary>
public interface IComuneFigures
{
    Task<IReadOnlyList<ComuneFigure>> ForComuniAsync(IReadOnlyCollection<string> istatCodes, CancellationToken ct);
}
