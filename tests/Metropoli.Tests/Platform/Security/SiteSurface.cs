using System.Text.Json;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>An operation of the OpenAPI document.</summary>
public sealed record ApiOperation(string Method, string Template, IReadOnlyList<string> ContentTypes, bool Anonymous)
{
    public bool Multipart => ContentTypes.Contains("multipart/form-data");

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>The app's surface as the security checks see it: the endpoint list, the OpenAPI document and
/// a crawl of the pages by an anonymous visitor and by staff accounts. Each check takes its subjects
/// from here, so a new page, handler or operation is checked without being named in a test.</summary>
public sealed class SiteSurface
{
    public static readonly string[] Staff = [Demo.Admin, Demo.Sector];

    public required List<Exchange> Exchanges { get; init; }
    public required List<HtmlForm> Forms { get; init; }
    public required IReadOnlyList<ApiOperation> Operations { get; init; }
    public required IReadOnlyList<string> PageRoutes { get; init; }
    public required IReadOnlyList<string> UncoveredPageRoutes { get; init; }
    public required IReadOnlyList<string> UncoveredApiGets { get; init; }

    public static async Task<IReadOnlyList<ApiOperation>> OperationsAsync(MetropoliApp app)
    {
        var doc = await app.Anonymous().GetJson("/openapi/v1.json");
        var operations = new List<ApiOperation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var types = op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(c => c.Name).ToList()
                    : [];
                var anonymous = op.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, types, anonymous));
            }
        }
        return operations;
    }

    /// <summary>The route with its parameters taken from a visited path whose literal segments agree up to the
    /// last parameter; null when they do not.</summary>
    public static string? Borrow(string route, string path)
    {
        var r = EndpointList.Segments(route);
        var p = EndpointList.Segments(path);
        var last = Array.FindLastIndex(r, s => EndpointList.Parameter().IsMatch(s));
        if (last < 0 || p.Length <= last) return null;
        var result = new string[r.Length];
        for (var i = 0; i < r.Length; i++)
        {
            var isParameter = EndpointList.Parameter().IsMatch(r[i]);
            if (i <= last && !isParameter && !r[i].Equals(p[i], StringComparison.OrdinalIgnoreCase)) return null;
            result[i] = isParameter ? p[i] : r[i];
        }
        var borrowed = "/" + string.Join('/', result);
        return EndpointList.Matches(route, borrowed) ? borrowed : null;
    }

    public static async Task<SiteSurface> BuildAsync(MetropoliApp app)
    {
        var endpoints = EndpointList.All(app);
        // A page endpoint takes every method; each has a GET handler (or the implicit one).
        var pageRoutes = endpoints.Where(EndpointList.IsPage)
            .Select(EndpointList.Route).Distinct().Order(StringComparer.Ordinal).ToList();
        // Non-API GET endpoints (exports, the language switch) are crawled like pages.
        var otherGets = endpoints.Where(e => !EndpointList.IsPage(e) && EndpointList.Methods(e).Contains("GET")
                && !EndpointList.Route(e).StartsWith("/api", StringComparison.Ordinal))
            .Select(EndpointList.Route).Where(r => EndpointList.Parameters(r).Count == 0).Distinct().ToList();
        var seeds = pageRoutes.Where(r => EndpointList.Parameters(r).Count == 0).Prepend("/").Concat(otherGets).Distinct().ToList();

        // What the demo seed lacks, so that its pages have a real identifier to show.
        await (await app.As(Demo.Admin)).PostAsync("/api/v1/associations", Http.JsonBody(new
        {
            name = "Unione di prova", kind = "unione", validFrom = "2015-01-01", functions = new[] { "Polizia locale" },
            act = "Atto costitutivo", members = new[] { new { istatCode = Demo.Rho, validFrom = "2015-01-01" } },
        }));

        var exchanges = new List<Exchange>();
        var forms = new List<HtmlForm>();
        SiteCrawler? adminCrawler = null;
        async Task Crawl(string who, HttpClient client)
        {
            // The administrator sees every page: two visits per shape there, so that a page linked only from
            // some records (an agreement's obligations) is found whichever records come first.
            var crawler = new SiteCrawler(client, who) { MaxPerTemplate = who == Demo.Admin ? 2 : 1 };
            await crawler.CrawlAsync(seeds);
            exchanges.AddRange(crawler.Visits);
            forms.AddRange(crawler.Forms);
            if (who == Demo.Admin) adminCrawler = crawler;
        }
        await Crawl("anonymous", app.Anonymous());
        foreach (var email in Staff)
        {
            await Crawl(email, await app.SignedIn(email));
        }

        // A page no followed link reached (one visit per shape may miss the plan that shows the link):
        // its parameters are taken from visited addresses of the same family, e.g. /piano/3/campagne/nuova
        // from /piano/3/cruscotto.
        bool Covered(string route) => exchanges.Any(x => x.Status != 404 && EndpointList.Matches(route, x.Path));
        foreach (var route in pageRoutes.Where(r => EndpointList.Parameters(r).Count > 0 && !Covered(r)))
        {
            foreach (var candidate in exchanges.Select(x => Borrow(route, x.Path)).OfType<string>().Distinct().Take(6))
            {
                var visit = await adminCrawler!.GetAsync(candidate);
                exchanges.Add(visit);
                if (visit.Status < 400) break;
            }
        }
        var uncoveredPages = pageRoutes.Where(r => !Covered(r)).ToList();

        // Every GET of the OpenAPI document, with real identifiers taken from the collections above it.
        var operations = await OperationsAsync(app);
        var admin = app.WithToken(await app.TokenFor(Demo.Admin));
        var filler = new ApiUrlFiller(admin);
        var uncoveredApi = new List<string>();
        foreach (var op in operations.Where(o => o.Method == "GET"))
        {
            var url = await filler.FillAsync(op.Template);
            if (url is null)
            {
                // No collection lists these: asked with a placeholder (a 404 still carries the headers).
                uncoveredApi.Add(op.Template);
                url = EndpointList.Placeholders(op.Template);
            }
            exchanges.Add(await Exchange.ReadAsync(Demo.Admin, await admin.GetAsync(url)));
            exchanges.Add(await Exchange.ReadAsync("anonymous", await app.Anonymous().GetAsync(url)));
        }
        return new SiteSurface
        {
            Exchanges = exchanges, Forms = forms, Operations = operations, PageRoutes = pageRoutes,
            UncoveredPageRoutes = uncoveredPages, UncoveredApiGets = uncoveredApi,
        };
    }
}

