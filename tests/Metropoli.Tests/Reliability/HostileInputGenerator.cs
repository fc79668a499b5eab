using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Metropoli.Tests.Reliability;

/// <summary>One operation of the OpenAPI document: what the generator needs to build requests for it.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? BodySchema,
    IReadOnlyList<string> BodyTypes, IReadOnlyList<string> Produces, bool Anonymous)
{
    public string Key => $"{Method.ToUpperInvariant()} {Path}";
    public bool HasJsonBody => BodyTypes.Contains("application/json");
    /// <summary>The PDF report starts a Chromium per request: only a few cases may reach it with a real record.</summary>
    public bool IsSlow => Produces.Contains("application/pdf") || Path.EndsWith("/pdf", StringComparison.Ordinal);
}

public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema);

/// <summary>The kinds of request the generator makes; each case is one kind applied to one operation.</summary>
public enum CaseKind
{
    Baseline, WrongType, Null, HugeString, Unicode, Numbers, MissingFields, ExtraFields, BadDate, MalformedJson,
    WrongContentType, EmptyBody, WrongShape, QueryMutation, QueryInjection, PathMutation, UnknownQuery, BadIfMatch, DuplicateKeys,
    /// <summary>A readable body under a Content-Type that is malformed or names an unknown charset (issue 18, point 11).</summary>
    MalformedContentType,
}

/// <summary>A planned request: the operation, the kind of hostility, the caller and the seed that makes
/// its content reproducible (the request is built only when sent, so 10,000 cases with 100k-character
/// strings never sit in memory at once).</summary>
public sealed record HostileCase(ApiOperation Op, CaseKind Kind, string Caller, int Seed);

/// <summary>Values read back from the running app (ids, codes, field values), so generated requests
/// name records that exist and handlers run past their "not found" checks.</summary>
public sealed class Harvest
{
    private readonly Dictionary<string, List<JsonElement>> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public HashSet<long> ProtectedTokenIds { get; } = [];

    public int PoolCount => _pools.Count;
    public int ValueCount => _pools.Values.Sum(p => p.Count);

    public static string Norm(string s) => s.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant()
        .Replace("organisation", "organization", StringComparison.Ordinal);

    public void Add(string pool, JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object) return;
        var key = Norm(pool);
        var identity = key + "|" + (obj.TryGetProperty("id", out var id) ? id.ToString() : obj.TryGetProperty("code", out var c) ? c.ToString() : obj.TryGetProperty("istatCode", out var i) ? i.ToString() : "");
        if (!_seen.Add(identity)) return;
        if (key == "accesstokens" && obj.TryGetProperty("id", out var tid) && tid.TryGetInt64(out var t) && ProtectedTokenIds.Contains(t)) return;
        if (!_pools.TryGetValue(key, out var list)) _pools[key] = list = [];
        if (list.Count < 40) list.Add(obj.Clone());
    }

    /// <summary>Walks an answer: collections and nested arrays of records become pools named after their
    /// property, scalar fields become example values for request fields of the same name.</summary>
    public void Walk(string pool, JsonElement e, int depth = 0)
    {
        if (depth > 6) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("id", out _) || e.TryGetProperty("code", out _) || e.TryGetProperty("istatCode", out _))
                {
                    Add(pool, e);
                }
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    {
                        if (!_fields.TryGetValue(p.Name, out var values)) _fields[p.Name] = values = [];
                        if (values.Count < 30 && (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString()!.Length < 200)) values.Add(p.Value.Clone());
                    }
                    else
                    {
                        Walk(p.Name == "items" ? pool : p.Name, p.Value, depth + 1);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray().Take(40)) Walk(pool, item, depth + 1);
                break;
        }
    }

    private IEnumerable<List<JsonElement>> PoolsFor(string segmentOrName)
    {
        var key = Norm(segmentOrName);
        var tries = new List<string> { key };
        var dash = segmentOrName.Split('-');
        if (dash.Length > 1) tries.Add(Norm(dash[^1]));
        foreach (var t in tries)
        {
            if (_pools.TryGetValue(t, out var exact) && exact.Count > 0) yield return exact;
        }
        var stem = tries[^1][..Math.Min(5, tries[^1].Length)];
        foreach (var (k, v) in _pools)
        {
            if (k.StartsWith(stem, StringComparison.Ordinal) && v.Count > 0) yield return v;
        }
    }

    /// <summary>A real value for path parameter <paramref name="name"/> that follows segment <paramref name="segment"/>.</summary>
    public string? PathValue(string segment, string name, Random rnd)
    {
        var pool = PoolsFor(segment).FirstOrDefault();
        if (pool is null) return null;
        var obj = pool[rnd.Next(pool.Count)];
        return Field(obj, name);
    }

    private static string? Field(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number) return p.Value.ToString();
        }
        if (!name.Equals("id", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("Id", StringComparison.Ordinal))
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (p.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number) return p.Value.ToString();
            }
        }
        foreach (var f in new[] { "id", "code", "istatCode" })
        {
            if (obj.TryGetProperty(f, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number) return v.ToString();
        }
        return null;
    }

    /// <summary>A real id (or code) for a request field such as <c>objectiveId</c>, <c>partnerOrganisationIds</c> or <c>zones</c>.</summary>
    public JsonNode? RefValue(string fieldName, bool wantsNumber, Random rnd)
    {
        var stem = fieldName;
        foreach (var suffix in new[] { "Ids", "Id" })
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal)) { stem = stem[..^suffix.Length]; break; }
        }
        // The last camel-case word names the record: leadOrganisationId → organisation.
        var lastUpper = -1;
        for (var i = stem.Length - 1; i > 0; i--) if (char.IsUpper(stem[i])) { lastUpper = i; break; }
        var word = lastUpper > 0 ? stem[lastUpper..] : stem;
        var pool = PoolsFor(word).FirstOrDefault() ?? PoolsFor(stem).FirstOrDefault();
        if (pool is null) return null;
        var obj = pool[rnd.Next(pool.Count)];
        if (wantsNumber)
        {
            return obj.TryGetProperty("id", out var id) && id.TryGetInt64(out var n) ? JsonValue.Create(n) : null;
        }
        var s = Field(obj, obj.TryGetProperty("code", out _) ? "code" : "istatCode");
        return s is null ? null : JsonValue.Create(s);
    }

    public JsonNode? FieldValue(string name, Random rnd)
    {
        if (!_fields.TryGetValue(name, out var values) || values.Count == 0) return null;
        return JsonNode.Parse(values[rnd.Next(values.Count)].GetRawText());
    }
}

