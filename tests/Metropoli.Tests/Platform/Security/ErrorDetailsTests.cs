using System.Text.Json;
using System.Text.Json.Nodes;
using Metropoli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Metropoli.Tests.Platform.Security;

/// <summary>ASVS 16.5.1 / 13.4.2: errors forced on every API operation of the OpenAPI document — malformed
/// JSON, every property of the declared body given the wrong JSON type, numbers too large for any
/// column, unknown enum values, NUL characters (which PostgreSQL refuses in text), identifiers too large
/// for a long — and a real unique-constraint race answer 4xx problem+json with no stack frame, exception
/// or type name, SQL, server path or connection string.</summary>
// On PostgreSQL too: values too large for a column, NUL in text and a unique-constraint race fail differently per provider.
[Trait("Database", "Both")]
public sealed class ErrorDetailsTests(AppFixture fx, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Forced_errors_on_every_api_operation_reveal_nothing_internal()
    {
        var admin = await fx.As(Demo.Admin);
        var filler = new ApiUrlFiller(admin);
        var doc = await admin.GetJson("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var problems = new List<string>();
        var requests = 0;
        var families = new HashSet<string>();
        foreach (var op in await SiteSurface.OperationsAsync(fx.App))
        {
            var url = await filler.FillAsync(op.Template);
            if (url is null) continue;
            families.Add(EndpointList.Segments(op.Template).ElementAtOrDefault(2) ?? op.Template);
            var cases = new List<(string Label, string Url, HttpContent? Body)>();
            // An identifier too large for a long, in each numeric path parameter.
            var segments = EndpointList.Segments(op.Template);
            for (var i = 0; i < segments.Length; i++)
            {
                if (EndpointList.Parameter().Match(segments[i]) is not { Success: true } m) continue;
                var huge = EndpointList.Segments(url);
                huge[i] = "99999999999999999999999";
                cases.Add(($"huge {m.Groups["n"].Value}", "/" + string.Join('/', huge), op.Method == "GET" ? null : Http.RawJson("{}")));
            }
            if (op.ContentTypes.Contains("application/json"))
            {
                var properties = Properties(doc, schemas, op);
                cases.Add(("malformed JSON", url, Http.RawJson("{\"name\": \"x\", ")));
                cases.Add(("wrong JSON types", url, Http.RawJson(Body(properties, WrongType))));
                cases.Add(("numbers too large", url, Http.RawJson(Body(properties, (_, t) => t is "integer" or "number" ? JsonValue.Create(1e300) : null))));
                cases.Add(("unknown enum values", url, Http.RawJson(Body(properties, (_, t) => t is "string" ? JsonValue.Create("valore-sconosciuto") : null))));
                cases.Add(("NUL in every string", url, Http.RawJson(Body(properties, (_, t) => t is "string" ? JsonValue.Create("a\u0000b") : null))));
            }
            foreach (var (label, target, body) in cases)
            {
                requests++;
                var request = new HttpRequestMessage(new HttpMethod(op.Method), target) { Content = body };
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                var response = await admin.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var leaks = SecurityAssert.InternalDetails(text).ToList();
                if (status >= 500 || leaks.Count > 0 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                    problems.Add($"{op} {label}: {status} {string.Join("; ", leaks)} {(text.Length > 250 ? text[..250] : text)}");
            }
        }
        output.WriteLine($"{requests} forced errors over {families.Count} API families");
        Assert.True(requests >= 200, "too few forced errors: the enumeration is broken");
        SecurityAssert.NoProblems(problems, "error answers with a 5xx or an internal detail");
    }

    [Fact]
    public async Task A_unique_constraint_race_answers_without_sql()
    {
        var admin = await fx.As(Demo.Admin);
        var body = new { code = "race", name = "Tema in gara", sortOrder = 1 };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => admin.PostAsync("/api/v1/agreement-themes", Http.JsonBody(body))));
        Assert.Contains(responses, r => (int)r.StatusCode == 201);
        foreach (var r in responses.Where(r => (int)r.StatusCode != 201))
        {
            var text = await r.Content.ReadAsStringAsync();
            Assert.InRange((int)r.StatusCode, 400, 499);
            Assert.Empty(SecurityAssert.InternalDetails(text));
        }
    }

    [Fact]
    public void The_leak_detector_recognises_what_it_guards()
    {
        // Real texts of the kind the check must catch; without this it could pass by seeing nothing.
        Assert.NotEmpty(SecurityAssert.InternalDetails("The JSON value could not be converted to Metropoli.Agreements.Model.AgreementStatus. Path: $.status"));
        Assert.NotEmpty(SecurityAssert.InternalDetails("   at Npgsql.NpgsqlConnector.ReadMessage(Boolean async)"));
        Assert.NotEmpty(SecurityAssert.InternalDetails("SQLite Error 19: 'UNIQUE constraint failed: AgreementThemes.Code'."));
        Assert.NotEmpty(SecurityAssert.InternalDetails("23505: duplicate key value violates unique constraint \"IX_Themes_Code\""));
        Assert.NotEmpty(SecurityAssert.InternalDetails("Could not find file '/work/main/src/Metropoli.Host/data/x'"));
        Assert.NotEmpty(SecurityAssert.InternalDetails("Host=127.0.0.1;Port=5433;Username=postgres"));
        Assert.Empty(SecurityAssert.InternalDetails("{\"title\":\"Richiesta non valida\",\"detail\":\"JSON non valido alla riga 1.\"}"));
    }

    private static JsonNode? WrongType(string name, string? type) => type switch
    {
        "string" => JsonValue.Create(12345),
        "integer" or "number" => JsonValue.Create("dodici"),
        "boolean" => JsonValue.Create("forse"),
        "array" => new JsonObject(),
        _ => JsonValue.Create(1),
    };

    private static string Body(IReadOnlyList<(string Name, string? Type)> properties, Func<string, string?, JsonNode?> value)
    {
        var o = new JsonObject();
        foreach (var (name, type) in properties)
        {
            if (value(name, type) is { } v) o[name] = v;
        }
        return o.ToJsonString();
    }

    /// <summary>The properties of the operation's JSON body, from its schema in the document.</summary>
    private static IReadOnlyList<(string Name, string? Type)> Properties(JsonElement doc, JsonElement schemas, ApiOperation op)
    {
        var operation = doc.GetProperty("paths").GetProperty(op.Template).GetProperty(op.Method.ToLowerInvariant());
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        schema = Resolve(schemas, schema);
        if (!schema.TryGetProperty("properties", out var props)) return [("name", "string"), ("id", "integer")];
        return props.EnumerateObject().Select(p =>
        {
            var s = Resolve(schemas, p.Value);
            string? type = s.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().First(x => x.GetString() != "null").GetString() : t.GetString()) : null;
            return (p.Name, type ?? (s.TryGetProperty("enum", out _) ? "string" : null));
        }).ToList();
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        for (var i = 0; i < 5 && schema.TryGetProperty("$ref", out var r); i++)
        {
            schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
        }
        return schema;
    }
}
