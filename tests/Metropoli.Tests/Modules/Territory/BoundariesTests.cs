using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory.Map;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>The shipped boundaries, as GeoJSON through the API and as the server-drawn SVG map.</summary>
public sealed class BoundariesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Boundaries_api_returns_133_polygons_with_zone_and_attribution()
    {
        using var response = await fx.App.Anonymous().GetAsync("/api/v1/municipalities/boundaries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Contains("Openpolis", root.GetProperty("attribution").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(133, features.Count);
        Assert.Equal(133, features.Select(f => f.GetProperty("properties").GetProperty("istatCode").GetString()).Distinct().Count());
        var milano = features.Single(f => f.GetProperty("properties").GetProperty("istatCode").GetString() == Demo.Milano);
        Assert.Equal("milano", milano.GetProperty("properties").GetProperty("zoneCode").GetString());
        var ring = milano.GetProperty("geometry").GetProperty("coordinates")[0];
        Assert.True(ring.GetArrayLength() > 10);
        var (lon, lat) = (ring[0][0].GetDouble(), ring[0][1].GetDouble());
        Assert.InRange(lon, 8.9, 9.4); // WGS84 around Milano
        Assert.InRange(lat, 45.3, 45.6);
    }

    [Fact]
    public async Task One_boundary_by_istat_code_and_404_problem_for_an_unknown_code()
    {
        using var ok = await fx.App.Anonymous().GetAsync($"/api/v1/municipalities/{Demo.Rho}/boundary");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var doc = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray());

        using var missing = await fx.App.Anonymous().GetAsync("/api/v1/municipalities/999999/boundary");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Map_page_draws_every_comune_and_lists_them_as_text()
    {
        var html = await fx.App.Anonymous().GetStringAsync("/territorio/mappa");
        Assert.Equal(133, CountOf(html, "<path data-istat="));
        // A group, not an image: each Comune is a link to its page (ADR 0037).
        Assert.Contains("class=\"territory-map\" viewBox=", html);
        Assert.Contains("role=\"group\"", html);
        Assert.Contains("Confini comunali: ISTAT / Openpolis (CC BY 4.0)", html);
        Assert.Equal(133, CountOf(html.Split("elenco-comuni")[^1], "<th scope=\"row\">"));
    }

    [Fact]
    public void Svg_map_projects_inside_its_view_box()
    {
        var boundaries = new Boundaries();
        var svg = SvgMap.Render(boundaries, boundaries.All.Select(s => new SvgMap.Area(s.IstatCode, "#000")).ToList(), "t", "d", width: 400);
        var numbers = System.Text.RegularExpressions.Regex.Matches(svg, @"[ML](-?[\d.]+),(-?[\d.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, p => Assert.InRange(p.X, 0, 400));
        Assert.True(numbers.Max(p => p.X) > 390, "The map should use the full width");
        Assert.True(numbers.Min(p => p.Y) >= 0);
    }

    private static int CountOf(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