/// <summary>Builds requests from the OpenAPI document: a valid-looking baseline from the schemas and the
/// harvested values, then one mutation of the chosen kind.</summary>
public sealed class HostileInputGenerator(JsonElement document, Harvest harvest)
{
    public const string Raw = "__RAW__";

    public static readonly string[] Unicode =
    [
        "😀👩‍👩‍👧‍👦🇮🇹", "\u202Eevil\u202C", "e\u0301\u0301\u0301\u0301", "\0", "abc\0def", "\uFFFF", "\uFFFE", "\u200B\u200D\uFEFF", "𝕳𝖊𝖑𝖑𝖔",
        "مرحبا بالعالم", "שלום", "\r\n\t\v\f", "'\"<>&", "Ⅻ①", "\u0085\u2028\u2029", "İıŞş", "ß", "ǅ", "\u00A0",
    ];

    /// <summary>JSON text spliced in raw: lone surrogates and escapes no serializer would write.</summary>
    public static readonly string[] RawUnicode = ["\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"\\u0000\"", "\"\\uffff\"", "\"x\\u001fy\""];

    public static readonly string[] Injection =
    [
        "' OR 1=1--", "'; DROP TABLE plan_actions;--", "\" OR \"\"=\"", "%", "_", "%_%", "\\", "\\%", "[a-z]", "*", "${jndi:ldap://127.0.0.1/x}",
        "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd", "=cmd|' /C calc'!A0", "+SUM(1)", "@A1", "null", "undefined",
        "NaN", "Infinity", "-0", "1e309", "0x1F", "1; SELECT pg_sleep(1)", "' UNION SELECT NULL--", "$where", "{\"$gt\":\"\"}", "a' COLLATE \"C",
    ];

    public static readonly string[] SortInjection =
    [
        ";DROP TABLE users", "name;DROP TABLE users", "-", "--name", "name desc", "name,-id", "zone.name", "Name", "NAME", "id) --", "1", "-1",
        "name name", "+name", "  name", "%", "*", "__proto__", "constructor", "toString", "-" + new string('x', 500),
    ];

    public static readonly string[] BadDates =
    [
        "2024-02-30", "31/12/2024", "0000-01-01", "99999-01-01", "2024-13-01", "2024-00-10", "", " ", "yesterday", "2024-02-29T25:61:61Z",
        "0001-01-01", "9999-12-31", "-0001-01-01", "2024-1-1", "2024-02-29", "2023-02-29", "20240101", "2024-W01", "1970-01-01T00:00:00+99:00",
        "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z", "2024-06-01T12:00:00", "2024-06-01 12:00",
    ];

    /// <summary>Numbers as raw JSON tokens: some overflow every .NET numeric type.</summary>
    public static readonly string[] RawNumbers =
    [
        "-1", "0", "-0", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1e308", "-1e308", "1e400", "0.1", "1.5", "79228162514264337593543950336", "1E+28", "4.9e-324", "00012", "1.0",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12abc\"", "\"\"", "\" 1\"", "\"0x10\"", "\"1,5\"",
    ];

