using System.Net;
using System.Text;

namespace Metropoli.Territory.Map;

/// <summary>Draws Comuni as an inline SVG, server-side: no tile server, no JavaScript, works offline.
/// An equirectangular projection scaled by cos(latitude) is exact enough at this size (about 60 km).</summary>
public static class SvgMap
{
    /// <summary>A Comune on the map: its fill, whether it is the one in focus, and an optional text added to its
    /// name in its link's accessible name and tooltip ("Rho: 45%").</summary>
    public sealed record Area(string IstatCode, string Fill, bool Highlight = false, string? Text = null);

    /// <summary>Eight fills distinguishable from each other and darker than the white borders.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#0066cc", "#008055", "#b35900", "#7a3e9d", "#a8325e", "#2f6f8f", "#6b6b00", "#5c5c5c"];

    public static string Render(Boundaries boundaries, IReadOnlyList<Area> areas, string title, string description, int width = 800)
    {
        var shapes = areas.Select(a => (Area: a, Shape: boundaries.Find(a.IstatCode))).Where(x => x.Shape is not null).ToList();
        if (shapes.Count == 0)
        {
            return "";
        }
        var points = shapes.SelectMany(s => s.Shape!.Rings.SelectMany(r => r)).ToList();
        double minLon = points.Min(p => p.Lon), maxLon = points.Max(p => p.Lon);
        double minLat = points.Min(p => p.Lat), maxLat = points.Max(p => p.Lat);
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max(1e-9, (maxLon - minLon) * k);
        var spanY = Math.Max(1e-9, maxLat - minLat);
        const double pad = 4;
        var scale = (width - 2 * pad) / spanX;
        var height = (int)Math.Ceiling(spanY * scale + 2 * pad);
        var id = "map-" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var sb = new StringBuilder();
        // Not role="img": each Comune is a link (to its page), named by its <title>; the map is a group
        // named by its own title and description. The viewBox is what the zoom controls change (map-zoom.js).
        sb.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"territory-map\" viewBox=\"0 0 {width} {height}\" data-viewbox=\"0 0 {width} {height}\" role=\"group\" aria-labelledby=\"{id}-t {id}-d\">");
        sb.Append($"<title id=\"{id}-t\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-d\">{WebUtility.HtmlEncode(description)}</desc>");
        foreach (var (area, shape) in shapes.OrderBy(s => s.Area.Highlight))
        {
            var name = area.Text is { } text ? shape!.Name + ": " + text : shape!.Name;
            sb.Append("<a href=\"/comuni/").Append(area.IstatCode).Append("\"><title>").Append(WebUtility.HtmlEncode(name)).Append("</title>");
            sb.Append("<path data-istat=\"").Append(area.IstatCode).Append("\" fill=\"").Append(area.Fill)
              .Append(area.Highlight ? "\" stroke=\"#1a1a1a\" stroke-width=\"3\"" : "\" stroke=\"#ffffff\" stroke-width=\"0.8\"")
              .Append(" d=\"");
            foreach (var ring in shape!.Rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var x = pad + (ring[i].Lon - minLon) * k * scale;
                    var y = pad + (maxLat - ring[i].Lat) * scale;
                    sb.Append(i == 0 ? 'M' : 'L').Append(Boundaries.F(x)).Append(',').Append(Boundaries.F(y));
                }
                sb.Append('Z');
            }
            sb.Append("\"></path></a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
