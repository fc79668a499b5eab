using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Metropoli.BrowserTests.Infrastructure;

public sealed record CrawledPage(string Url, string FinalUrl, int Status, List<string> Problems)
{
    public List<string> CspViolations { get; init; } = [];

    /// <summary>The Razor Page route of the final URL (<c>/intese/{id:long}</c>), null for other content.</summary>
    public string? Route { get; init; }

    /// <summary>Null for a page reached by a link; otherwise the form state checked ("filters", "empty form").</summary>
    public string? FormState { get; init; }

    /// <summary>Whether axe ran here: once per page shape (route and query names) in a crawl, the other
    /// instances of the shape get the other checks only.</summary>
    public bool Axed { get; init; }

    /// <summary>A new shape in this crawl whose two parts axe had already checked elsewhere (<see cref="AxeParts"/>).</summary>
    public bool AxeReused { get; init; }

    /// <summary>The viewport widths this page was measured at (<see cref="Crawler.ViewportWidths"/>); empty when it was not.</summary>
    public IReadOnlyList<int> WidthsMeasured { get; init; } = [];

    /// <summary>The widths at which the page was wider than the viewport (a horizontal scroll), with the elements
    /// that stick out. Kept apart from <see cref="Problems"/>: one test asserts them (ViewportWidthTests).</summary>
    public List<string> Overflows { get; init; } = [];

    /// <summary>The time the measuring took (the resizes and the reads), to keep its cost in sight.</summary>
    public TimeSpan WidthTime { get; init; }

    /// <summary>A further instance of a shape, fetched for its links and status only (<see cref="Crawler.LinkSamplesPerTemplate"/>).</summary>
    public bool LinksOnly { get; init; }

    /// <summary>A page the signed-in user really opened (not an error, the login page or "access denied").</summary>
    public bool Opened => Status is > 0 and < 400 && Route is not null && Route != "/accesso-negato"
        && !Route.StartsWith("/errore", StringComparison.Ordinal);
}

public sealed class CrawlResult(List<CrawledPage> pages, TimeSpan elapsed)
{
    public List<CrawledPage> Pages { get; } = pages;

    public TimeSpan Elapsed { get; } = elapsed;

    public IEnumerable<CrawledPage> Failed => Pages.Where(p => p.Problems.Count > 0);

    public int AxeRuns => Pages.Count(p => p.Axed);

    public int AxeReused => Pages.Count(p => p.AxeReused);

    public bool Reached(string path) =>
        Pages.Any(p => new Uri(p.FinalUrl).AbsolutePath.TrimEnd('/') == path.TrimEnd('/') && p.Status < 400);

    /// <summary>The page routes opened by following links (form states not counted).</summary>
    public IEnumerable<string> RoutesOpened => Pages.Where(p => p.Opened && p.FormState is null).Select(p => p.Route!).Distinct();