    /// <summary>No %00: Kestrel refuses a NUL in the path before the app sees it, and the in-memory test server throws on it.</summary>
    public static readonly string[] PathValues =
    [
        "0", "-1", "9223372036854775807", "9223372036854775808", "18446744073709551616", "abc", "1.5", "1e3", "%20", "..", "%2e%2e",
        "%2F", "%E2%82%AC", "%F0%9F%98%80", "%C3%28", "999999999", "null", "-0", "0x10", "1%3B%20DROP%20TABLE%20x", new string('9', 400), new string('a', 5000),
    ];

    public static readonly string[] MalformedJson =
    [
        "{", "{\"a\":", "[", "{'a':1}", "{\"a\":1,}", "nul", "{\"a\":\"\\x\"}", "{\"a\" 1}", "}", "{\"a\":1}}", "{\"a\":tru}", "{\"a\":\"unterminated}",
        "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "/* c */ {}", "{\"a\":1} trailing", "\u0000", "{\"a\":\"\t\"}",
    ];

    /// <summary>Content types a client may send with a well-formed body: unknown, empty, repeated or quoted charsets,
    /// broken parameters, media types with odd case or spacing. Written raw (the client would refuse most).
    /// <c>{0}</c> stands for the operation's own media type.</summary>
    public static readonly string[] MalformedContentTypes =
    [
        "{0}; charset=nope", "{0}; charset=", "{0}; charset=\"\"", "{0}; charset=\"utf-8", "{0}; charset=utf-8; charset=nope", "{0}; charset=utf-7",
        "{0}; charset=x-unknown-1252", "{0}; charset=utf-32", "{0}; charset=utf-16", "{0}; charset=latin1", "{0}; charset=UTF8", "{0};;", "{0}; =",
        "{0}; charset", "{0}; charset=utf-8; boundary=", "{0} ; charset = utf-8", "{0}; charset=\"nope\"", "{0}/extra", "{0};charset=%75tf-8",
        "{0}; q=0.5; charset=ebcdic", "{0}; charset=" + new string('x', 2000), "{0}\t; charset=nope",
    ];

    public static readonly string[] ExtraFieldNames = ["__proto__", "$type", "id", "version", "createdAt", "isAdmin", "role", "unknownField", "", "a.b", "Id"];

    private readonly JsonElement _schemas = document.GetProperty("components").GetProperty("schemas");

    public static List<ApiOperation> Operations(JsonElement document)
    {
        var ops = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name == "parameters") continue;
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("required", out var r) && r.GetBoolean(), p.TryGetProperty("schema", out var s) ? s.Clone() : default)).ToList()
                    : [];
                JsonElement? bodySchema = null;
                var bodyTypes = new List<string>();
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content))
                {
                    foreach (var c in content.EnumerateObject())
                    {
                        bodyTypes.Add(c.Name);
                        if (bodySchema is null && c.Value.TryGetProperty("schema", out var bs)) bodySchema = bs.Clone();
                    }
                }
                var produces = op.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().SelectMany(r => r.Value.TryGetProperty("content", out var rc) ? rc.EnumerateObject().Select(x => x.Name) : []).Distinct().ToList()
                    : [];
                var anonymous = op.Value.TryGetProperty("security", out var sec) && sec.GetArrayLength() == 0;
                ops.Add(new ApiOperation(op.Name, path.Name, parameters, bodySchema, bodyTypes, produces, anonymous));
            }
        }
        return ops;
    }

    /// <summary>The kinds that make sense for an operation (body kinds only where there is a body).</summary>
    public static CaseKind[] KindsFor(ApiOperation op)
    {
        var kinds = new List<CaseKind> { CaseKind.Baseline, CaseKind.Baseline, CaseKind.UnknownQuery };
        if (op.Parameters.Any(p => p.In == "path")) kinds.AddRange([CaseKind.PathMutation, CaseKind.PathMutation, CaseKind.PathMutation]);
        if (op.Parameters.Any(p => p.In == "query")) kinds.AddRange([CaseKind.QueryMutation, CaseKind.QueryMutation, CaseKind.QueryInjection, CaseKind.QueryInjection, CaseKind.BadDate]);
        if (op.BodyTypes.Count > 0)
        {
            kinds.AddRange([CaseKind.WrongContentType, CaseKind.EmptyBody, CaseKind.HugeString, CaseKind.MalformedContentType, CaseKind.MalformedContentType]);
        }
        if (op.HasJsonBody)
        {
            kinds.AddRange([CaseKind.WrongType, CaseKind.WrongType, CaseKind.Null, CaseKind.HugeString, CaseKind.Unicode, CaseKind.Unicode, CaseKind.Numbers,
                CaseKind.Numbers, CaseKind.MissingFields, CaseKind.ExtraFields, CaseKind.BadDate, CaseKind.BadDate, CaseKind.MalformedJson, CaseKind.MalformedJson,
                CaseKind.WrongShape, CaseKind.DuplicateKeys, CaseKind.Baseline, CaseKind.Baseline]);
        }
        if (op.Method is "put" or "post" or "delete") kinds.Add(CaseKind.BadIfMatch);
        return [.. kinds];
    }

    /// <summary>Builds the request of a case. <paramref name="etag"/> gives the current ETag of a URL (or null).</summary>
    public async Task<HttpRequestMessage> BuildAsync(HostileCase c, Func<string, Task<string?>> etag)
    {
        var rnd = new Random(c.Seed);
        var op = c.Op;
        var url = new StringBuilder();
        var realIds = !(op.IsSlow && rnd.Next(20) > 0);
        foreach (var (segment, index) in op.Path.Split('/').Select((s, i) => (s, i)))
        {
            if (index > 0) url.Append('/');
            if (segment.StartsWith('{'))
            {
                var name = segment.Trim('{', '}');
                var previous = op.Path.Split('/')[index - 1];
                var value = c.Kind == CaseKind.PathMutation && rnd.Next(3) > 0 ? null : realIds ? harvest.PathValue(previous, name, rnd) : null;
                value ??= c.Kind == CaseKind.PathMutation || !realIds || rnd.Next(8) == 0 ? PathValues[rnd.Next(PathValues.Length)] : "999999999";
                url.Append(value.Contains('%') ? value : Uri.EscapeDataString(value));
            }
            else
            {
                url.Append(segment);
            }
        }
        var resourceUrl = url.ToString();

        var query = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            if (!p.Required && rnd.Next(3) == 0) continue;
            var value = QueryBaseline(p, rnd);
            if (value is not null) query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(value));
        }
        var queryParams = op.Parameters.Where(p => p.In == "query").ToList();
        if (c.Kind is CaseKind.QueryMutation or CaseKind.QueryInjection or CaseKind.BadDate && queryParams.Count > 0)
        {
            var p = queryParams[rnd.Next(queryParams.Count)];
            string hostile;
            if (c.Kind == CaseKind.QueryInjection)
            {
                var target = queryParams.FirstOrDefault(x => x.Name.Equals(rnd.Next(2) == 0 ? "q" : "sort", StringComparison.OrdinalIgnoreCase)) ?? p;
                p = target;
                hostile = p.Name.Equals("sort", StringComparison.OrdinalIgnoreCase) ? SortInjection[rnd.Next(SortInjection.Length)] : Injection[rnd.Next(Injection.Length)];
            }
            else if (c.Kind == CaseKind.BadDate)
            {
                hostile = BadDates[rnd.Next(BadDates.Length)];
            }
            else
            {
                hostile = HostileScalar(rnd, allowHuge: true);
            }
            query.RemoveAll(q => q.StartsWith(Uri.EscapeDataString(p.Name) + "=", StringComparison.Ordinal));
            query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(hostile));
            if (rnd.Next(4) == 0) query.Add(Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(HostileScalar(rnd, false))); // repeated parameter
        }
        if (c.Kind == CaseKind.UnknownQuery)
        {
            query.Add(Uri.EscapeDataString(ExtraFieldNames[rnd.Next(ExtraFieldNames.Length)] + "x") + "=" + Uri.EscapeDataString(HostileScalar(rnd, false)));
            query.Add("limit=" + Uri.EscapeDataString(RawNumbers[rnd.Next(RawNumbers.Length)].Trim('"')));
        }
        var full = query.Count > 0 ? resourceUrl + "?" + string.Join('&', query) : resourceUrl;
        var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), full);

        if (op.BodyTypes.Count > 0)
        {
            request.Content = BodyFor(c, rnd);
        }
        if (op.Method is "put" or "post" or "delete")
        {
            var choice = c.Kind == CaseKind.BadIfMatch ? 0 : rnd.Next(10);
            if (choice == 0)
            {
                string[] bad = ["\"abc\"", "W/\"1\"", "*", "\"-1\"", "\"99999999999999999999\"", "\"\"", "1", "\"1\", \"2\"", "\"" + new string('9', 300) + "\"", "\"1\0\""];
                request.Headers.TryAddWithoutValidation("If-Match", bad[rnd.Next(bad.Length)]);
            }
            else if (choice < 8 && await etag(resourceUrl) is { } tag)
            {
                request.Headers.TryAddWithoutValidation("If-Match", tag);
            }
        }
        return request;
    }

    private string? QueryBaseline(ApiParameter p, Random rnd)
    {
        var name = p.Name.ToLowerInvariant();
        switch (name)
        {
            case "limit": return rnd.Next(1, 50).ToString(CultureInfo.InvariantCulture);
            case "offset": return rnd.Next(0, 5).ToString(CultureInfo.InvariantCulture);
            case "sort": return null;
            case "q": return new[] { "a", "milano", "piano", "e" }[rnd.Next(4)];
        }
        if (IsDate(p.Schema) || name is "date" or "from" or "to" || name.EndsWith("from", StringComparison.Ordinal) || name.EndsWith("to", StringComparison.Ordinal) || name.EndsWith("before", StringComparison.Ordinal))
        {
            return RandomDate(rnd);
        }
        var node = IsInteger(p.Schema) ? harvest.RefValue(p.Name + "Id", true, rnd) : harvest.RefValue(p.Name + "s", false, rnd) ?? harvest.FieldValue(p.Name, rnd);
        if (node is null && IsInteger(p.Schema)) return rnd.Next(1, 100).ToString(CultureInfo.InvariantCulture);
        if (IsBoolean(p.Schema)) return rnd.Next(2) == 0 ? "true" : "false";
        return node?.ToString();
    }

    private static string RandomDate(Random rnd) => new DateOnly(2024, 1, 1).AddDays(rnd.Next(0, 3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string HostileScalar(Random rnd, bool allowHuge)
    {
        return rnd.Next(allowHuge ? 6 : 5) switch
        {
            0 => Unicode[rnd.Next(Unicode.Length)],
            1 => Injection[rnd.Next(Injection.Length)],
            2 => RawNumbers[rnd.Next(RawNumbers.Length)].Trim('"'),
            3 => BadDates[rnd.Next(BadDates.Length)],
            4 => new[] { "true", "false", "[]", "{}", "a,b", "1,2,3", "-", " ", "" }[rnd.Next(9)],
            _ => Huge(rnd, rnd.Next(2) == 0 ? 250 : 20_000),
        };
    }

    public static string Huge(Random rnd, int length)
    {
        string[] chunks = ["x", "è", "€", "😀", "a\u0301", "<b>", "%"];
        var chunk = chunks[rnd.Next(chunks.Length)];
        var sb = new StringBuilder(length + 4);
        while (sb.Length < length) sb.Append(chunk);
        return sb.ToString();
    }

    private HttpContent BodyFor(HostileCase c, Random rnd)
    {
        var op = c.Op;
        if (!op.HasJsonBody)
        {
            return NonJsonBody(c, rnd);
        }
        var schema = op.BodySchema is { } s ? Resolve(s) : default;
        var baseline = Generate(schema, "", rnd, 0) ?? new JsonObject();
        var raws = new List<string>();
        string text;
        switch (c.Kind)
        {
            case CaseKind.MalformedJson:
                return rnd.Next(5) == 0
                    ? Bytes(rnd.Next(2) == 0 ? [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D] : [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(baseline.ToJsonString())], "application/json")
                    : rnd.Next(6) == 0 ? Text(new string('[', 5000) + new string(']', 5000), "application/json")
                    : Text(MalformedJson[rnd.Next(MalformedJson.Length)], "application/json");
            case CaseKind.EmptyBody:
                return Text(rnd.Next(2) == 0 ? "" : "   ", "application/json");
            case CaseKind.MalformedContentType:
                return Bytes(Encoding.UTF8.GetBytes(baseline.ToJsonString()), MalformedContentType(rnd, "application/json"));
            case CaseKind.WrongContentType:
                string[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv", "application/octet-stream", "application/jsonx", "image/png"];
                var content = Text(baseline.ToJsonString(), types[rnd.Next(types.Length)]);
                if (rnd.Next(6) == 0) content.Headers.ContentType = null;
                return content;
            case CaseKind.WrongShape:
                string[] shapes = ["[" + baseline.ToJsonString() + "]", "[]", "\"text\"", "42", "true", "null", "[[[]]]", "{\"items\":" + baseline.ToJsonString() + "}"];
                return Text(shapes[rnd.Next(shapes.Length)], "application/json");
            case CaseKind.DuplicateKeys when baseline is JsonObject dupObject && dupObject.Count > 0:
                var first = dupObject.First();
                var json = dupObject.ToJsonString();
                return Text("{" + JsonSerializer.Serialize(first.Key) + ":" + JsonSerializer.Serialize(HostileScalar(rnd, false)) + "," + json[1..], "application/json");
        }
        if (baseline is JsonObject obj)
        {
            var keys = obj.Select(p => p.Key).ToList();
            var target = keys.Count > 0 ? keys[rnd.Next(keys.Count)] : null;
            var propSchema = target is not null ? PropertySchema(schema, target) : default;
            switch (c.Kind)
            {
                case CaseKind.WrongType when target is not null:
                    obj[target] = WrongType(obj[target], rnd);
                    break;
                case CaseKind.Null when target is not null:
                    foreach (var k in keys.Where(_ => rnd.Next(2) == 0).Append(target)) obj[k] = null;
                    break;
                case CaseKind.HugeString when target is not null:
                    obj[ChooseStringField(obj, schema, rnd) ?? target] = Huge(rnd, 100_000 + rnd.Next(50_000));
                    break;
                case CaseKind.Unicode when target is not null:
                    var field = ChooseStringField(obj, schema, rnd) ?? target;
                    if (rnd.Next(3) == 0)
                    {
                        obj[field] = Raw + raws.Count;
                        raws.Add(RawUnicode[rnd.Next(RawUnicode.Length)]);
                    }
                    else
                    {
                        obj[field] = "Prova " + Unicode[rnd.Next(Unicode.Length)];
                    }
                    break;
                case CaseKind.Numbers when target is not null:
                    var numeric = keys.Where(k => IsNumeric(PropertySchema(schema, k))).ToList();
                    var nfield = numeric.Count > 0 ? numeric[rnd.Next(numeric.Count)] : target;
                    obj[nfield] = Raw + raws.Count;
                    raws.Add(RawNumbers[rnd.Next(RawNumbers.Length)]);
                    break;
                case CaseKind.MissingFields:
                    if (rnd.Next(3) == 0) obj.Clear();
                    else foreach (var k in keys.Where(_ => rnd.Next(2) == 0)) obj.Remove(k);
                    break;
                case CaseKind.ExtraFields:
                    for (var i = 0; i < 1 + rnd.Next(3); i++)
                    {
                        var name = ExtraFieldNames[rnd.Next(ExtraFieldNames.Length)] + (rnd.Next(2) == 0 ? "" : i.ToString(CultureInfo.InvariantCulture));
                        obj[name] = rnd.Next(2) == 0 ? JsonValue.Create(HostileScalar(rnd, false)) : new JsonObject { ["nested"] = new JsonArray(1, 2) };
                    }
                    break;
                case CaseKind.BadDate:
                    var dates = keys.Where(k => IsDate(PropertySchema(schema, k))).ToList();
                    var dfield = dates.Count > 0 ? dates[rnd.Next(dates.Count)] : target;
                    if (dfield is not null) obj[dfield] = BadDates[rnd.Next(BadDates.Length)];
                    break;
                case CaseKind.QueryInjection or CaseKind.QueryMutation or CaseKind.PathMutation or CaseKind.UnknownQuery or CaseKind.BadIfMatch or CaseKind.Baseline:
                    if (c.Kind != CaseKind.Baseline && target is not null && rnd.Next(3) == 0)
                    {
                        obj[target] = HostileScalar(rnd, false);
                    }
                    _ = propSchema;
                    break;
            }
        }
        text = baseline.ToJsonString();
        for (var i = 0; i < raws.Count; i++)
        {
            text = text.Replace("\"" + Raw + i + "\"", raws[i], StringComparison.Ordinal);
        }
        return Text(text, "application/json");
    }

    private HttpContent NonJsonBody(HostileCase c, Random rnd)
    {
        var op = c.Op;
        var type = op.BodyTypes[0];
        if (c.Kind == CaseKind.WrongContentType)
        {
            string[] types = ["application/json", "text/plain", "application/xml", "application/octet-stream"];
            var wrong = types[rnd.Next(types.Length)];
            var content = Text("{\"a\":1}", wrong == type ? "text/html" : wrong);
            if (rnd.Next(6) == 0) content.Headers.ContentType = null;
            return content;
        }
        if (c.Kind == CaseKind.MalformedContentType && type != "multipart/form-data")
        {
            return Bytes(Encoding.UTF8.GetBytes("name,type\n"), MalformedContentType(rnd, type));
        }
        if (type == "text/csv")
        {
            string[] bodies =
            [
                "", "\uFEFF", "a,b,c\n1,2,3\n", "name,type\n\"unterminated\n", "\0\0\0", "x;y;z\n1;2;3\n", "=cmd|' /C calc'!A0\n",
                "name\n" + Huge(rnd, 100_000) + "\n", string.Join('\n', Enumerable.Repeat("a,b", 2000)),
            ];
            return c.Kind == CaseKind.EmptyBody ? Text("", type)
                : rnd.Next(6) == 0 ? Bytes([0xFF, 0xFE, 0x00, 0x41, 0xC3, 0x28, 0x0A], type)
                : Text(c.Kind == CaseKind.HugeString ? "name,type\n" + Huge(rnd, 150_000) + ",x\n" : bodies[rnd.Next(bodies.Length)], type);
        }
        // multipart/form-data: the schema's fields as form fields and a small file, or a broken body.
        if (c.Kind == CaseKind.EmptyBody || rnd.Next(5) == 0)
        {
            string[] broken = ["", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n", "--x--", "garbage", "--x\r\n\r\n--x--\r\n"];
            var raw = new ByteArrayContent(Encoding.ASCII.GetBytes(broken[rnd.Next(broken.Length)]));
            raw.Headers.TryAddWithoutValidation("Content-Type", rnd.Next(4) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=x");
            return raw;
        }
        var form = new MultipartFormDataContent();
        var schema = op.BodySchema is { } s ? Resolve(s) : default;
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props))
        {
            foreach (var p in props.EnumerateObject())
            {
                if (Resolve(p.Value) is var ps && ps.ValueKind == JsonValueKind.Object && ps.TryGetProperty("format", out var f) && f.GetString() == "binary") continue;
                var value = Generate(Resolve(p.Value), p.Name, rnd, 1);
                var text = value is JsonValue v && v.TryGetValue<string>(out var str) ? str : value?.ToJsonString() ?? "";
                if (c.Kind == CaseKind.HugeString && rnd.Next(2) == 0) text = Huge(rnd, 100_000);
                else if (c.Kind != CaseKind.Baseline && rnd.Next(3) == 0) text = HostileScalar(rnd, false);
                form.Add(new StringContent(text), p.Name);
            }
        }
        string[] names = ["a.pdf", "evil.exe", "../../x.pdf", "😀.png", "a.csv", "", "x.pdf\0.exe", new string('n', 300) + ".pdf"];
        byte[][] files = [Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), [0x89, 0x50, 0x4E, 0x47], Encoding.UTF8.GetBytes("a,b\n1,2\n"), [], Encoding.ASCII.GetBytes("MZ\x90\0")];
        var file = new ByteArrayContent(c.Kind == CaseKind.HugeString ? new byte[300_000] : files[rnd.Next(files.Length)]);
        file.Headers.ContentType = new MediaTypeHeaderValue(new[] { "application/pdf", "image/png", "text/csv", "application/octet-stream" }[rnd.Next(4)]);
        // Written raw: the client refuses to format a NUL or a bare emoji in a file name, a hostile client does not.
        file.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"" + names[rnd.Next(names.Length)] + "\"");
        form.Add(file);
        if (c.Kind == CaseKind.MalformedContentType)
        {
            var boundary = form.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value;
            form.Headers.Remove("Content-Type");
            form.Headers.TryAddWithoutValidation("Content-Type", MalformedContentType(rnd, "multipart/form-data; boundary=" + boundary));
        }
        return form;
    }

    public static string MalformedContentType(Random rnd, string type) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MalformedContentTypes[rnd.Next(MalformedContentTypes.Length)], type);

    private static StringContent Text(string text, string type)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(type, out var parsed) ? parsed : null;
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }

    private static JsonNode? WrongType(JsonNode? current, Random rnd) => current switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => rnd.Next(3) switch { 0 => JsonValue.Create(12345), 1 => JsonValue.Create(true), _ => new JsonObject { ["a"] = 1 } },
        JsonValue v when v.TryGetValue<bool>(out _) => rnd.Next(2) == 0 ? JsonValue.Create("yes") : JsonValue.Create(1),
        JsonValue => rnd.Next(3) switch { 0 => JsonValue.Create("abc"), 1 => JsonValue.Create(true), _ => new JsonArray(1) },
        JsonArray => rnd.Next(2) == 0 ? JsonValue.Create("a,b") : new JsonObject { ["0"] = "a" },
        JsonObject => rnd.Next(2) == 0 ? new JsonArray() : JsonValue.Create("x"),
        _ => JsonValue.Create(rnd.Next(2) == 0 ? "x" : "1"),
    };

    private string? ChooseStringField(JsonObject obj, JsonElement schema, Random rnd)
    {
        var strings = obj.Select(p => p.Key).Where(k => PropertySchema(schema, k) is { ValueKind: JsonValueKind.Object } s && TypeOf(s) == "string" && !IsDate(s)).ToList();
        return strings.Count > 0 ? strings[rnd.Next(strings.Count)] : null;
    }

    private JsonElement PropertySchema(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props) && props.TryGetProperty(name, out var p) ? Resolve(p) : default;

    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
        {
            schema = _schemas.GetProperty(r.GetString()!.Split('/')[^1]);
        }
        return schema;
    }

    /// <summary>The schema's main type, looking through anyOf/oneOf ("integer or string", "null or a record").</summary>
    private string? TypeOf(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object) return null;
        if (s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString();
        foreach (var combo in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (!s.TryGetProperty(combo, out var alts)) continue;
            var types = alts.EnumerateArray().Select(a => Resolve(a)).ToList();
            foreach (var want in new[] { "integer", "number", "boolean", "object", "array", "string" })
            {
                if (types.Any(a => a.TryGetProperty("type", out var at) && at.ValueKind == JsonValueKind.String && at.GetString() == want)) return want;
            }
            if (types.Any(a => a.TryGetProperty("properties", out _))) return "object";
        }
        return s.TryGetProperty("properties", out _) ? "object" : null;
    }

    private JsonElement ObjectAlternative(JsonElement s)
    {
        foreach (var combo in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (s.TryGetProperty(combo, out var alts))
            {
                foreach (var a in alts.EnumerateArray().Select(x => Resolve(x)))
                {
                    if (a.TryGetProperty("properties", out _)) return a;
                }
            }
        }
        return s;
    }

    private static bool IsDate(JsonElement s) => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("format", out var f) && f.GetString() is "date" or "date-time";
    private bool IsInteger(JsonElement s) => TypeOf(s) == "integer";
    private bool IsBoolean(JsonElement s) => TypeOf(s) == "boolean";
    private bool IsNumeric(JsonElement s) => TypeOf(s) is "integer" or "number";

    /// <summary>A valid-looking value for a schema: harvested values for known names, sensible defaults otherwise.</summary>
    public JsonNode? Generate(JsonElement schema, string name, Random rnd, int depth)
    {
        schema = Resolve(schema);
        if (depth > 4) return null;
        var type = TypeOf(schema);
        var lower = name.ToLowerInvariant();
        switch (type)
        {
            case "object":
                var objSchema = ObjectAlternative(schema);
                var obj = new JsonObject();
                if (objSchema.TryGetProperty("properties", out var props))
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        obj[p.Name] = Generate(p.Value, p.Name, rnd, depth + 1);
                    }
                }
                return obj;
            case "array":
                var array = new JsonArray();
                var items = schema.TryGetProperty("items", out var it) ? Resolve(it) : default;
                var itemType = TypeOf(items);
                for (var i = 0; i < rnd.Next(0, 3); i++)
                {
                    var item = itemType == "integer" ? harvest.RefValue(name, true, rnd) ?? JsonValue.Create(rnd.Next(1, 50))
                        : itemType == "string" ? harvest.RefValue(name, false, rnd) ?? Generate(items, name.TrimEnd('s'), rnd, depth + 1)
                        : Generate(items, name, rnd, depth + 1);
                    if (item is not null && !array.Any(x => JsonNode.DeepEquals(x, item))) array.Add(item);
                }
                return array;
            case "integer":
                if (lower.EndsWith("id", StringComparison.Ordinal)) return harvest.RefValue(name, true, rnd) ?? JsonValue.Create(rnd.Next(1, 50));
                if (lower.Contains("year", StringComparison.Ordinal)) return JsonValue.Create((lower.StartsWith("end", StringComparison.Ordinal) ? 2033 : 2030) + rnd.Next(0, 4));
                if (lower.Contains("progress", StringComparison.Ordinal)) return JsonValue.Create(rnd.Next(0, 101));
                return harvest.FieldValue(name, rnd) is JsonValue hv && hv.TryGetValue<long>(out var hl) ? JsonValue.Create(hl) : JsonValue.Create(rnd.Next(1, 30));
            case "number":
                return harvest.FieldValue(name, rnd) is JsonValue nv && nv.TryGetValue<decimal>(out var hd) ? JsonValue.Create(hd) : JsonValue.Create(Math.Round(rnd.NextDouble() * 10000, 2));
            case "boolean":
                return JsonValue.Create(rnd.Next(2) == 0);
            default:
                if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var en) && en.GetArrayLength() > 0)
                {
                    var choices = en.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).ToList();
                    if (choices.Count > 0) return JsonValue.Create(choices[rnd.Next(choices.Count)].GetString());
                }
                if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var fmt))
                {
                    switch (fmt.GetString())
                    {
                        case "date": return JsonValue.Create(RandomDate(rnd));
                        case "date-time": return JsonValue.Create(RandomDate(rnd) + "T10:00:00Z");
                        case "binary": return null;
                    }
                }
                if (rnd.Next(4) > 0 && harvest.FieldValue(name, rnd) is JsonValue sv && sv.TryGetValue<string>(out var hs)) return JsonValue.Create(hs);
                if (lower.Contains("email", StringComparison.Ordinal) || lower == "pec") return JsonValue.Create($"prova{rnd.Next(100000)}@example.org");
                if (lower.Contains("website", StringComparison.Ordinal) || lower.Contains("url", StringComparison.Ordinal)) return JsonValue.Create("https://www.example.org");
                if (lower.Contains("phone", StringComparison.Ordinal)) return JsonValue.Create("+39 02 " + rnd.Next(1000000, 9999999));
                if (lower.Contains("istat", StringComparison.Ordinal) || lower.Contains("municipalit", StringComparison.Ordinal)) return JsonValue.Create("015182");
                if (lower.Contains("zone", StringComparison.Ordinal)) return JsonValue.Create("nord-ovest");
                if (lower.Contains("sector", StringComparison.Ordinal)) return JsonValue.Create("ambiente");
                if (lower.Contains("date", StringComparison.Ordinal)) return JsonValue.Create(RandomDate(rnd));
                if (lower.Contains("code", StringComparison.Ordinal)) return JsonValue.Create("fz-" + rnd.Next(100000));
                return JsonValue.Create($"Testo di prova {rnd.Next(100000)}");
        }
    }
}
