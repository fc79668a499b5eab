using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>The territory map is drawn by the server from the shipped boundaries: it must show all
/// 133 Comuni with no request leaving the machine, and pass axe with its table alternative.</summary>
[Collection(FlowCollection.Name)]
public sealed class MapTests(BrowserFixture fx)
{
    [Fact]
    public async Task Territory_map_renders_133_shapes_offline_and_passes_axe()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var offsite = new List<string>();
        page.Request += (_, r) =>
        {
            var host = new Uri(r.Url).Host;
            if (host is not ("127.0.0.1" or "localhost") && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                offsite.Add(r.Url);
            }
        };
        var watch = new PageChecks.ConsoleWatch(page);
        await page.GotoAsync("/territorio/mappa");

        Assert.Equal(133, await page.Locator("svg.territory-map path").CountAsync());
        var box = await page.Locator("svg.territory-map").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 300 }, $"The map is not drawn at a readable size ({box?.Width}x{box?.Height})");
        Assert.Contains("ISTAT / Openpolis (CC BY 4.0)", await page.Locator("main").InnerTextAsync());
        Assert.Equal(133, await page.Locator("#elenco-comuni ~ div table tbody tr, section[aria-labelledby=elenco-comuni] tbody tr").CountAsync());
        Assert.Empty(offsite);
        var problems = await PageChecks.RunAsync(page, "it", watch);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Comune_page_shows_its_boundary_among_its_zone()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/comuni/015182");
        Assert.Equal(1, await page.Locator("svg.territory-map path[data-istat='015182'][stroke-width='3']").CountAsync());
        Assert.Equal(16, await page.Locator("svg.territory-map path").CountAsync()); // Nord Ovest
    }
}
