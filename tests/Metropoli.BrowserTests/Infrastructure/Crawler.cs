using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Metropoli.BrowserTests.Infrastructure;

public sealed record CrawledPage(string Url, string FinalUrl, int Status, List<string> Problems)
{
    public List<string> CspViolations { get; init; } = [];
}

public sealed class CrawlResult(List<CrawledPage> pages, TimeSpan elapsed)
{
    public List<CrawledPage> Pages { get; } = pages;

    public TimeSpan Elapsed { get; } = elapsed;

    public IEnumerable<CrawledPage> Failed => Pages.Where(p => p.Problems.Count > 0);

    public bool Reached(string path) =>
        Pages.Any(p => new Uri(p.FinalUrl).AbsolutePath.TrimEnd('/') == path.TrimEnd('/') && p.Status < 400);

    public string Report()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Pages.Count} page(s) in {Elapsed.TotalSeconds:0.0} s, {Failed.Count()} with problems:");
        foreach (var p in Pages)
        {
            sb.Append(p.Problems.Count == 0 ? "  ok   " : "  FAIL ").Append(p.Status).Append(' ').Append(p.Url);
            if (p.FinalUrl != p.Url)
            {
                sb.Append(" -> ").Append(p.FinalUrl);
            }
            sb.AppendLine();
            foreach (var problem in p.Problems)
            {
                sb.Append("       - ").AppendLine(problem.Replace("\n", "\n       ", StringComparison.Ordinal));
            }
            foreach (var csp in p.CspViolations)
            {
                sb.Append("       (not counted here, see the CSP test) ").AppendLine(csp);
            }
        }
        return sb.ToString();
    }
}

/// <summary>Breadth-first visit of the same-origin pages linked from a start page, checking each one.
/// Pages of the same shape (<c>/comuni/015182</c>, <c>/comuni/015146</c>) are visited a few times,
/// not 133 times: the template is what the checks are about.</summary>
public sealed partial class Crawler(IPage page, Uri origin, string expectedLanguage)
{
    private static readonly string[] SkippedPrefixes =
        ["/esci", "/api/", "/api", "/openapi", "/swagger", "/lingua", "/lib/", "/css/", "/js/", "/img/", "/status"];

    private static readonly string[] SkippedExtensions =
        [".csv", ".json", ".geojson", ".xml", ".pdf", ".zip", ".xlsx", ".xls", ".ods", ".odt", ".docx", ".txt", ".png", ".jpg", ".svg", ".ico"];

    public int MaxPages { get; init; } = 60;

    public int MaxPerTemplate { get; init; } = 2;

    /// <summary>Paths not to follow beyond the defaults (for example the login page once signed in).</summary>
    public IReadOnlyList<string> AlsoSkip { get; init; } = [];

    public async Task<CrawlResult> CrawlAsync(string startPath = "/")
    {
        var watch = new PageChecks.ConsoleWatch(page);
        var clock = Stopwatch.StartNew();
        var queue = new Queue<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<CrawledPage>();

        void Enqueue(Uri url)
        {
            var key = Key(url);
            if (!seen.Add(key))
            {
                return;
            }
            var template = Template(url);
            perTemplate.TryGetValue(template, out var n);
            if (n >= MaxPerTemplate)
            {
                return;
            }
            perTemplate[template] = n + 1;
            queue.Enqueue(url);
        }

        Enqueue(new Uri(origin, startPath));
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            watch.DrainErrors();
            watch.DrainCsp();
            var problems = new List<string>();
            int status;
            try
            {
                var response = await page.GotoAsync(url.ToString());
                status = response?.Status ?? 0;
            }
            catch (PlaywrightException e)
            {
                pages.Add(new CrawledPage(url.ToString(), url.ToString(), 0, [$"navigation failed: {e.Message.Split('\n')[0]}"]));
                continue;
            }
            var finalUrl = new Uri(page.Url);
            seen.Add(Key(finalUrl));
            if (status >= 400 || status == 0)
            {
                problems.Add($"HTTP {status}");
            }
            if (finalUrl.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority))
            {
                problems.Add($"left the site: {finalUrl}");
                pages.Add(new CrawledPage(url.ToString(), finalUrl.ToString(), status, problems));
                continue;
            }
            var contentType = await page.EvaluateAsync<string>("() => document.contentType");
            if (contentType != "text/html")
            {
                pages.Add(new CrawledPage(url.ToString(), finalUrl.ToString(), status, problems));
                continue;
            }
            problems.AddRange(await PageChecks.RunAsync(page, expectedLanguage, watch));
            pages.Add(new CrawledPage(url.ToString(), finalUrl.ToString(), status, problems) { CspViolations = watch.DrainCsp() });

            var links = await page.EvalOnSelectorAllAsync<string[]>(
                "a[href]", "els => els.filter(a => !a.hasAttribute('download')).map(a => a.href)");
            foreach (var href in links)
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var link) && Follow(origin, link))
                {
                    Enqueue(link);
                }
            }
        }
        return new CrawlResult(pages, clock.Elapsed);
    }

    private bool Follow(Uri origin, Uri link)
    {
        if (link.Scheme is not ("http" or "https") || link.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority))
        {
            return false;
        }
        var path = link.AbsolutePath;
        if (SkippedPrefixes.Any(p => path == p.TrimEnd('/') || path.StartsWith(p.EndsWith('/') ? p : p + "/", StringComparison.OrdinalIgnoreCase))
            || AlsoSkip.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        return !SkippedExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page's identity: path and query, without the fragment.</summary>
    private static string Key(Uri url) => url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);

    /// <summary>The page's shape: segments with digits become {n}, and only the query's parameter names count.</summary>
    private static string Template(Uri url)
    {
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(s => DigitRegex().IsMatch(s) ? "{n}" : s));
        var names = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', names);
    }

    [GeneratedRegex("[0-9]")]
    private static partial Regex DigitRegex();
}
