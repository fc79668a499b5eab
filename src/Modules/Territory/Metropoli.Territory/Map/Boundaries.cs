using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Metropoli.Territory.Map;

/// <summary>The shipped municipal boundaries (ISTAT / Openpolis, CC BY 4.0), read once from the
/// embedded GeoJSON and kept in memory: 133 simplified polygons, a few hundred kilobytes.</summary>
public sealed class Boundaries
{
    public const string Attribution = "Confini comunali: ISTAT / Openpolis (CC BY 4.0)";

    public sealed record Shape(string IstatCode, string Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);

    private readonly Dictionary<string, Shape> _shapes;

    public Boundaries()
    {
        using var stream = typeof(Boundaries).Assembly.GetManifestResourceStream("Metropoli.Territory.comuni-mi.geojson")
            ?? throw new InvalidOperationException("Seed data comuni-mi.geojson is not embedded.");
        using var doc = JsonDocument.Parse(stream);
        _shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = feature.GetProperty("properties");
            var istat = props.GetProperty("istat_code").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var rings = polygons.SelectMany(p => p.EnumerateArray())
                .Select(ring => (IReadOnlyList<(double, double)>)ring.EnumerateArray()
                    .Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToList())
                .ToList();
            _shapes[istat] = new Shape(istat, props.GetProperty("name").GetString()!, rings);
        }
    }

    public IReadOnlyCollection<Shape> All => _shapes.Values;

    public Shape? Find(string istatCode) => _shapes.GetValueOrDefault(istatCode);

    /// <summary>GeoJSON FeatureCollection of the given Comuni (all when null), with the zone of each.</summary>
    public string ToGeoJson(IEnumerable<string>? istatCodes, IReadOnlyDictionary<string, (string Code, string Name)> zones)
    {
        var selected = istatCodes is null ? _shapes.Values.OrderBy(s => s.IstatCode, StringComparer.Ordinal)
            : istatCodes.Select(Find).OfType<Shape>();
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("attribution", Attribution);
            w.WriteString("license", "CC-BY-4.0");
            w.WriteStartArray("features");
            foreach (var s in selected)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("istatCode", s.IstatCode);
                w.WriteString("name", s.Name);
                if (zones.TryGetValue(s.IstatCode, out var z))
                {
                    w.WriteString("zoneCode", z.Code);
                    w.WriteString("zoneName", z.Name);
                }
                w.WriteEndObject();
                w.WriteStartObject("geometry");
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                foreach (var ring in s.Rings)
                {
                    w.WriteStartArray();
                    foreach (var (lon, lat) in ring)
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(lon);
                        w.WriteNumberValue(lat);
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Invariant formatting for SVG coordinates.</summary>
    internal static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
