using System.Text;
using Metropoli.BrowserTests.Infrastructure;

namespace Metropoli.BrowserTests;

/// <summary>No page is wider than the screen (issue 19): the first page of every crawl (each visitor's header) and
/// each page shape once per language, whichever crawl meets it first, are measured in place at 1280, 1366, 1920 and 390 px
/// (<see cref="CrawlSet.ViewportWidths"/>): <c>document.documentElement.scrollWidth</c> may not exceed the viewport.
/// The crawls already load the pages; this test only reads what they measured.</summary>
[Collection(CrawlCollection.Name)]
public sealed class ViewportWidthTests(BrowserFixture fx, ITestOutputHelper output)
{
    [Fact]
    public async Task No_page_of_any_crawl_is_wider_than_the_viewport_at_any_width()
    {
        var crawls = await fx.Crawls.AllAsync();
        var report = new StringBuilder();
        var measured = 0;
        foreach (var (visitor, language, result) in crawls)
        {
            var pages = result.Pages.Where(p => p.WidthsMeasured.Count > 0).ToList();
            measured += pages.Count;
            report.AppendLine($"{visitor} {language}: {pages.Count} page(s) measured at {string.Join(", ", CrawlSet.ViewportWidths)} px");
            // Every crawl measures at least its first page (the home page, with this visitor's header).
            Assert.True(pages.Count > 0, $"The crawl {visitor} {language} measured no page.");
            Assert.Equal(CrawlSet.ViewportWidths, pages[0].WidthsMeasured);
            foreach (var p in pages.Where(p => p.Overflows.Count > 0))
            {
                report.Append("  TOO WIDE ").AppendLine(p.FinalUrl);
                foreach (var o in p.Overflows)
                {
                    report.Append("    - ").AppendLine(o);
                }
            }
        }
        var spent = crawls.SelectMany(c => c.Result.Pages).Aggregate(TimeSpan.Zero, (t, p) => t + p.WidthTime);
        output.WriteLine($"{measured} page(s) measured in {crawls.Count} crawls, {spent.TotalSeconds:0.0} s of crawl time spent measuring "
            + $"(summed over the crawls, {CrawlSet.Parallel} of which run at once)");
        output.WriteLine(report.ToString());
        var wide = crawls.SelectMany(c => c.Result.Pages).Count(p => p.Overflows.Count > 0);
        Assert.True(wide == 0, $"{wide} page(s) wider than the viewport:{Environment.NewLine}{report}");
    }
}
