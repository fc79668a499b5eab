using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>Writes the README's screenshots (docs/screenshots/, first screen, Italian) on every run, so they show the
/// pages as they are: home, the plan office's desk, the dashboard of the plan in force, a Comune, an indicator and an
/// agreement, at 1366 px and at 390 px. Each page must also fit its width.</summary>
[Collection(FlowCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fx, ITestOutputHelper output)
{
    public static readonly int[] Widths = [1366, 390];

    private static string Folder => Path.Combine(RepoPaths.Root, "docs", "screenshots");

    [Fact]
    public async Task The_screenshots_of_the_main_pages_are_written_at_desktop_and_phone_widths()
    {
        Directory.CreateDirectory(Folder);
        await using var visitor = await fx.NewContextAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/intese");
        var agreement = await FirstLinkAsync(page, "main a[href^='/intese/']", @"^/intese/\d+$");
        await page.GotoAsync("/piano/cruscotto");
        Assert.Matches(@"/piano/\d+/cruscotto$", new Uri(page.Url).AbsolutePath);
        var dashboard = new Uri(page.Url).AbsolutePath;
        var indicator = await FirstLinkAsync(page, "main a[href^='/piano/indicatori/']", @"^/piano/indicatori/\d+$");

        var shots = new List<(IPage Page, string Name, string Path)>
        {
            (page, "home", "/"), (page, "dashboard", dashboard), (page, "comune", "/comuni/015182"),
            (page, "indicator", indicator), (page, "agreement", agreement),
        };
        await using var office = await fx.NewContextAsync();
        var desk = await office.NewPageAsync();
        await Session.LogInAsync(desk, "piano@metropoli.example");
        shots.Insert(1, (desk, "desk", "/scrivania"));

        foreach (var (p, name, path) in shots)
        {
            foreach (var width in Widths)
            {
                await p.SetViewportSizeAsync(width, width > 600 ? 900 : 844);
                var response = await p.GotoAsync(path);
                Assert.True(response is { Status: < 400 }, $"{path}: {response?.Status}");
                await p.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var scrollWidth = await p.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide at {width} px");
                var file = Path.Combine(Folder, $"{name}-{width}.png");
                await p.ScreenshotAsync(new() { Path = file, FullPage = false });
                var size = new FileInfo(file).Length;
                output.WriteLine($"{file}: {size / 1024} kB ({path})");
                Assert.True(size > 5_000, $"{file} is almost empty ({size} bytes)");
            }
        }
    }

    private static async Task<string> FirstLinkAsync(IPage page, string selector, string pattern)
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(selector, "els => els.map(a => a.getAttribute('href'))");
        var href = hrefs.FirstOrDefault(h => System.Text.RegularExpressions.Regex.IsMatch(h, pattern));
        Assert.True(href is not null, $"No link matching {pattern} on {page.Url}");
        return href!;
    }
}