/// <summary>Turns <c>/api/v1/plans/{id}/areas</c> into <c>/api/v1/plans/1/areas</c>: the value of each
/// parameter is read from the first item of the collection the template hangs from
/// (<c>GET /api/v1/plans</c>), the property named like the parameter, else <c>id</c>.</summary>
public sealed class ApiUrlFiller(HttpClient client)
{
    private readonly Dictionary<string, JsonElement?> _collections = new(StringComparer.Ordinal);

    public async Task<string?> FillAsync(string template)
    {
        var segments = EndpointList.Segments(template);
        var filled = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var m = EndpointList.Parameter().Match(segments[i]);
            if (!m.Success)
            {
                filled.Add(segments[i]);
                continue;
            }
            var collection = "/" + string.Join('/', filled);
            var item = await FirstItemAsync(collection);
            var value = item is { } it ? Value(it, m.Groups["n"].Value) : null;
            if (value is null) return null;
            filled.Add(Uri.EscapeDataString(value));
        }
        return "/" + string.Join('/', filled);
    }

    private async Task<JsonElement?> FirstItemAsync(string collection)
    {
        if (_collections.TryGetValue(collection, out var cached)) return cached;
        JsonElement? item = null;
        var response = await client.GetAsync(collection);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var items = body.ValueKind == JsonValueKind.Array ? body
                : body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var i) ? i : default;
            if (items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0) item = items[0];
        }
        _collections[collection] = item;
        return item;
    }

    private static string? Value(JsonElement item, string name)
    {
        foreach (var candidate in new[] { name, "id", "code" })
        {
            var p = item.EnumerateObject().FirstOrDefault(p => p.Name.Equals(candidate, StringComparison.OrdinalIgnoreCase));
            if (p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String) return p.Value.ToString();
        }
        return null;
    }
}

/// <summary>One app and one crawl shared by the checks that read the crawled surface.</summary>
public sealed class SiteSurfaceFixture : AppFixture
{
    private Task<SiteSurface>? _surface;

    /// <summary>Uploaded files of this app alone, so that "nothing was stored" can be counted.</summary>
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "metropoli-sec-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:DataFolder"] = DataFolder };

    public int StoredFiles => Directory.Exists(DataFolder)
        ? Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".db") && !f.Contains(".db-"))
        : 0;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, true);
    }

    public Task<SiteSurface> Surface => _surface ??= SiteSurface.BuildAsync(App);
}

[CollectionDefinition(Name)]
public sealed class SiteSurfaceCollection : ICollectionFixture<SiteSurfaceFixture>
{
    public const string Name = "site surface";
}