    public string Report()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Pages.Count} page(s), {AxeRuns} axe run(s) (marked *), {AxeReused} made of parts already checked (marked +), in {Elapsed.TotalSeconds:0.0} s, {Failed.Count()} with problems:");
        foreach (var p in Pages)
        {
            sb.Append(p.Problems.Count == 0 ? "  ok   " : "  FAIL ").Append(p.Axed ? '*' : p.AxeReused ? '+' : ' ').Append(p.Status).Append(' ').Append(p.Url);
            if (p.FormState is not null)
            {
                sb.Append(" [").Append(p.FormState).Append(']');
            }
            if (p.LinksOnly)
            {
                sb.Append(" [links only]");
            }
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
/// Pages of the same shape (<c>/comuni/015182</c>, <c>/comuni/015146</c>: one Razor Page route and the
/// same query parameter names) are visited <see cref="MaxPerTemplate"/> times (once by default), not 133
/// times: the template is what the checks are about. Axe, the costly check, runs once per route and
/// query names other than a list's order and slice; those list views are loaded and get the other checks.
/// The links a page offers depend on its record (an approved plan's dashboard links to a new campaign, a
/// draft's does not), so <see cref="LinkSamplesPerTemplate"/> further instances of a shape are read for their
/// links (and status) only. With <see cref="FormStates"/>, the first page of each route that has a filter form is also checked
/// with the filters applied, and the first with a form of required fields is also checked after
/// submitting it empty (the page re-rendered with its error messages).</summary>
public sealed partial class Crawler(IPage page, Uri origin, string expectedLanguage)
{
    private static readonly string[] SkippedPrefixes =
        ["/esci", "/api/", "/api", "/openapi", "/swagger", "/lingua", "/lib/", "/css/", "/js/", "/img/", "/status",
            "/accedi/identita-digitale"]; // leads to the identity proxy: DigitalIdentityFlowTests walks it

    private static readonly string[] SkippedExtensions =
        [".csv", ".json", ".geojson", ".xml", ".rdf", ".ttl", ".jsonld", ".pdf", ".zip", ".xlsx", ".xls", ".ods", ".odt", ".docx", ".txt", ".png", ".jpg", ".svg", ".ico"];

    public int MaxPages { get; init; } = 60;

    public int MaxPerTemplate { get; init; } = 1;

    /// <summary>Instances of a shape past <see cref="MaxPerTemplate"/> fetched over HTTP with the crawl's cookies,
    /// for their status and their links: not rendered, so no browser work and no checks of the page itself.</summary>
    public int LinkSamplesPerTemplate { get; init; } = 1;

    /// <summary>Paths not to follow beyond the defaults (for example the login page once signed in).</summary>
    public IReadOnlyList<string> AlsoSkip { get; init; } = [];

    /// <summary>Form states already checked, shared by the crawls of one app (key: language, route,
    /// state), so each one is checked once per language whichever role meets it first. Null: no form states.</summary>
    public FormStateRegistry? FormStates { get; init; }

    /// <summary>Page parts axe has already checked, shared by the crawls of one app. Null: axe once per shape in this crawl.</summary>
    public AxeParts? AxeParts { get; init; }

    /// <summary>Viewport widths at which each page axe checks is also measured, resizing the loaded page in place
    /// (no new request): the document must not be wider than the viewport. The first should be the context's own
    /// width (measured without a resize); the viewport is put back afterwards. Empty: no measuring.</summary>
    public IReadOnlyList<int> ViewportWidths { get; init; } = [];

    /// <summary>The page shapes already measured, shared by the crawls of one app. Null: each shape once per crawl.</summary>
    public FormStateRegistry? WidthClaims { get; init; }

    public async Task<CrawlResult> CrawlAsync(string startPath = "/")
    {
        var watch = new PageChecks.ConsoleWatch(page);
        var clock = Stopwatch.StartNew();
        var queue = new Queue<(Uri Url, bool LinksOnly)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var axed = new HashSet<string>(StringComparer.Ordinal);
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
            if (n >= MaxPerTemplate + LinkSamplesPerTemplate)
            {
                return;
            }
            perTemplate[template] = n + 1;
            queue.Enqueue((url, n >= MaxPerTemplate));
        }

        Enqueue(new Uri(origin, startPath));
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var (url, linksOnly) = queue.Dequeue();
            if (linksOnly)
            {
                pages.Add(await ReadLinksAsync(url, Enqueue, seen));
                continue;
            }
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
            var route = PageRoutes.TemplateOf(finalUrl.AbsolutePath);
            var contentType = await page.EvaluateAsync<string>("() => document.contentType");
            if (contentType != "text/html")
            {
                pages.Add(new CrawledPage(url.ToString(), finalUrl.ToString(), status, problems));
                continue;
            }
            var newShape = axed.Add(Template(finalUrl, ListViewParameters));
            var runAxe = newShape;
            if (newShape && AxeParts is not null && await AxeParts.ReadAsync(page) is { } parts && !AxeParts.Claim(expectedLanguage, parts))
            {
                // Both parts already checked by axe (in this or another crawl): the checks spanning the two instead.
                runAxe = false;
                problems.AddRange(await AxeParts.SpanningChecksAsync(page));
            }
            problems.AddRange(await PageChecks.RunAsync(page, expectedLanguage, watch, runAxe));
            // Measured: the first page of each crawl (this visitor's header, in this language), then each page shape
            // once per language across the crawls (WidthClaims), whichever role meets it first: a few resizes each.
            var measure = status < 400 && ViewportWidths.Count > 0
                && (pages.Count == 0 || (newShape && (WidthClaims?.TryClaim(expectedLanguage, Template(finalUrl, ListViewParameters), "widths") ?? true)));
            var widthClock = Stopwatch.StartNew();
            var overflows = measure ? await MeasureWidthsAsync() : [];
            widthClock.Stop();
            pages.Add(new CrawledPage(url.ToString(), finalUrl.ToString(), status, problems)
            {
                CspViolations = watch.DrainCsp(),
                Route = route,
                Axed = runAxe,
                AxeReused = newShape && !runAxe,
                WidthsMeasured = measure ? ViewportWidths : [],
                Overflows = overflows,
                WidthTime = measure ? widthClock.Elapsed : TimeSpan.Zero,
            });

            var links = await page.EvalOnSelectorAllAsync<string[]>(
                "a[href]", "els => els.filter(a => !a.hasAttribute('download'))"
                // An SVG link (a Comune on a map) has an SVGAnimatedString href: resolve its attribute like an HTML one.
                + ".map(a => typeof a.href === 'string' ? a.href : new URL(a.getAttribute('href'), document.baseURI).href)");
            foreach (var href in links)
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var link) && Follow(origin, link))
                {
                    Enqueue(link);
                }
            }

            if (FormStates is not null && route is not null && status < 400)
            {
                await CheckFormStatesAsync(route, finalUrl, watch, pages);
            }
        }
        return new CrawlResult(pages, clock.Elapsed);
    }

    /// <summary>The page at each of <see cref="ViewportWidths"/>: <c>document.documentElement.scrollWidth</c> against the
    /// viewport, and, when wider, the elements that stick out while their parent does not (where the overflow starts).</summary>
    private async Task<List<string>> MeasureWidthsAsync()
    {
        var found = new List<string>();
        var original = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 900 };
        try
        {
            foreach (var width in ViewportWidths)
            {
                if (page.ViewportSize?.Width != width)
                {
                    await page.SetViewportSizeAsync(width, original.Height);
                }
                var wider = await page.EvaluateAsync<string?>(
                    """
                    () => {
                      const vw = window.innerWidth, sw = document.documentElement.scrollWidth;
                      if (sw <= vw) return null;
                      const out = [...document.body.querySelectorAll('*')].filter(e => {
                        const r = e.getBoundingClientRect();
                        if (r.width === 0 || r.right <= vw + 1) return false;
                        const p = e.parentElement?.getBoundingClientRect();
                        return !p || p.right <= vw + 1;
                      }).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '')
                        + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');
                      return sw + ' px wide: ' + (out.join(', ') || 'no single element found');
                    }
                    """);
                if (wider is not null)
                {
                    found.Add($"at {width} px the page is {wider}");
                }
            }
        }
        finally
        {
            if (page.ViewportSize?.Width != original.Width)
            {
                await page.SetViewportSizeAsync(original.Width, original.Height);
            }
        }
        return found;
    }

    /// <summary>A further instance of a shape: its status, where it ended, and its links (as the browser reads
    /// them: anchors with an href and without a download attribute, resolved against the page's address).</summary>
    private async Task<CrawledPage> ReadLinksAsync(Uri url, Action<Uri> enqueue, HashSet<string> seen)
    {
        IAPIResponse response;
        try
        {
            response = await page.Context.APIRequest.GetAsync(url.ToString());
        }
        catch (PlaywrightException e)
        {
            return new CrawledPage(url.ToString(), url.ToString(), 0, [$"request failed: {e.Message.Split('\n')[0]}"]) { LinksOnly = true };
        }
        await using (response)
        {
            var finalUrl = new Uri(response.Url);
            seen.Add(Key(finalUrl));
            var problems = new List<string>();
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}");
            }
            if (finalUrl.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority))
            {
                problems.Add($"left the site: {finalUrl}");
            }
            else if (response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal))
            {
                foreach (Match anchor in AnchorRegex().Matches(await response.TextAsync()))
                {
                    var href = HrefRegex().Match(anchor.Value);
                    if (href.Success && !DownloadRegex().IsMatch(anchor.Value)
                        && Uri.TryCreate(finalUrl, System.Net.WebUtility.HtmlDecode(href.Groups[1].Value), out var link) && Follow(origin, link))
                    {
                        enqueue(link);
                    }
                }
            }
            return new CrawledPage(url.ToString(), finalUrl.ToString(), response.Status, problems)
            {
                Route = PageRoutes.TemplateOf(finalUrl.AbsolutePath),
                LinksOnly = true,
            };
        }
    }

    [GeneratedRegex(@"<a\s[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex(@"\shref=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex HrefRegex();

    [GeneratedRegex(@"\sdownload(\s|=|>|/)", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadRegex();

    private const string FiltersState = "filters applied";
    private const string EmptyState = "submitted empty";

    /// <summary>Marks the page's main GET form (filters) or the main POST form with required fields,
    /// returns which: "get", "post" or null.</summary>
    private Task<string?> MarkFormAsync(string kind) =>
        page.EvaluateAsync<string?>(
            """
            (kind) => {
              const main = document.querySelector('main') ?? document.body;
              const forms = [...main.querySelectorAll('form')].filter(f => {
                const action = f.getAttribute('action') ?? '';
                return !/\/(esci|lingua)(\?|$)/.test(action);
              });
              const required = f => [...f.querySelectorAll('input, textarea, select')].filter(el =>
                (el.required || el.getAttribute('aria-required') === 'true' || el.hasAttribute('data-val-required'))
                && el.type !== 'hidden' && !el.disabled && !el.readOnly && el.type !== 'checkbox' && el.type !== 'radio' && el.type !== 'file');
              let form = null;
              if (kind === 'get') {
                form = forms.find(f => (f.getAttribute('method') ?? 'get').toLowerCase() === 'get'
                  && f.querySelector('select, input:not([type=hidden])'));
              } else {
                form = forms.filter(f => (f.getAttribute('method') ?? '').toLowerCase() === 'post' && required(f).length > 0)
                  .sort((a, b) => required(b).length - required(a).length)[0];
              }
              if (!form) return null;
              if (kind === 'get') {
                // A filter with a value: the first real option of each list (a list with data, not the default view).
                for (const s of form.querySelectorAll('select')) {
                  const option = [...s.options].find(o => o.value !== '' && !o.selected);
                  if (option && !s.multiple) s.value = option.value;
                }
              } else {
                // The server's validation is what is checked: the browser's own must not stop the submission.
                form.noValidate = true;
                for (const el of required(form)) {
                  if (el.tagName === 'SELECT') {
                    if ([...el.options].some(o => o.value === '')) el.value = '';
                  } else {
                    el.value = '';
                  }
                }
              }
              form.setAttribute('data-crawl-form', kind);
              return kind;
            }
            """, kind);

    private async Task CheckFormStatesAsync(string route, Uri pageUrl, PageChecks.ConsoleWatch watch, List<CrawledPage> pages)
    {
        foreach (var (kind, state) in new[] { ("get", FiltersState), ("post", EmptyState) })
        {
            if (pages.Count >= MaxPages || !FormStates!.Has(expectedLanguage, route, state))
            {
                continue;
            }
            if (new Uri(page.Url) != pageUrl)
            {
                await page.GotoAsync(pageUrl.ToString());
            }
            if (await MarkFormAsync(kind) is null || !FormStates.TryClaim(expectedLanguage, route, state))
            {
                continue;
            }
            watch.DrainErrors();
            var problems = new List<string>();
            int status;
            try
            {
                status = await page.RunAndWaitForPageAsync(
                    () => page.EvalOnSelectorAsync($"form[data-crawl-form={kind}]", "f => f.requestSubmit()"));
            }
            catch (TimeoutException first)
            {
                // A page that did not finish loading within 30 s on a loaded 2-core machine: once more from the form's
                // page; a second stall fails the crawl naming the route, so a real hang is still reported.
                try
                {
                    await page.GotoAsync(pageUrl.ToString());
                    if (await MarkFormAsync(kind) is null)
                    {
                        continue;
                    }
                    status = await page.RunAndWaitForPageAsync(
                        () => page.EvalOnSelectorAsync($"form[data-crawl-form={kind}]", "f => f.requestSubmit()"));
                }
                catch (TimeoutException second)
                {
                    throw new TimeoutException($"The {kind} form of {pageUrl.PathAndQuery} ({route}) did not load after submission twice: {first.Message} / {second.Message}", second);
                }
            }
            var after = new Uri(page.Url);
            if (status >= 500 || status == 0)
            {
                problems.Add($"HTTP {status} after the form was submitted");
            }
            if (kind == "post")
            {
                // Empty required fields must bring the form back with messages, not be accepted.
                var shown = await page.EvaluateAsync<int>(
                    """
                    () => [...document.querySelectorAll('main .field-error, main .invalid-feedback, main .field-validation-error, main .validation-summary-errors li, main .alert-danger, main [role=alert]')]
                      .filter(e => e.textContent.trim().length > 0 && e.getClientRects().length > 0).length
                    """);
                if (shown == 0)
                {
                    problems.Add($"a form with required fields submitted empty shows no error message (now at {after.PathAndQuery}, HTTP {status})");
                }
            }
            problems.AddRange(await PageChecks.RunAsync(page, expectedLanguage, watch));
            pages.Add(new CrawledPage(pageUrl.ToString(), after.ToString(), status, problems)
            {
                CspViolations = watch.DrainCsp(),
                Route = PageRoutes.TemplateOf(after.AbsolutePath),
                FormState = state,
                Axed = true,
            });
        }
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

    /// <summary>The list's order and slice (<c>Pager.SortUrl</c>, <c>Pager.PageUrl</c>): the same template
    /// with other rows, so no new axe run (the page is still loaded and checked otherwise).</summary>
    private static readonly HashSet<string> ListViewParameters = new(["sort", "offset", "limit"], StringComparer.Ordinal);

    /// <summary>The page's shape: its Razor Page route (or, for other content, the path with digit
    /// segments as {n}), and only the query's parameter names, less those ignored.</summary>
    private static string Template(Uri url, IReadOnlySet<string>? ignored = null)
    {
        var path = PageRoutes.TemplateOf(url.AbsolutePath)
            ?? string.Join('/', url.AbsolutePath.Split('/').Select(s => DigitRegex().IsMatch(s) ? "{n}" : s));
        var names = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=')[0]).Where(n => ignored is null || !ignored.Contains(n)).Distinct().Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', names);
    }

    [GeneratedRegex("[0-9]")]
    private static partial Regex DigitRegex();
}

/// <summary>Which form states have been checked, across the crawls of one app.</summary>
public sealed class FormStateRegistry
{
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <summary>True while the state is still to be checked.</summary>
    public bool Has(string language, string route, string state)
    {
        lock (_claimed)
        {
            return !_claimed.Contains($"{language} {route} {state}");
        }
    }

    public bool TryClaim(string language, string route, string state)
    {
        lock (_claimed)
        {
            return _claimed.Add($"{language} {route} {state}");
        }
    }
}
