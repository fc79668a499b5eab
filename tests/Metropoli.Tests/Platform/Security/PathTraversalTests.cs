using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Kestrel on a real port: the request-target reaches the server byte for byte, as an attacker
/// sends it (an in-process client would clean up the dots first).</summary>
public sealed class RawHttpFixture : AppFixture
{
    protected override bool UseKestrel => true;
}

/// <summary>ASVS 5.3.2: traversal in every path parameter of every GET (API operations with real
/// identifiers, exports, pages, downloads of evidence and documents), in every string query parameter of
/// the API, and under every static folder: the answer is 400/404 (a query may also answer an empty
/// 2xx list), never 5xx, and never the content of a file outside the store.</summary>
public sealed partial class PathTraversalTests(RawHttpFixture fx, ITestOutputHelper output) : IClassFixture<RawHttpFixture>
{
    public static readonly string[] Payloads =
    [
        "../../appsettings.json", "..%2f..%2fappsettings.json", "%2e%2e%2f%2e%2e%2fappsettings.json", "..%252f..%252fappsettings.json",
        "..\\..\\appsettings.json", "..%5c..%5cappsettings.json", "/etc/passwd", "%2fetc%2fpasswd", "C:%5cWindows%5cwin.ini",
        "....//....//etc/passwd", "evidenza.pdf%00.png", "%00",
    ];

    /// <summary>What the server's own files and the system's look like.</summary>
    [GeneratedRegex(@"root:x:0:0|""ConnectionStrings?""|""Logging""\s*:|WebApplication\.CreateBuilder|<Project Sdk|SQLite format 3|\[fonts\]|\bpublic (sealed |static )?class\b")]
    private static partial Regex OutsideTheStore();

    [Fact]
    public async Task Traversal_in_every_path_and_query_parameter_and_static_folder_is_refused_without_leaking_a_file()
    {
        var admin = await fx.As(Demo.Admin);
        var filler = new ApiUrlFiller(admin);
        var targets = new List<(string Label, string Template, bool Query)>();

        // API: each path parameter of each GET, with real identifiers elsewhere, and each string query parameter.
        var doc = await admin.GetJson("/openapi/v1.json");
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get)) continue;
            var url = await filler.FillAsync(path.Name) ?? EndpointList.Placeholders(path.Name); // an empty collection
            var segments = EndpointList.Segments(path.Name);
            for (var i = 0; i < segments.Length; i++)
            {
                if (!EndpointList.Parameter().IsMatch(segments[i])) continue;
                var filled = EndpointList.Segments(url);
                filled[i] = "{payload}";
                targets.Add((path.Name, "/" + string.Join('/', filled), false));
            }
            if (get.TryGetProperty("parameters", out var parameters))
            {
                foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"
                             && p.TryGetProperty("schema", out var s) && s.TryGetProperty("type", out var t) && t.GetString() == "string"))
                {
                    targets.Add((path.Name + "?" + p.GetProperty("name").GetString(), url + "?" + p.GetProperty("name").GetString() + "={payload}", true));
                }
            }
        }
        // Pages and other GET endpoints with a parameter: any placeholder elsewhere, the payload in turn in each.
        foreach (var route in EndpointList.All(fx.App).Where(e => EndpointList.IsPage(e) || EndpointList.Methods(e).Contains("GET"))
                     .Select(EndpointList.Route).Where(r => !r.StartsWith("/api", StringComparison.Ordinal)).Distinct())
        {
            var segments = EndpointList.Segments(route);
            for (var i = 0; i < segments.Length; i++)
            {
                if (!EndpointList.Parameter().IsMatch(segments[i])) continue;
                targets.Add((route, "/" + string.Join('/', segments.Select((s, j) => j == i ? "{payload}" : EndpointList.Parameter().IsMatch(s) ? "1" : s)), false));
            }
        }
        // Static files: under each folder of the web root, and at the root.
        foreach (var folder in Directory.GetDirectories(WebRoot).Select(Path.GetFileName).Append(""))
        {
            targets.Add(("static /" + folder, (folder == "" ? "" : "/" + folder) + "/{payload}", false));
        }

        var problems = new List<string>();
        var requests = 0;
        using var raw = RawClient();
        foreach (var (label, template, query) in targets)
        {
            foreach (var payload in Payloads)
            {
                requests++;
                var target = template.Replace("{payload}", payload);
                var request = new HttpRequestMessage(HttpMethod.Get, new Uri(admin.BaseAddress + target.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
                request.Headers.Authorization = admin.DefaultRequestHeaders.Authorization;
                var response = await raw.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var allowed = query ? status < 500 : status is 400 or 404;
                if (!allowed || OutsideTheStore().IsMatch(body))
                    problems.Add($"{label}: GET {target} → {status} {(OutsideTheStore().Match(body) is { Success: true } m ? "LEAKS «" + m.Value + "»" : "")}");
            }
        }
        output.WriteLine($"{targets.Count} targets × {Payloads.Length} payloads = {requests} requests");
        Assert.True(targets.Count >= 60, "too few traversal targets: the enumeration is broken");
        SecurityAssert.NoProblems(problems, "traversal attempts not refused");
    }

    [Fact]
    public async Task The_sentinel_recognises_the_files_it_guards()
    {
        // Without this the traversal check could pass because it would not see a leak.
        Assert.Matches(OutsideTheStore(), await File.ReadAllTextAsync(Path.Combine(ContentRoot, "appsettings.json")));
        Assert.Matches(OutsideTheStore(), await File.ReadAllTextAsync(Path.Combine(ContentRoot, "Program.cs")));
    }

    private string ContentRoot => fx.App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath;

    private string WebRoot => fx.App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath;

    private static HttpClient RawClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
}
