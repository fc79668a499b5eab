using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>One request and its answer, as a security check needs it.</summary>
public sealed record Exchange(string Who, string Method, string Url, int Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Url.Split('?')[0];

    public bool IsHtml => MediaType == "text/html";

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public override string ToString() => $"{Who} {Method} {Url} → {Status}";

    public static async Task<Exchange> ReadAsync(string who, HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(",", values);
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // Only text is kept: the checks read HTML and JSON, never a PDF or a spreadsheet.
        var body = mediaType is not null && (mediaType.StartsWith("text/") || mediaType.Contains("json"))
            ? await response.Content.ReadAsStringAsync()
            : "";
        var request = response.RequestMessage!;
        return new Exchange(who, request.Method.Method, request.RequestUri!.PathAndQuery, (int)response.StatusCode, mediaType, headers, body);
    }
}

/// <summary>A form found in a page: its method, action, enctype and inner HTML.</summary>
public sealed record HtmlForm(string PageUrl, string Method, string Action, string? Enctype, string Inner)
{
    public bool HasAntiforgeryField => AntiforgeryField.IsMatch(Inner);

    public bool HasFileInput => FileInput.IsMatch(Inner);

    /// <summary>The name of the first file input.</summary>
    public string? FileField => Inputs().FirstOrDefault(i => i.Type == "file").Name;

    /// <summary>The inputs with a name: type, name and value as the page rendered them.</summary>
    public IEnumerable<(string Type, string Name, string Value)> Inputs() =>
        InputTag.Matches(Inner).Select(m => m.Value).Select(tag => (
            (SiteCrawler.Attribute(tag, "type") ?? "text").ToLowerInvariant(),
            WebUtility.HtmlDecode(SiteCrawler.Attribute(tag, "name") ?? ""),
            WebUtility.HtmlDecode(SiteCrawler.Attribute(tag, "value") ?? "")))
        .Where(i => i.Item2.Length > 0);

    private static readonly Regex InputTag = new("""<input\b[^>]*>""", RegexOptions.IgnoreCase);

    private static readonly Regex AntiforgeryField = new(
        """<input\b(?=[^>]*\bname="__RequestVerificationToken")(?=[^>]*\btype="hidden")(?=[^>]*\bvalue="[^"]{20,})""", RegexOptions.IgnoreCase);

    private static readonly Regex FileInput = new("""<input\b[^>]*\btype="file(?=")""", RegexOptions.IgnoreCase);
}

/// <summary>Breadth-first visit, over plain HTTP, of every same-site address linked from the pages
/// (a, link, script, img, form action), a few of each shape: <c>/comuni/015182</c> and
/// <c>/comuni/015146</c> are the same template. Redirects are recorded, then followed.</summary>
public sealed partial class SiteCrawler(HttpClient client, string who)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perTemplate = new(StringComparer.Ordinal);

    /// <summary>Paths not followed: the language switch changes the session's culture.</summary>
    private static readonly string[] Skipped = ["/lingua"];

    public int MaxPerTemplate { get; init; } = 1;

    public int MaxRequests { get; init; } = 500;

    public List<Exchange> Visits { get; } = [];

    public List<HtmlForm> Forms { get; } = [];

    public async Task CrawlAsync(params IEnumerable<string> seeds)
    {
        var queue = new Queue<string>();
        foreach (var s in seeds)
        {
            Enqueue(queue, s);
        }
        while (queue.Count > 0 && Visits.Count < MaxRequests)
        {
            var url = queue.Dequeue();
            var visit = await GetAsync(url);
            if (visit.Status is >= 300 and < 400 && visit.Header("Location") is { } location)
            {
                Enqueue(queue, location);
            }
            if (!visit.IsHtml)
            {
                continue;
            }
            var html = visit.Body;
            foreach (Match m in Link().Matches(html))
            {
                Enqueue(queue, WebUtility.HtmlDecode(m.Groups[1].Value));
            }
            Forms.AddRange(FormsIn(html, url));
        }
    }

    public static IEnumerable<HtmlForm> FormsIn(string html, string pageUrl)
    {
        foreach (Match m in FormTag().Matches(html))
        {
            var attributes = m.Groups["attrs"].Value;
            var action = WebUtility.HtmlDecode(Attribute(attributes, "action") ?? pageUrl);
            yield return new HtmlForm(pageUrl, (Attribute(attributes, "method") ?? "get").ToLowerInvariant(),
                action, Attribute(attributes, "enctype"), m.Groups["inner"].Value);
        }
    }

    /// <summary>A GET that is recorded with the crawl (and not repeated by it).</summary>
    public async Task<Exchange> GetAsync(string url)
    {
        _seen.Add(url);
        var visit = await Exchange.ReadAsync(who, await client.GetAsync(url));
        Visits.Add(visit);
        return visit;
    }

    private void Enqueue(Queue<string> queue, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (client.BaseAddress is null || absolute.Authority != client.BaseAddress.Authority) return;
            url = absolute.PathAndQuery;
        }
        url = url.Split('#')[0];
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)
            || Skipped.Any(s => url == s || url.StartsWith(s + "?", StringComparison.Ordinal) || url.StartsWith(s + "/", StringComparison.Ordinal))
            || !_seen.Add(url))
        {
            return;
        }
        var template = Template(url);
        _perTemplate.TryGetValue(template, out var n);
        if (n >= MaxPerTemplate) return;
        _perTemplate[template] = n + 1;
        queue.Enqueue(url);
    }

    /// <summary>Segments with digits become {n}; only the query's parameter names count.</summary>
    public static string Template(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(s => Digit().IsMatch(s) ? "{n}" : s));
        IEnumerable<string> names = parts.Length < 2 ? [] : parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return path + "?" + string.Join('&', names);
    }

    public static string? Attribute(string attributes, string name)
    {
        var m = Regex.Match(attributes, $"""\b{name}\s*=\s*"([^"]*)(?=")""", RegexOptions.IgnoreCase);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("""<(?:a|link|script|img|form)\b[^>]*?\b(?:href|src|action)\s*=\s*"([^"]*)(?=")""", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("""<form\b(?<attrs>[^>]*)>(?<inner>.*?)</form>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digit();
}
