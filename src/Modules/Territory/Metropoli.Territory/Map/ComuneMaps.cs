using Metropoli.Territory.Contracts;

namespace Metropoli.Territory.Map;

/// <summary>The <see cref="IComuneMaps"/> of the contract: <see cref="SvgMap"/> over the shipped boundaries.</summary>
internal sealed class ComuneMaps(Boundaries boundaries) : IComuneMaps
{
    public string Render(IReadOnlyList<ComuneFill> comuni, string title, string description) =>
        SvgMap.Render(boundaries, comuni.Select(c => new SvgMap.Area(c.IstatCode, c.Fill, false, c.Text)).ToList(), title, description);
}
