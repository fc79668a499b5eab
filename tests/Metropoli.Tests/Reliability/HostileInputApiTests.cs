using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Reliability;

/// <summary>Hostile input, driven by the app's own OpenAPI document: every operation gets a valid-looking
/// request built from its schemas and from real records read back from the app (demo content), then
/// mutations (wrong types, nulls, huge strings, unicode, extreme numbers, bad dates, missing and extra
/// fields, malformed JSON, wrong content types, injection strings in q and sort, bad path values and
/// If-Match headers), as an administrator, as each scoped role and anonymously. No answer may be 5xx,
/// every error must be problem+json with its status, and no answer may carry a stack trace. New endpoints
/// are covered without new test code: the cases come from the document, and a second test checks that
/// every /api route the app maps is in the document.
/// <para>Size and seed: <c>METROPOLI_HOSTILE_REQUESTS</c> (default 10,400) and <c>METROPOLI_HOSTILE_SEED</c>
/// (default 7); <c>METROPOLI_HOSTILE_REPORT</c> names a file for the per-operation table.</para></summary>
// On PostgreSQL only: PostgreSQL is the strict one (NUL in text, numeric and date ranges, 63-byte identifiers): its 500s were the ones found; SQLite stores almost anything.
[Trait("Database", "Postgres")]
public sealed class HostileInputApiTests(AppFixture fx, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) && v > 0 ? v : fallback;

    private static readonly string[] Scoped = [Demo.PlanOffice, Demo.Sector, Demo.RhoOfficer, Demo.ZoneCoordinator, Demo.Forum];

    [Fact]
    public async Task Every_api_route_the_app_maps_is_in_the_openapi_document()
    {
        using var doc = JsonDocument.Parse(await fx.App.Anonymous().GetStringAsync("/openapi/v1.json"));
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Name.ToUpperInvariant() + " " + p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mapped = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("api/", StringComparison.Ordinal)))
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => m + " " + Normalise(e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();
        Assert.True(mapped.Count > 50, $"only {mapped.Count} /api routes found: the enumeration is broken");
        var missing = mapped.Where(m => !documented.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "These /api routes are not in /openapi/v1.json, so the hostile-input generator would not reach them:\n  " + string.Join("\n  ", missing));
    }

    /// <summary>"/api/v1/plans/{id:long}" → "/api/v1/plans/{id}".</summary>
    private static string Normalise(string raw)
    {
        var path = "/" + raw.Trim('/');
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:?=]+)[^}]*\}", "{$1}");
    }

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_every_error_is_problem_json()
    {
        var total = Setting("METROPOLI_HOSTILE_REQUESTS", 10_400);
        var seed = Setting("METROPOLI_HOSTILE_SEED", 7);
        var clock = Stopwatch.StartNew();
        var anonymous = fx.App.Anonymous();
        var docJson = await anonymous.GetStringAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(docJson);
        var operations = HostileInputGenerator.Operations(document.RootElement);
        Assert.True(operations.Count > 50, $"only {operations.Count} operations in the document");

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = fx.App.Anonymous(), ["admin"] = await fx.As(Demo.Admin) };
        foreach (var email in Scoped) clients[email] = await fx.As(email);
        // A slow answer on a loaded machine is not a failure; one that never comes is (reported below, not thrown).
        foreach (var client in clients.Values) client.Timeout = TimeSpan.FromMinutes(3);
        var admin = clients["admin"];

        var harvest = new Harvest();
        // The tokens the callers use must survive DELETE /access-tokens/{id}: only spare ones are offered.
        foreach (var id in await fx.App.WithDb(db => db.Set<AccessToken>().Select(t => t.Id).ToListAsync())) harvest.ProtectedTokenIds.Add(id);
        for (var i = 0; i < 3; i++)
        {
            await fx.App.TokenFor(Demo.Admin, days: 5); // spare tokens to revoke (a token cannot create tokens)
        }
        var parallel = Setting("METROPOLI_HOSTILE_PARALLEL", 8);
        var helperRequests = await HarvestAsync(admin, operations, harvest, new Random(seed), parallel);
        output.WriteLine($"Harvest: {harvest.ValueCount} records in {harvest.PoolCount} pools from {helperRequests} GETs ({clock.Elapsed.TotalSeconds:0.0} s)");

        var generator = new HostileInputGenerator(document.RootElement, harvest);
        var plan = new Random(seed);
        var perOp = (int)Math.Ceiling(total / (double)operations.Count);
        var cases = new List<HostileCase>();
        foreach (var op in operations)
        {
            var kinds = HostileInputGenerator.KindsFor(op);
            for (var i = 0; i < perOp; i++)
            {
                var roll = plan.Next(100);
                var caller = roll < 45 ? "admin" : roll < 85 ? Scoped[plan.Next(Scoped.Length)] : "anonymous";
                cases.Add(new HostileCase(op, i < 2 ? CaseKind.Baseline : kinds[plan.Next(kinds.Length)], caller, plan.Next()));
            }
        }
        // Deletions and state changes last, so the reads and updates still find the harvested records.
        cases = [.. cases.OrderBy(c => c.Op.Method == "delete" ? 2 : c.Op.Path.EndsWith("/close", StringComparison.Ordinal) || c.Op.Path.EndsWith("/transitions", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(_ => plan.Next())];

        var etags = new ConcurrentDictionary<string, Lazy<Task<string?>>>();
        Task<string?> ETagOf(string url) => etags.GetOrAdd(url, u => new Lazy<Task<string?>>(() => FetchETagAsync(admin, u))).Value;

        var histogram = new ConcurrentDictionary<int, int>();
        var byOp = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
        var byKind = new ConcurrentDictionary<CaseKind, int>();
        var failures = new ConcurrentQueue<string>();
        var busy = new ConcurrentDictionary<string, long>();
        var sendClock = Stopwatch.StartNew();
        var sent = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (c, ct) =>
        {
            using var request = await generator.BuildAsync(c, ETagOf);
            var summary = $"[{c.Kind} as {c.Caller}, seed {c.Seed}] {request.Method} {Trim(request.RequestUri!.OriginalString, 200)}";
            HttpResponseMessage response;
            var started = Stopwatch.GetTimestamp();
            try
            {
                response = await clients[c.Caller].SendAsync(request, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failures.Enqueue($"{summary}: the server threw to the client: {e.GetType().Name}: {Trim(e.Message, 300)}");
                return;
            }
            using (response)
            {
                Interlocked.Increment(ref sent);
                var status = (int)response.StatusCode;
                histogram.AddOrUpdate(status, 1, (_, n) => n + 1);
                byOp.GetOrAdd(c.Op.Key, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
                byKind.AddOrUpdate(c.Kind, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync(ct);
                busy.AddOrUpdate(c.Op.Key, Stopwatch.GetElapsedTime(started).Ticks, (_, t) => t + Stopwatch.GetElapsedTime(started).Ticks);
                var problem = Check(c, status, response, body);
                if (problem is not null)
                {
                    failures.Enqueue($"{summary} → {status}: {problem} — {Trim(body, 400)}");
                }
            }
        });

        var report = new StringBuilder();
        report.AppendLine($"Hostile input: {sent} requests to {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s (seed {seed}, provider {fx.Database.Provider}); {failures.Count} failures");
        report.AppendLine($"Sending: {sendClock.Elapsed.TotalSeconds:0.0} s; the operations that took longest (summed request time): "
            + string.Join(", ", busy.OrderByDescending(b => b.Value).Take(8).Select(b => $"{b.Key} {TimeSpan.FromTicks(b.Value).TotalSeconds:0.0} s")));
        report.AppendLine("Status histogram: " + string.Join(", ", histogram.OrderBy(h => h.Key).Select(h => $"{h.Key}×{h.Value}")));
        report.AppendLine("Cases by kind: " + string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        report.AppendLine("Per operation (requests: statuses):");
        foreach (var (op, statuses) in byOp.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            report.AppendLine($"  {op}: {statuses.Values.Sum()}: " + string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        }
        var text = report.ToString();
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("METROPOLI_HOSTILE_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, text + "\nFailures:\n" + string.Join("\n", failures));
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} hostile requests broke a rule:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(sent >= Math.Min(total, 10_000), $"only {sent} requests were sent");
        Assert.True(byOp.Count == operations.Count, "some operations got no request");
        // The generator must reach real records, not only "not found": a handful of operations at least answer 2xx.
        Assert.True(byOp.Count(o => o.Value.Keys.Any(s => s is >= 200 and < 300)) >= operations.Count / 2,
            "fewer than half the operations ever answered 2xx: the baseline requests are not valid enough to reach the handlers");
    }

    private static string? Check(HostileCase c, int status, HttpResponseMessage response, string body)
    {
        if (status >= 500)
        {
            return "server error";
        }
        if (body.Contains("   at Metropoli.", StringComparison.Ordinal) || body.Contains("   at System.", StringComparison.Ordinal)
            || body.Contains("   at Microsoft.", StringComparison.Ordinal) || body.Contains("Exception: ", StringComparison.Ordinal))
        {
            return "stack trace or exception text in the answer";
        }
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"error answered as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not application/problem+json";
            }
            try
            {
                using var problem = JsonDocument.Parse(body);
                if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != status)
                {
                    return "problem+json without the matching status";
                }
                if (!problem.RootElement.TryGetProperty("title", out var t) || string.IsNullOrWhiteSpace(t.GetString()))
                {
                    return "problem+json without a title";
                }
            }
            catch (JsonException)
            {
                return "problem+json that does not parse";
            }
        }
        // Endpoints that take JSON or multipart read the body themselves, after their If-Match check (428).
        if (c.Kind == CaseKind.WrongContentType && c.Caller == "admin" && c.Op.HasJsonBody && status is not (415 or 403)
            && !(c.Op.BodyTypes.Count > 1 && status == 428))
        {
            return "a body sent with the wrong Content-Type must get 415";
        }
        return null;
    }

    private static async Task<string?> FetchETagAsync(HttpClient admin, string url)
    {
        var candidate = url;
        for (var i = 0; i < 3 && candidate.Count(ch => ch == '/') > 3; i++)
        {
            using var response = await admin.GetAsync(candidate);
            if (response.IsSuccessStatusCode && response.Headers.ETag is { } tag)
            {
                return tag.ToString();
            }
            candidate = candidate[..candidate.LastIndexOf('/')];
        }
        return null;
    }

    /// <summary>Reads every collection and record the document lists (as an administrator), in three
    /// rounds, so records that hang under others (areas of a plan, parties of an agreement) are found too.
    /// Within a round the URLs are chosen from what earlier rounds found and fetched concurrently.</summary>
    private static async Task<int> HarvestAsync(HttpClient admin, List<ApiOperation> operations, Harvest harvest, Random rnd, int parallel)
    {
        var count = 0;
        var gets = operations.Where(o => o.Method == "get" && !o.IsSlow
            && !o.Produces.Any(p => p is "text/csv" or "application/octet-stream" or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            && !o.Path.EndsWith("/boundaries", StringComparison.Ordinal) && !o.Path.EndsWith("/boundary", StringComparison.Ordinal)
            && !o.Path.EndsWith("/file", StringComparison.Ordinal) && !o.Path.EndsWith("/evidence", StringComparison.Ordinal)).ToList();
        for (var round = 0; round < 3; round++)
        {
            var urls = new List<(string Url, string Pool)>();
            foreach (var op in gets)
            {
                var segments = op.Path.Split('/');
                var hasParams = segments.Any(s => s.StartsWith('{'));
                if (hasParams == (round == 0)) continue;
                for (var attempt = 0; attempt < (hasParams ? 4 : 1); attempt++)
                {
                    var url = new StringBuilder();
                    var ok = true;
                    for (var i = 1; i < segments.Length; i++)
                    {
                        var s = segments[i];
                        var value = s.StartsWith('{') ? harvest.PathValue(segments[i - 1], s.Trim('{', '}'), rnd) : s;
                        if (value is null) { ok = false; break; }
                        url.Append('/').Append(s.StartsWith('{') ? Uri.EscapeDataString(value) : value);
                    }
                    if (!ok) break;
                    var query = op.Parameters.Any(p => p.Name.Equals("limit", StringComparison.OrdinalIgnoreCase)) ? "?limit=200" : "";
                    var last = segments[^1];
                    urls.Add((url + query, last.StartsWith('{') ? segments[^2] : last));
                }
            }
            var answers = new ConcurrentBag<(string Pool, string Json)>();
            var distinct = urls.Distinct().ToList();
            await Parallel.ForEachAsync(distinct, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (u, ct) =>
            {
                using var response = await admin.GetAsync(u.Url, ct);
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
                {
                    answers.Add((u.Pool, await response.Content.ReadAsStringAsync(ct)));
                }
            });
            count += distinct.Count;
            // Walked in a fixed order, so the pools (and the seeded cases built from them) do not depend on timing.
            foreach (var (pool, json) in answers.OrderBy(a => a.Pool, StringComparer.Ordinal).ThenBy(a => a.Json, StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(json);
                harvest.Walk(pool, doc.RootElement);
            }
        }
        return count;
    }

    private static string Trim(string s, int max) => s.Length > max ? s[..max] + $"…({s.Length} chars)" : s;
}
