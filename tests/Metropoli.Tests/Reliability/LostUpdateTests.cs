using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Reliability;

/// <summary>No lost updates: K parallel edits of one record that all carry the same version give exactly one
/// success and K−1 version conflicts (409/412 problem+json), and the stored record is the winner's. The
/// versioned endpoints are read from the OpenAPI document (every PUT/PATCH, which must answer 428 without
/// If-Match); each needs a <see cref="Case"/> saying where a record is and which field tells the racers apart,
/// so a new update endpoint fails here until it is covered.</summary>
// On PostgreSQL too: concurrency: the version check against parallel updates is the database's.
[Trait("Database", "Both")]
public sealed class LostUpdateTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const int K = 8;

    /// <param name="Url">The update to race.</param>
    /// <param name="ReadUrl">Where the record is read (version and stored content).</param>
    /// <param name="Pick">The record inside the ReadUrl answer, when it is not the whole answer.</param>
    /// <param name="Field">The request field each racer sets to its own value; read back from the record.</param>
    /// <param name="Value">Racer i's value of <paramref name="Field"/>.</param>
    /// <param name="Shape">Adjusts the body derived from the record (fields the read shape names differently).</param>
    private sealed record Case(string Who, string Url, string ReadUrl, string Field, Func<int, JsonNode> Value,
        Func<JsonElement, JsonElement>? Pick = null, Action<JsonObject, JsonElement>? Shape = null, string? ReadField = null);

    private static Func<int, JsonNode> Text(string prefix) { var run = Guid.NewGuid().ToString("N")[..6]; return i => JsonValue.Create($"{prefix} gara {run} n{i}")!; }

    private static Func<JsonElement, JsonElement> Item(string collection, string key, string value) =>
        e => (collection.Length == 0 ? e : e.GetProperty(collection)).EnumerateArray().First(x => x.GetProperty(key).ToString() == value);

    /// <summary>operation ("PUT /api/v1/…") → how to reach a record for it, in this database.</summary>
    private async Task<Dictionary<string, Func<Task<Case>>>> CasesAsync()
    {
        var admin = await fx.As(Demo.Admin);
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        async Task<JsonElement> Get(HttpClient c, string url) => await c.GetJson(url);
        async Task<long> Post(HttpClient c, string url, object body) =>
            (await (await c.PostAsync(url, Http.JsonBody(body))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        async Task<JsonElement> OpenPlan() =>
            (await Get(office, "/api/v1/plans?limit=100")).GetProperty("items").EnumerateArray().First(p => p.GetProperty("status").GetString() is not ("archived" or "archiviato"));
        async Task<JsonElement> FirstArea() => (await Get(office, $"/api/v1/plans/{(await OpenPlan()).GetProperty("id")}/areas")).GetProperty("items")
            .EnumerateArray().First(a => a.GetProperty("objectives").GetArrayLength() > 0);
        async Task<long> Action()
        {
            var plan = (await OpenPlan()).GetProperty("id").GetInt64();
            return (await Get(office, $"/api/v1/plan-actions?plan={plan}&limit=100")).GetProperty("items").EnumerateArray()
                .First(a => a.GetProperty("planId").GetInt64() == plan).GetProperty("id").GetInt64();
        }
        async Task<long> NewIndicator() => await Post(office, "/api/v1/indicators", new
        {
            actionId = await Action(), code = "G" + Random.Shared.Next(100000, 999999), name = "Indicatore della gara", unit = "numero",
            direction = "increase", baselineValue = 1, baselineYear = 2022, frequency = "annual", source = "Prova di concorrenza",
            targets = new[] { new { year = 2030, value = 100 } },
        });
        async Task<JsonElement> Agreement() =>
            (await Get(office, "/api/v1/agreements?limit=100")).GetProperty("items").EnumerateArray().First();
        async Task<long> NewObligation()
        {
            var a = await Get(office, $"/api/v1/agreements/{(await Agreement()).GetProperty("id")}");
            return await Post(office, $"/api/v1/agreements/{a.GetProperty("id")}/obligations", new
            {
                partyId = a.GetProperty("parties").EnumerateArray().First().GetProperty("id").GetInt64(),
                kind = "obligation", title = "Relazione della gara", description = "Da consegnare", dueDate = "2031-06-30",
            });
        }

        return new()
        {
            ["PUT /api/v1/funding-calls/{id}"] = async () =>
            {
                var id = (await Get(office, "/api/v1/funding-calls?limit=1")).GetProperty("items")[0].GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/funding-calls/{id}", $"/api/v1/funding-calls/{id}", "title", Text("Bando"));
            },
            ["PUT /api/v1/projects/{cup}/links"] = () => Task.FromResult(new Case(Demo.PlanOffice, "/api/v1/projects/E81B21010100006/links", "/api/v1/projects/E81B21010100006/links",
                "dupMission", i => JsonValue.Create($"{10 + i}")!, Shape: (body, _) =>
                {
                    (body["objectives"], body["actions"], body["agreements"], body["dupProgramme"]) = (new JsonArray(), new JsonArray(), new JsonArray(), null);
                })),
            ["PUT /api/v1/standard-acts/{id}"] = async () =>
            {
                var id = (await Get(office, "/api/v1/standard-acts?limit=1")).GetProperty("items")[0].GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/standard-acts/{id}", $"/api/v1/standard-acts/{id}", "title", Text("Atto tipo"));
            },
            ["PUT /api/v1/practices/{id}"] = async () =>
            {
                var id = await Modules.Knowledge.PracticesTests.DraftAsync(await fx.As(Demo.RhoOfficer), "Pratica della gara");
                return new(Demo.RhoOfficer, $"/api/v1/practices/{id}", $"/api/v1/practices/{id}", "title", Text("Pratica"),
                    Shape: (body, record) => body["actionIds"] = new JsonArray());
            },
            ["PUT /api/v1/services/{slug}"] = async () =>
            {
                var services = await Get(admin, "/api/v1/services");
                var slug = (services.ValueKind == JsonValueKind.Array ? services : services.GetProperty("items"))[0].GetProperty("slug").GetString();
                return new(Demo.Admin, $"/api/v1/services/{slug}", $"/api/v1/services/{slug}", "description", Text("Servizio"));
            },
            ["PUT /api/v1/procurements/{id}"] = async () =>
            {
                var id = (await Get(admin, "/api/v1/procurements?limit=1")).GetProperty("items")[0].GetProperty("id");
                return new(Demo.Admin, $"/api/v1/procurements/{id}", $"/api/v1/procurements/{id}", "object", Text("Procedura"),
                    Shape: (body, record) =>
                    {
                        if (record.TryGetProperty("municipalities", out var m) && m.ValueKind == JsonValueKind.Array)
                        {
                            body["municipalities"] = new JsonArray(m.EnumerateArray()
                                .Select(x => (JsonNode)JsonValue.Create(x.ValueKind == JsonValueKind.Object ? x.GetProperty("istatCode").GetString()! : x.GetString()!)!).ToArray());
                        }
                    });
            },
            ["PUT /api/v1/competitions/{id}"] = async () =>
            {
                var id = (await Get(admin, "/api/v1/competitions?limit=1")).GetProperty("items")[0].GetProperty("id");
                return new(Demo.Admin, $"/api/v1/competitions/{id}", $"/api/v1/competitions/{id}", "title", Text("Concorso"));
            },
            ["PUT /api/v1/meetings/{id}/minutes"] = async () =>
            {
                var bodies = await Get(office, "/api/v1/bodies");
                var forum = (bodies.ValueKind == JsonValueKind.Array ? bodies : bodies.GetProperty("items")).EnumerateArray()
                    .First(b => b.GetProperty("zoneCode").ValueKind == JsonValueKind.Null).GetProperty("id");
                var id = await Post(office, $"/api/v1/bodies/{forum}/meetings", new
                {
                    title = "Riunione della gara", startsAt = DateTimeOffset.UtcNow.AddDays(20), place = "Palazzo Isimbardi", agenda = "Ordine del giorno della gara",
                });
                return new(Demo.PlanOffice, $"/api/v1/meetings/{id}/minutes", $"/api/v1/meetings/{id}", "minutes", Text("Verbale"),
                    Shape: (body, _) => body["approve"] = false);
            },
            ["PUT /api/v1/proposals/{id}/answer"] = async () =>
            {
                var consultations = await Get(office, "/api/v1/consultations");
                foreach (var c in (consultations.ValueKind == JsonValueKind.Array ? consultations : consultations.GetProperty("items")).EnumerateArray())
                {
                    var detail = await Get(office, $"/api/v1/consultations/{c.GetProperty("id")}");
                    if (detail.TryGetProperty("proposals", out var proposals) && proposals.GetArrayLength() > 0)
                    {
                        var id = proposals[0].GetProperty("id");
                        return new(Demo.PlanOffice, $"/api/v1/proposals/{id}/answer", $"/api/v1/proposals/{id}", "reason", Text("Motivazione"),
                            Shape: (body, _) => { body["answer"] = "not-accepted"; body.Remove("objectiveId"); body.Remove("actionId"); }, ReadField: "answerReason");
                    }
                }
                throw new InvalidOperationException("No consultation with a proposal in the demo.");
            },
            ["PUT /api/v1/municipalities/{istatCode}/contacts"] = async () => new(Demo.Admin, $"/api/v1/municipalities/{Demo.Rho}/contacts",
                $"/api/v1/municipalities/{Demo.Rho}", "phone", i => JsonValue.Create($"02 {Random.Shared.Next(1000, 9999)}{i:000}")!),
            ["PUT /api/v1/zones/{code}/rotation"] = async () =>
            {
                var zones = await Get(admin, "/api/v1/zones");
                var zone = (zones.ValueKind == JsonValueKind.Array ? zones : zones.GetProperty("items")).EnumerateArray()
                    .First(z => !z.GetProperty("isCapoluogo").GetBoolean()).GetProperty("code").GetString();
                var members = (await Get(admin, $"/api/v1/zones/{zone}")).GetProperty("members").EnumerateArray()
                    .Select(m => (JsonNode)JsonValue.Create(m.GetProperty("istatCode").GetString()!)!).ToArray();
                return new(Demo.Admin, $"/api/v1/zones/{zone}/rotation", $"/api/v1/zones/{zone}/rotation", "termMonths", i => JsonValue.Create(6 + i)!,
                    Shape: (body, record) =>
                    {
                        body["startDate"] ??= "2026-01-01";
                        if (body["order"] is not JsonArray { Count: > 0 })
                        {
                            body["order"] = new JsonArray(members.Select(m => m.DeepClone()).ToArray());
                        }
                    });
            },
            ["PUT /api/v1/municipalities/{istatCode}/mayor"] = async () => new(Demo.Admin, $"/api/v1/municipalities/{Demo.Milano}/mayor",
                $"/api/v1/municipalities/{Demo.Milano}/mayor", "name", Text("Sindaco"),
                Shape: (body, _) => { body["termStart"] ??= "2021-10-18"; body["newTerm"] = false; }),
            ["PUT /api/v1/associations/{id}"] = async () =>
            {
                var id = await Post(admin, "/api/v1/associations", new
                {
                    name = "Unione della gara " + Guid.NewGuid().ToString("N")[..6], kind = "unione", validFrom = "2015-01-01", functions = new[] { "Polizia locale" },
                    act = "Atto di prova", members = new[] { new { istatCode = Demo.Rho, validFrom = "2015-01-01" } },
                });
                return new(Demo.Admin, $"/api/v1/associations/{id}", $"/api/v1/associations/{id}", "name", Text("Unione"));
            },
            ["PUT /api/v1/organizations/{id}"] = async () =>
            {
                var id = (await Get(admin, "/api/v1/organizations?limit=1")).GetProperty("items")[0].GetProperty("id");
                return new(Demo.Admin, $"/api/v1/organizations/{id}", $"/api/v1/organizations/{id}", "name", Text("Ente"));
            },
            ["PUT /api/v1/plans/{id}"] = async () =>
            {
                var id = (await OpenPlan()).GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/plans/{id}", $"/api/v1/plans/{id}", "description", Text("Piano"));
            },
            ["PUT /api/v1/plan-areas/{id}"] = async () =>
            {
                var id = (await FirstArea()).GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/plan-areas/{id}", $"/api/v1/plan-areas/{id}", "title", Text("Area"));
            },
            ["PUT /api/v1/plan-objectives/{id}"] = async () =>
            {
                var id = (await FirstArea()).GetProperty("objectives")[0].GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/plan-objectives/{id}", $"/api/v1/plan-objectives/{id}", "title", Text("Obiettivo"));
            },
            ["PUT /api/v1/plan-actions/{id}"] = async () =>
            {
                var id = await Action();
                return new(Demo.PlanOffice, $"/api/v1/plan-actions/{id}", $"/api/v1/plan-actions/{id}", "description", Text("Azione"));
            },
            ["PUT /api/v1/plan-actions/{id}/progress"] = async () =>
            {
                var id = await Action();
                return new(Demo.PlanOffice, $"/api/v1/plan-actions/{id}/progress", $"/api/v1/plan-actions/{id}", "narrative", Text("Avanzamento"),
                    Shape: (body, _) => { if (body["status"]?.ToString() is "planned" or null) { body["status"] = "in-progress"; } });
            },
            ["PUT /api/v1/indicators/{id}"] = async () =>
            {
                var id = await NewIndicator();
                return new(Demo.PlanOffice, $"/api/v1/indicators/{id}", $"/api/v1/indicators/{id}", "description", Text("Indicatore"));
            },
            ["PUT /api/v1/measurements/{id}"] = async () =>
            {
                var indicator = await NewIndicator();
                var id = await Post(office, $"/api/v1/indicators/{indicator}/measurements", new { period = "2024", value = 10, note = "prima" });
                return new(Demo.PlanOffice, $"/api/v1/measurements/{id}", $"/api/v1/indicators/{indicator}/measurements", "note", Text("Nota"),
                    Pick: Item("items", "id", id.ToString()));
            },
            ["PUT /api/v1/plans/{id}/indicator-thresholds"] = async () =>
            {
                var id = (await OpenPlan()).GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/plans/{id}/indicator-thresholds", $"/api/v1/plans/{id}/indicator-thresholds", "onTrack",
                    i => JsonValue.Create(70 + i)!, Shape: (body, _) => body["atRisk"] = 40);
            },
            ["PUT /api/v1/campaign-tasks/{id}/report"] = async () =>
            {
                var mine = await Get(sector, "/api/v1/campaign-tasks/mine?limit=100");
                var task = (mine.ValueKind == JsonValueKind.Array ? mine : mine.GetProperty("items")).EnumerateArray().First();
                var id = task.GetProperty("id");
                return new(Demo.Sector, $"/api/v1/campaign-tasks/{id}/report", $"/api/v1/campaign-tasks/{id}", "narrative", Text("Relazione"),
                    Shape: (body, _) => { body["status"] = "on-track"; body["progress"] = 40; });
            },
            ["PUT /api/v1/agreements/{id}"] = async () =>
            {
                var id = (await Agreement()).GetProperty("id");
                return new(Demo.PlanOffice, $"/api/v1/agreements/{id}", $"/api/v1/agreements/{id}", "subject", Text("Oggetto"));
            },
            ["PUT /api/v1/agreement-obligations/{id}"] = async () =>
            {
                var id = await NewObligation();
                return new(Demo.PlanOffice, $"/api/v1/agreement-obligations/{id}", $"/api/v1/agreement-obligations/{id}", "description", Text("Obbligo"));
            },
            ["PUT /api/v1/agreement-obligations/{id}/status"] = async () =>
            {
                var id = await NewObligation();
                return new(Demo.PlanOffice, $"/api/v1/agreement-obligations/{id}/status", $"/api/v1/agreement-obligations/{id}", "evidenceNote", Text("Evidenza"),
                    Shape: (body, _) => { body["status"] = "done"; body["completedOn"] = "2026-01-15"; });
            },
            ["PUT /api/v1/agreement-meetings/{id}"] = async () =>
            {
                var a = await Get(office, $"/api/v1/agreements/{(await Agreement()).GetProperty("id")}");
                var withMeeting = (await Get(office, "/api/v1/agreements?limit=100")).GetProperty("items").EnumerateArray()
                    .Select(x => x.GetProperty("id").GetInt64()).ToList();
                foreach (var agreementId in withMeeting)
                {
                    var detail = await Get(office, $"/api/v1/agreements/{agreementId}");
                    foreach (var body in detail.GetProperty("bodies").EnumerateArray())
                    {
                        if (body.TryGetProperty("meetings", out var meetings) && meetings.GetArrayLength() > 0)
                        {
                            var id = meetings[0].GetProperty("id").GetInt64();
                            return new(Demo.PlanOffice, $"/api/v1/agreement-meetings/{id}", $"/api/v1/agreements/{agreementId}", "minutes", Text("Verbale"),
                                Pick: e => e.GetProperty("bodies").EnumerateArray().SelectMany(b => b.GetProperty("meetings").EnumerateArray()).First(m => m.GetProperty("id").GetInt64() == id));
                        }
                    }
                }
                throw new InvalidOperationException($"No meeting in the demo agreements (first: {a.GetProperty("id")}).");
            },
            ["PUT /api/v1/agreement-themes/{code}"] = async () =>
            {
                var theme = (await Get(office, "/api/v1/agreement-themes")) is var t && t.ValueKind == JsonValueKind.Array ? t[0] : t.GetProperty("items")[0];
                var code = theme.GetProperty("code").GetString()!;
                return new(Demo.Admin, $"/api/v1/agreement-themes/{code}", "/api/v1/agreement-themes", "name", Text("Tema"),
                    Pick: e => (e.ValueKind == JsonValueKind.Array ? e : e.GetProperty("items")).EnumerateArray().First(x => x.GetProperty("code").GetString() == code));
            },
        };
    }

    [Fact]
    public async Task K_parallel_updates_with_one_version_give_one_success_and_K_minus_1_conflicts_on_every_versioned_endpoint()
    {
        var openApi = await fx.App.Anonymous().GetJson("/openapi/v1.json");
        var operations = VersionedUpdates(openApi).ToList();
        var cases = await CasesAsync();
        Assert.True(operations.Count >= 15, $"Only {operations.Count} PUT/PATCH operations found in the OpenAPI document.");
        var missing = operations.Where(o => !cases.ContainsKey(o.Key)).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "Update endpoints without a lost-update case here (add one to CasesAsync):\n" + string.Join("\n", missing));
        var stale = cases.Keys.Except(operations.Select(o => o.Key)).ToList();
        Assert.True(stale.Count == 0, "Cases for operations no longer in the OpenAPI document:\n" + string.Join("\n", stale));
        var unguarded = operations.Where(o => !o.Value.GetProperty("responses").TryGetProperty("428", out _)).Select(o => o.Key).ToList();
        Assert.True(unguarded.Count == 0, "Updates that do not require If-Match (428), so nothing stops a lost update:\n" + string.Join("\n", unguarded));

        var failures = new List<string>();
        foreach (var (op, definition) in operations)
        {
            try
            {
                await RaceAsync(op, await cases[op](), RequestProperties(openApi, definition));
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or InvalidOperationException or KeyNotFoundException or JsonException)
            {
                failures.Add($"{op}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {operations.Count} endpoints lose updates or could not be raced:\n" + string.Join("\n\n", failures));
    }

    private async Task RaceAsync(string op, Case c, IReadOnlyDictionary<string, JsonElement> properties)
    {
        var client = await fx.As(c.Who);
        var (record, version) = await ReadAsync(client, c);
        var bodies = Enumerable.Range(0, K).Select(i =>
        {
            var body = Derive(record, properties);
            c.Shape?.Invoke(body, record);
            body[c.Field] = c.Value(i);
            return body.ToJsonString();
        }).ToArray();
        var method = new HttpMethod(op.Split(' ')[0]);
        using var go = new SemaphoreSlim(0);
        var racers = bodies.Select(async body =>
        {
            var request = new HttpRequestMessage(method, c.Url) { Content = Http.RawJson(body) };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            await go.WaitAsync();
            var response = await client.SendAsync(request);
            return (Status: (int)response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Text: await response.Content.ReadAsStringAsync());
        }).ToArray();
        go.Release(K);
        var answers = await Task.WhenAll(racers);
        var summary = string.Join("; ", answers.Select((a, i) => $"n{i}: {a.Status}" + (a.Status is >= 200 and < 300 ? "" : " " + Trim(a.Text))));
        var winners = Enumerable.Range(0, K).Where(i => answers[i].Status is >= 200 and < 300).ToList();
        Assert.True(winners.Count == 1, $"{winners.Count} successes out of {K} with version {version}: {summary}");
        var losers = answers.Where((_, i) => i != winners[0]).ToList();
        Assert.True(losers.All(a => a.Status is 409 or 412 && a.Type == "application/problem+json"), $"Not all losers got a 409/412 problem: {summary}");

        var (after, newVersion) = await ReadAsync(client, c);
        var stored = after.GetProperty(c.ReadField ?? c.Field);
        var expected = JsonNode.Parse(bodies[winners[0]])![c.Field]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.GetRawText()), expected),
            $"Stored {c.Field} is {stored.GetRawText()}, the winner (n{winners[0]}) sent {expected.ToJsonString()}");
        Assert.True(newVersion == version + 1, $"Version went from {version} to {newVersion} after one successful update.");
    }

    private async Task<(JsonElement Record, int Version)> ReadAsync(HttpClient client, Case c)
    {
        var response = await client.GetAsync(c.ReadUrl);
        if (response.StatusCode == HttpStatusCode.NotFound && c.ReadUrl == c.Url)
        {
            // Nothing yet (a Comune without a mayor): the first save is made with version 0, and races too.
            return (JsonDocument.Parse("{}").RootElement, 0);
        }
        var all = await response.ShouldBe(HttpStatusCode.OK);
        var record = c.Pick?.Invoke(all) ?? all;
        var version = record.TryGetProperty("version", out var v) ? v.GetInt32()
            : int.Parse(response.Headers.ETag?.Tag.Trim('"') ?? throw new InvalidOperationException($"{c.ReadUrl} has neither a version nor an ETag."));
        return (record, version);
    }

    /// <summary>The request body a client would send after reading the record: each request property from the
    /// record's field of the same name; "xId"/"xIds" from the record's x / xs objects' ids; string lists from objects' codes.</summary>
    private static JsonObject Derive(JsonElement record, IReadOnlyDictionary<string, JsonElement> properties)
    {
        var body = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            JsonNode? value = null;
            if (record.TryGetProperty(name, out var same) && same.ValueKind != JsonValueKind.Null)
            {
                value = same.ValueKind == JsonValueKind.Array && ItemType(schema) is "string" or "integer"
                    ? new JsonArray(same.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object ? Key(x) : JsonNode.Parse(x.GetRawText())).ToArray())
                    : same.ValueKind == JsonValueKind.Object ? null : JsonNode.Parse(same.GetRawText());
            }
            else if (name.EndsWith("Ids", StringComparison.Ordinal) && ArrayOf(record, name[..^3] + "s") is { } list)
            {
                value = new JsonArray(list.Select(x => x.TryGetProperty("id", out var id) ? JsonNode.Parse(id.GetRawText()) : null).ToArray());
            }
            else if (name.EndsWith("Id", StringComparison.Ordinal) && record.TryGetProperty(name[..^2], out var parent)
                && parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty("id", out var parentId))
            {
                value = JsonNode.Parse(parentId.GetRawText());
            }
            if (value is not null)
            {
                body[name] = value;
            }
        }
        return body;
    }

    private static IEnumerable<JsonElement>? ArrayOf(JsonElement record, string stem)
    {
        // partnerOrganisationIds ← partners, objectiveIds ← objectives.
        foreach (var p in record.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Array && (p.NameEquals(stem) || stem.StartsWith(p.Name.TrimEnd('s'), StringComparison.Ordinal)))
            {
                return p.Value.EnumerateArray();
            }
        }
        return null;
    }

    private static JsonNode? Key(JsonElement o)
    {
        foreach (var k in new[] { "code", "istatCode", "id", "name" })
        {
            if (o.TryGetProperty(k, out var v))
            {
                return JsonNode.Parse(v.GetRawText());
            }
        }
        return null;
    }

    private static string? ItemType(JsonElement schema) =>
        schema.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static IEnumerable<KeyValuePair<string, JsonElement>> VersionedUpdates(JsonElement openApi)
    {
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "put" or "patch")
                {
                    yield return new($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value);
                }
            }
        }
    }

    private static IReadOnlyDictionary<string, JsonElement> RequestProperties(JsonElement openApi, JsonElement operation)
    {
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        if (schema.TryGetProperty("$ref", out var r))
        {
            schema = openApi.GetProperty("components").GetProperty("schemas").GetProperty(r.GetString()!.Split('/')[^1]);
        }
        return schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
    }

    private static string Trim(string s) => s.Length > 240 ? s[..240] + "…" : s;

    /// <summary>The same race through the organisation's edit form (hidden Version field): one save goes
    /// through, the others get the form back with the conflict message, and the name is the winner's.</summary>
    [Fact]
    public async Task K_parallel_form_saves_with_one_version_give_one_save_and_K_minus_1_conflict_pages()
    {
        var admin = await fx.As(Demo.Admin);
        var id = (await admin.GetJson("/api/v1/organizations?limit=1&offset=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var before = await admin.GetJson($"/api/v1/organizations/{id}");
        var browser = await fx.App.SignedIn(Demo.Admin);
        var page = $"/organizzazioni/{id}/modifica";
        var html = await browser.Html(page);
        var token = Forms.AntiforgeryToken(html)!;
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\"[^>]*value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Version\"");
        Assert.True(version.Success, "The edit form carries no Version hidden field.");
        var formVersion = version.Groups[1].Success ? version.Groups[1].Value : version.Groups[2].Value;
        Assert.Equal(before.GetProperty("version").GetInt32().ToString(), formVersion);
        var run = Guid.NewGuid().ToString("N")[..6];
        string NameOf(int i) => $"Ente dal modulo {run} n{i}";
        using var go = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, K).Select(async i =>
        {
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Version"] = formVersion,
                ["Input.Name"] = NameOf(i),
                ["Input.Type"] = before.GetProperty("type").GetString()!,
                ["Input.FiscalCode"] = before.GetProperty("fiscalCode").GetString() ?? "",
                ["Input.City"] = before.GetProperty("city").GetString() ?? "",
                ["Input.MunicipalityIstat"] = before.GetProperty("municipalityIstat").GetString() ?? "",
                ["Input.VatNumber"] = before.GetProperty("vatNumber").GetString() ?? "",
            };
            await go.WaitAsync();
            var response = await browser.PostAsync(page, new FormUrlEncodedContent(fields));
            return ((int)response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }).ToArray();
        go.Release(K);
        var answers = await Task.WhenAll(racers);
        var summary = string.Join("; ", answers.Select((a, i) => $"n{i}: {a.Item1}"));
        var winners = Enumerable.Range(0, K).Where(i => answers[i].Item1 == 302).ToList();
        Assert.True(winners.Count == 1, $"{winners.Count} saves out of {K}: {summary}");
        Assert.All(answers.Where((_, i) => i != winners[0]), a => Assert.Contains("Nel frattempo un altro utente ha modificato", a.Item2));
        var after = await admin.GetJson($"/api/v1/organizations/{id}");
        Assert.Equal(NameOf(winners[0]), after.GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
    }
}
