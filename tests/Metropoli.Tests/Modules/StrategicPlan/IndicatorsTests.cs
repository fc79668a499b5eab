using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Measurements;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Evidence files go to a folder of the test run, not to the project's data folder.</summary>
public sealed class IndicatorsFixture : AppFixture
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "metropoli-ind-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:DataFolder"] = DataFolder };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, true);
    }
}

/// <summary>Indicators and the measurement workflow through the API: submit → validate → public; reject
/// never public; sector permissions; evidence files; versions; the all-or-nothing import.</summary>
// On PostgreSQL too: StrategicPlan smoke: LIKE search, review transactions and the bulk (COPY) measurement import.
[Trait("Database", "Both")]
public sealed class IndicatorsTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    /// <summary>An action of the approved demo plan owned by the sector ("ambiente" is the demo sector officer's).</summary>
    private Task<(long Plan, long Action)> DemoActionAsync(string sector = "ambiente") => fx.App.WithDb(async db =>
    {
        var r = await (from a in db.Set<PlanAction>()
                       join p in db.Set<Plan>() on a.PlanId equals p.Id
                       where p.Name == PlanDemo.CurrentName && a.OwnerSector == sector
                       orderby a.Id
                       select new { a.PlanId, a.Id }).FirstAsync();
        return (r.PlanId, r.Id);
    });

    private async Task<(long Id, long Plan, string Code)> CreateIndicatorAsync(string sector = "ambiente", string frequency = "annual")
    {
        var (plan, action) = await DemoActionAsync(sector);
        var code = "T" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var office = await fx.As(Demo.PlanOffice);
        var created = await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = action, code, name = "Alberi messi a dimora (prova)", unit = "numero", direction = "increase",
            baselineValue = 1000, baselineYear = 2022, frequency, source = "Settore ambiente",
            targets = new[] { new { year = 2023, value = 5000 }, new { year = 2024, value = 11000 } },
        }))).ShouldBe(HttpStatusCode.Created);
        return (created.GetProperty("id").GetInt64(), plan, code);
    }

    private static async Task<long> SubmitAsync(HttpClient client, long indicator, string period, decimal value)
    {
        var body = await (await client.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period, value, note = "prova" })))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> PostWithVersion(HttpClient client, string url, int version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Submitted_then_validated_value_becomes_public_with_its_achievement()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var sector = await fx.As(Demo.Sector);
        var measurement = await SubmitAsync(sector, id, "2023", 3000);

        var anonymous = fx.App.Anonymous();
        Assert.Empty(Items(await anonymous.GetJson($"/api/v1/indicators/{id}/measurements")));
        var before = await anonymous.GetJson($"/api/v1/indicators/{id}");
        Assert.Equal("no-data", before.GetProperty("status").GetString());
        // The list, read before the validation (it is cached for everyone outside the plan office), shows no
        // pending count to the public and the pending value to the plan office.
        var listUrl = $"/api/v1/indicators?action={before.GetProperty("actionId").GetInt64()}&limit=200";
        var publicRow = Assert.Single(Items(await anonymous.GetJson(listUrl)), i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal(("no-data", 0), (publicRow.GetProperty("status").GetString(), publicRow.GetProperty("pending").GetInt32()));

        var office = await fx.As(Demo.PlanOffice);
        Assert.Equal(1, Assert.Single(Items(await office.GetJson(listUrl)), i => i.GetProperty("id").GetInt64() == id).GetProperty("pending").GetInt32());
        Assert.Contains(Items(await office.GetJson("/api/v1/measurements/pending?limit=200")), m => m.GetProperty("id").GetInt64() == measurement);
        await (await PostWithVersion(office, $"/api/v1/measurements/{measurement}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);

        var list = Items(await anonymous.GetJson($"/api/v1/indicators/{id}/measurements"));
        Assert.Equal(3000m, Assert.Single(list).GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("submittedAt").ValueKind);
        var after = await anonymous.GetJson($"/api/v1/indicators/{id}");
        // (3000 − 1000) / (5000 − 1000) = 50%: below the default 60% at-risk threshold.
        Assert.Equal(50m, after.GetProperty("achievement").GetDecimal());
        Assert.Equal("off-track", after.GetProperty("status").GetString());
        var row = Assert.Single(Items(await anonymous.GetJson($"/api/v1/indicators?action={after.GetProperty("actionId").GetInt64()}&limit=200")),
            i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal(50m, row.GetProperty("achievement").GetDecimal());
    }

    [Fact]
    public async Task A_newer_validated_value_supersedes_the_earlier_one_and_history_is_kept()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var first = await SubmitAsync(office, id, "2024", 6000);
        await (await PostWithVersion(await fx.As(Demo.Admin), $"/api/v1/measurements/{first}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);
        var second = await SubmitAsync(office, id, "2024", 11000);
        await (await PostWithVersion(await fx.As(Demo.Admin), $"/api/v1/measurements/{second}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);

        var all = Items(await office.GetJson($"/api/v1/indicators/{id}/measurements"));
        Assert.Equal("superseded", all.Single(m => m.GetProperty("id").GetInt64() == first).GetProperty("status").GetString());
        var visible = Items(await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}/measurements"));
        Assert.Equal(second, Assert.Single(visible).GetProperty("id").GetInt64());
        var detail = await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}");
        Assert.Equal(100m, detail.GetProperty("achievement").GetDecimal());
        Assert.Equal("on-track", detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_rejected_value_is_never_public_needs_a_reason_and_can_be_corrected()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var sector = await fx.As(Demo.Sector);
        var office = await fx.As(Demo.PlanOffice);
        var m = await SubmitAsync(sector, id, "2023", 999999);

        var noReason = await (await PostWithVersion(office, $"/api/v1/measurements/{m}/rejection", 1, new { reason = " " })).ShouldBeProblem(422);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await PostWithVersion(office, $"/api/v1/measurements/{m}/rejection", 1, new { reason = "Valore fuori scala" })).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty(Items(await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}/measurements")));
        Assert.Equal("no-data", (await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}")).GetProperty("status").GetString());
        var seen = Items(await sector.GetJson($"/api/v1/indicators/{id}/measurements")).Single();
        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        Assert.Equal("Valore fuori scala", seen.GetProperty("rejectionReason").GetString());
        // A rejected value cannot be validated as it is…
        await (await PostWithVersion(office, $"/api/v1/measurements/{m}/validation", 2)).ShouldBeProblem(409);

        // …but its sector corrects it and sends it back.
        await (await sector.PutJson($"/api/v1/measurements/{m}", new { period = "2023", value = 4200, note = "corretto" }, "\"2\"")).ShouldBe(HttpStatusCode.NoContent);
        await (await PostWithVersion(office, $"/api/v1/measurements/{m}/validation", 3)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(4200m, Items(await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}/measurements")).Single().GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_sector_officer_of_another_sector_cannot_submit_or_review()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var user = await fx.App.CreateUserAsync(Roles.SectorOfficer, sector: "mobilita");
        var other = fx.App.WithToken(await fx.App.TokenFor(user.Email!));
        await (await other.PostAsync($"/api/v1/indicators/{id}/measurements", Http.JsonBody(new { period = "2023", value = 1 }))).ShouldBeProblem(403);
        var m = await SubmitAsync(await fx.As(Demo.Sector), id, "2024", 7000);
        await (await PostWithVersion(other, $"/api/v1/measurements/{m}/validation", 1)).ShouldBeProblem(403);
        await (await PostWithVersion(await fx.As(Demo.Sector), $"/api/v1/measurements/{m}/validation", 1)).ShouldBeProblem(403);
        await (await fx.App.Anonymous().PostAsync($"/api/v1/indicators/{id}/measurements", Http.JsonBody(new { period = "2023", value = 1 }))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Periods_must_match_the_frequency_and_one_value_waits_per_period()
    {
        var (id, _, _) = await CreateIndicatorAsync(frequency: "quarterly");
        var office = await fx.As(Demo.PlanOffice);
        var bad = await (await office.PostAsync($"/api/v1/indicators/{id}/measurements", Http.JsonBody(new { period = "2024", value = 1 }))).ShouldBeProblem(422);
        Assert.Contains("2024-Q3", bad.GetProperty("errors").GetProperty("period")[0].GetString());
        await SubmitAsync(office, id, "2024-q2", 10);
        await (await office.PostAsync($"/api/v1/indicators/{id}/measurements", Http.JsonBody(new { period = "2024-Q2", value = 11 }))).ShouldBeProblem(409);
    }

    [Fact]
    public async Task A_stale_if_match_gives_409_and_a_missing_one_428()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var response = await office.GetAsync($"/api/v1/indicators/{id}");
        var etag = response.Headers.ETag!.Tag;
        var detail = await response.ShouldBe(HttpStatusCode.OK);
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(detail.GetRawText())!;
        body["name"] = JsonDocument.Parse("\"Nuovo nome (prova)\"").RootElement;
        await (await office.PutJson($"/api/v1/indicators/{id}", body, etag)).ShouldBe(HttpStatusCode.NoContent);
        var conflict = await (await office.PutJson($"/api/v1/indicators/{id}", body, etag)).ShouldBeProblem(409);
        Assert.Equal(2, conflict.GetProperty("currentVersion").GetInt32());
        await (await office.PutJson($"/api/v1/indicators/{id}", body, null)).ShouldBeProblem(428);
        var m = await SubmitAsync(office, id, "2023", 2000);
        await (await PostWithVersion(office, $"/api/v1/measurements/{m}/validation", 7)).ShouldBeProblem(409);
    }

    [Fact]
    public async Task Indicator_definitions_are_checked_and_only_the_plan_office_defines_them()
    {
        var (_, action) = await DemoActionAsync();
        var office = await fx.As(Demo.PlanOffice);
        var problem = await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = action, code = "R1", name = "Intervallo", unit = "µg/m³", direction = "range", lowerBound = 50, upperBound = 20, frequency = "weekly",
        }))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("upperBound", out _));
        Assert.True(errors.TryGetProperty("frequency", out _));
        await (await (await fx.As(Demo.Sector)).PostAsync("/api/v1/indicators", Http.JsonBody(new { actionId = action }))).ShouldBeProblem(403);
    }

    private static MultipartFormDataContent Form(string period, string value, byte[]? file = null, string fileName = "verbale.pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(period), "period" }, { new StringContent(value), "value" } };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "evidence", fileName);
        }
        return form;
    }

    [Fact]
    public async Task Evidence_is_checked_stored_outside_the_web_root_and_served_only_to_the_workflow()
    {
        var (id, _, _) = await CreateIndicatorAsync();
        var sector = await fx.As(Demo.Sector);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% prova\n");

        var wrongType = await (await sector.PostAsync($"/api/v1/indicators/{id}/measurements", Form("2023", "10", pdf, "script.exe"))).ShouldBeProblem(422);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("evidence", out _));
        await (await sector.PostAsync($"/api/v1/indicators/{id}/measurements", Form("2023", "10", Encoding.ASCII.GetBytes("<html>"), "finto.pdf"))).ShouldBeProblem(422);
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(tooBig);
        await (await sector.PostAsync($"/api/v1/indicators/{id}/measurements", Form("2023", "10", tooBig))).ShouldBeProblem(422);

        var created = await (await sector.PostAsync($"/api/v1/indicators/{id}/measurements", Form("2023", "10,5", pdf, "../../Verbale finale.PDF"))).ShouldBe(HttpStatusCode.Created);
        var m = created.GetProperty("id").GetInt64();
        Assert.Equal(10.5m, created.GetProperty("value").GetDecimal());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), created.GetProperty("evidenceSha256").GetString());
        var stored = await fx.App.WithDb(db => db.Set<Measurement>().Where(x => x.Id == m).Select(x => x.EvidenceStoredName!).SingleAsync());
        Assert.True(File.Exists(Path.Combine(fx.DataFolder, "evidence", stored)));

        var download = await sector.GetAsync($"/api/v1/measurements/{m}/evidence");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Verbale_finale.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.OK, (await (await fx.As(Demo.PlanOffice)).GetAsync($"/api/v1/measurements/{m}/evidence")).StatusCode);

        await (await fx.App.Anonymous().GetAsync($"/api/v1/measurements/{m}/evidence")).ShouldBeProblem(401);
        var user = await fx.App.CreateUserAsync(Roles.SectorOfficer, sector: "mobilita");
        await (await fx.App.WithToken(await fx.App.TokenFor(user.Email!)).GetAsync($"/api/v1/measurements/{m}/evidence")).ShouldBeProblem(403);
        await (await sector.GetAsync("/api/v1/measurements/999999999/evidence")).ShouldBeProblem(404);
    }

    private static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>Rows for monthly indicators, one value per month from 1990 on, <paramref name="perIndicator"/> each.</summary>
    private static string MonthlyCsv(IReadOnlyList<string> codes, int perIndicator, int? badLine = null)
    {
        var sb = new StringBuilder("indicator_code,period,value,note\n");
        var line = 1;
        foreach (var code in codes)
        {
            for (var k = 0; k < perIndicator; k++)
            {
                line++;
                var period = $"{1990 + k / 12}-{k % 12 + 1:00}";
                sb.Append(line == badLine ? "NOPE" : code).Append(',').Append(period).Append(',').Append(1000 + k).Append(".5,").Append(k % 50 == 0 ? "\"nota, con virgola\"" : "").Append('\n');
            }
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Import_of_twenty_thousand_rows_through_the_command_line_saves_them_all_with_one_audit_entry()
    {
        var codes = new List<string>();
        long plan = 0;
        for (var i = 0; i < 16; i++)
        {
            var (_, p, code) = await CreateIndicatorAsync(frequency: "monthly");
            codes.Add(code);
            plan = p;
        }
        var file = Path.Combine(fx.DataFolder, "misure-20000.csv");
        Directory.CreateDirectory(fx.DataFolder);
        await File.WriteAllTextAsync(file, MonthlyCsv(codes, 1250));
        var before = await fx.App.WithDb(db => db.Set<Measurement>().CountAsync());

        Assert.Equal(0, await CliRunner.RunAsync(fx.Database, "import", "measurements", "--file", file, "--plan", plan.ToString(CultureInfo.InvariantCulture), "--email", Demo.PlanOffice));

        var (count, submitted, withNote, audit) = await fx.App.WithDb(async db =>
        {
            var ids = await db.Set<Indicator>().Where(i => codes.Contains(i.Code)).Select(i => i.Id).ToListAsync();
            var rows = db.Set<Measurement>().Where(m => ids.Contains(m.IndicatorId));
            var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.EntityType == ImportMeasurements.AuditEntityType);
            return (await rows.CountAsync(), await rows.CountAsync(m => m.Status == MeasurementStatuses.Submitted),
                await rows.CountAsync(m => m.Note == "nota, con virgola"), entry);
        });
        Assert.Equal(20_000, count);
        Assert.Equal(20_000, submitted);
        Assert.Equal(16 * 25, withNote);
        Assert.Equal(before + 20_000, await fx.App.WithDb(db => db.Set<Measurement>().CountAsync()));
        using var summary = JsonDocument.Parse(audit.After!);
        Assert.Equal(20_000, summary.RootElement.GetProperty("Rows").GetInt64());
        Assert.Equal(Demo.PlanOffice, audit.UserName);
        Assert.Equal(0, await CliRunner.RunAsync(fx.Database, "audit", "verify"));
        // The new values wait for validation like any other: the queue shows them.
        var queue = await (await fx.As(Demo.PlanOffice)).GetAsync("/piano/misurazioni/da-validare");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task One_bad_row_among_thousands_imports_nothing_and_is_named_by_its_line()
    {
        var (id, plan, code) = await CreateIndicatorAsync(frequency: "monthly");
        var (id2, _, code2) = await CreateIndicatorAsync(frequency: "monthly");
        var (_, _, code3) = await CreateIndicatorAsync(frequency: "monthly");
        var (_, _, code4) = await CreateIndicatorAsync(frequency: "monthly");
        var office = await fx.As(Demo.PlanOffice);
        var csv = MonthlyCsv([code, code2, code3, code4], 1200, badLine: 3_777);
        var problem = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(csv))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Single(errors);
        Assert.Equal(3_777, errors[0].GetProperty("line").GetInt32());
        Assert.Equal("indicator_code", errors[0].GetProperty("column").GetString());
        Assert.Empty(Items(await office.GetJson($"/api/v1/indicators/{id}/measurements")));
        Assert.Empty(Items(await office.GetJson($"/api/v1/indicators/{id2}/measurements")));

        // The same file without the bad row goes in whole, through the API (within its 5,000-row limit).
        var good = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(MonthlyCsv([code, code2, code3, code4], 1200)))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4_800, good.GetProperty("imported").GetInt32());
        // A second import of the same periods collides with the values still waiting for review, each named by its line.
        var again = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(MonthlyCsv([code], 3)))).ShouldBeProblem(422);
        Assert.Equal([2, 3, 4], again.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Import_is_all_or_nothing_and_reports_every_bad_row_by_line()
    {
        var (id, plan, code) = await CreateIndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var bad = "indicator_code,period,value,note\n"
            + $"{code},2023,4000,ok\n"
            + "NOPE,2023,1,\n"
            + "\n"
            + $"{code},2023-Q1,5,\n"
            + $"{code},2024,\"note\nsu due righe\",x\n"
            + $"{code},2023,4100,ripetuto\n";
        var problem = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(bad))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "indicator_code"), (5, "period"), (6, "value"), (8, "period")], errors);
        Assert.Empty(Items(await office.GetJson($"/api/v1/indicators/{id}/measurements")));

        var good = $"indicator_code,period,value,note\n{code.ToLowerInvariant()},2023,4000,primo\n{code},2024,\"8500,5\",secondo\n";
        var imported = await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(good))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        var rows = Items(await office.GetJson($"/api/v1/indicators/{id}/measurements"));
        Assert.All(rows, r => Assert.Equal("submitted", r.GetProperty("status").GetString()));
        Assert.Contains(rows, r => r.GetProperty("value").GetDecimal() == 8500.5m);

        await (await (await fx.As(Demo.Sector)).PostAsync($"/api/v1/measurements/import?plan={plan}", Csv(good))).ShouldBeProblem(403);
        var wrongType = new StringContent(good, Encoding.UTF8, "application/json");
        await (await office.PostAsync($"/api/v1/measurements/import?plan={plan}", wrongType)).ShouldBeProblem(415);
    }

    [Fact]
    public async Task Thresholds_are_per_plan_and_change_the_status()
    {
        var (id, plan, _) = await CreateIndicatorAsync();
        var office = await fx.As(Demo.PlanOffice);
        var m = await SubmitAsync(office, id, "2023", 3000);
        await (await PostWithVersion(await fx.As(Demo.Admin), $"/api/v1/measurements/{m}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);
        var current = await office.GetAsync($"/api/v1/plans/{plan}/indicator-thresholds");
        var etag = current.Headers.ETag!.Tag;
        await (await office.PutJson($"/api/v1/plans/{plan}/indicator-thresholds", new { onTrack = 50, atRisk = 60 }, etag)).ShouldBeProblem(422);
        await (await office.PutJson($"/api/v1/plans/{plan}/indicator-thresholds", new { onTrack = 50, atRisk = 30 }, etag)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("on-track", (await fx.App.Anonymous().GetJson($"/api/v1/indicators/{id}")).GetProperty("status").GetString());
        var latest = (await office.GetAsync($"/api/v1/plans/{plan}/indicator-thresholds")).Headers.ETag!.Tag;
        await (await office.PutJson($"/api/v1/plans/{plan}/indicator-thresholds", new { onTrack = 90, atRisk = 60 }, latest)).ShouldBe(HttpStatusCode.NoContent);
    }
}

/// <summary>The pages of indicators and measurements, as a browser without JavaScript uses them.</summary>
public sealed class IndicatorPagesTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    private Task<long> DemoIndicatorAsync(string code) =>
        fx.App.WithDb(db => db.Set<Indicator>().Where(i => i.Code == code).Select(i => i.Id).SingleAsync());

    private async Task<HttpClient> LoggedIn(string email)
    {
        var client = fx.App.Anonymous();
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Demo_indicators_show_validated_values_publicly_and_never_the_rejected_one()
    {
        var pm10 = await DemoIndicatorAsync("IND-D3.1.2-A");
        var html = await fx.App.Anonymous().Html($"/piano/indicatori/{pm10}");
        Assert.Contains("Concentrazione media annua di PM10", html);
        Assert.Contains("2023", html);
        Assert.DoesNotContain("mg/m³", html);
        Assert.DoesNotContain("Valori in lavorazione", html);
        var action = await fx.App.WithDb(db => db.Set<Indicator>().Where(i => i.Id == pm10).Select(i => i.ActionId!.Value).SingleAsync());
        Assert.Contains($"/piano/indicatori/{pm10}", await fx.App.Anonymous().Html($"/piano/azioni/{action}"));
    }

    [Fact]
    public async Task The_sector_submits_with_the_form_and_the_plan_office_validates_from_the_queue()
    {
        var trees = await DemoIndicatorAsync("IND-D2.1.1-A");
        var sector = await LoggedIn(Demo.Sector);
        var bad = await sector.SubmitAsync($"/piano/indicatori/{trees}/misurazioni/nuova", [("Input.Period", "2025-Q1"), ("Input.Value", "abc")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("non è un numero", badHtml);
        var ok = await sector.SubmitAsync($"/piano/indicatori/{trees}/misurazioni/nuova", [("Input.Period", "2025"), ("Input.Value", "26000"), ("Input.Note", "dal modulo")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var id = await fx.App.WithDb(db => db.Set<Measurement>().Where(m => m.IndicatorId == trees && m.Period == "2025").Select(m => m.Id).SingleAsync());

        var office = await LoggedIn(Demo.PlanOffice);
        Assert.Contains("dal modulo", await office.Html("/piano/misurazioni/da-validare"));
        var unconfirmed = await office.SubmitAsync("/piano/misurazioni/da-validare", [("MeasurementId", id.ToString()), ("Version", "1")], "Validate");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var validated = await office.SubmitAsync("/piano/misurazioni/da-validare", [("MeasurementId", id.ToString()), ("Version", "1"), ("Confirm", "true")], "Validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Contains("26.000", await fx.App.Anonymous().Html($"/piano/indicatori/{trees}"));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/piano/misurazioni/importa")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/piano/indicatori/{trees}/modifica")).StatusCode);
        var action = await fx.App.WithDb(db => db.Set<Indicator>().Where(i => i.Id == trees).Select(i => i.ActionId!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/piano/indicatori/nuovo?azione={action}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sector.GetAsync("/piano/misurazioni/da-validare")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
    }
}
