using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

public sealed class CampaignsFixture : AppFixture;

/// <summary>A clock fixed at a chosen moment, to run the reminder job "on" a given day.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Monitoring campaigns through the API: opening gives the owner sectors tasks and notifications,
/// reminders go out once per step, the sector reports, the plan office returns and accepts, closing freezes
/// a snapshot, and the report (JSON, CSV, XLSX, PDF) shows the same validated figures as the dashboard.</summary>
// On PostgreSQL too: campaigns open and close in transactions, with dates and a unique violation on a racing close.
[Trait("Database", "Both")]
public sealed class CampaignsTests(CampaignsFixture fx) : IClassFixture<CampaignsFixture>
{
    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static DateOnly Today => CivilClock.Today(TimeProvider.System);

    private async Task<(PlanBuilders.Built Tree, long OtherAction)> AdoptedPlanAsync(HttpClient office)
    {
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        var other = await PlanBuilders.CreateActionAsync(office, tree.ObjectiveId, "A1.1.2", "mobilita");
        await (await PlanBuilders.Transition(office, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        return (tree, other);
    }

    private static Task<HttpResponseMessage> Open(HttpClient client, long plan, string name, DateOnly deadline, string reminders = "7,1") =>
        client.PostAsync($"/api/v1/plans/{plan}/campaigns", Http.JsonBody(new { name, year = 2031, deadline = deadline.ToString("yyyy-MM-dd"), reminderDays = reminders }));

    private Task<int> Reminders(long campaign, string email) => fx.App.WithDb(db =>
        (from n in db.Set<Notification>() join u in db.Users on n.UserId equals u.Id
         where u.Email == email && n.DedupKey.StartsWith($"campaign:{campaign}:reminder") select n).CountAsync());

    private Task RunReminders(DateOnly day) => fx.App.WithDb(db =>
        CampaignReminderJob.SendAsync(db, new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)), CancellationToken.None));

    [Fact]
    public async Task A_campaign_runs_from_opening_to_a_report_with_the_dashboard_figures()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var (tree, otherAction) = await AdoptedPlanAsync(office);

        // An indicator with a validated value and a rejected one: only the validated one may count.
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "IND-C1", name = "Alberi piantati", unit = "numero", direction = "increase",
            baselineValue = 100, baselineYear = 2030, frequency = "annual", targets = new[] { new { year = 2031, value = 300 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var good = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 250, note = "conteggio" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await office.PostJson($"/api/v1/measurements/{good}/validation", new { }, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);

        // Open: a task for each action, the sector told at once.
        var deadline = Today.AddDays(10);
        var opened = await (await Open(office, tree.PlanId, "Monitoraggio di prova", deadline)).ShouldBe(HttpStatusCode.Created);
        var campaign = opened.GetProperty("campaign").GetProperty("id").GetInt64();
        Assert.Equal(2, opened.GetProperty("tasks").GetArrayLength());
        await (await Open(office, tree.PlanId, "Seconda", deadline)).ShouldBeProblem(409);
        Assert.Equal(1, await fx.App.WithDb(db => (from n in db.Set<Notification>() join u in db.Users on n.UserId equals u.Id
                                                   where u.Email == Demo.Sector && n.DedupKey == $"campaign:{campaign}:opened" select n).CountAsync()));

        // The sector sees only its own task.
        var mine = Items(await sector.GetJson("/api/v1/campaign-tasks/mine")).Where(t => t.GetProperty("campaignId").GetInt64() == campaign).ToList();
        var task = Assert.Single(mine);
        Assert.Equal(tree.ActionId, task.GetProperty("actionId").GetInt64());
        var taskId = task.GetProperty("id").GetInt64();
        var detail = await sector.GetJson($"/api/v1/monitoring-campaigns/{campaign}");
        Assert.Single(detail.GetProperty("tasks").EnumerateArray());
        var otherTask = await fx.App.WithDb(db => db.Set<CampaignTask>().Where(t => t.CampaignId == campaign && t.ActionId == otherAction).Select(t => t.Id).SingleAsync());

        // Reminders: none ten days ahead, one at the 7-day step (once, however often the job runs), one more at 1 day.
        await RunReminders(Today);
        Assert.Equal(0, await Reminders(campaign, Demo.Sector));
        await RunReminders(deadline.AddDays(-6));
        await RunReminders(deadline.AddDays(-5));
        Assert.Equal(1, await Reminders(campaign, Demo.Sector));
        await RunReminders(deadline.AddDays(-1));
        Assert.Equal(2, await Reminders(campaign, Demo.Sector));

        // Reporting: If-Match required, a narrative required, another sector's task refused.
        var report = new { status = "on-track", progress = 40, narrative = "Piantati 250 alberi nei parchi del Nord Ovest." };
        await (await sector.PutJson($"/api/v1/campaign-tasks/{taskId}/report", report, null)).ShouldBeProblem(428);
        var etag = await PlanBuilders.ETagAsync(sector, $"/api/v1/campaign-tasks/{taskId}");
        var invalid = await (await sector.PutJson($"/api/v1/campaign-tasks/{taskId}/report", new { status = "on-track", progress = 40, narrative = "" }, etag)).ShouldBeProblem(422);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("narrative", out _));
        await (await sector.PutJson($"/api/v1/campaign-tasks/{otherTask}/report", report, "\"1\"")).ShouldBeProblem(403);
        await (await sector.PutJson($"/api/v1/campaign-tasks/{taskId}/report", report, etag)).ShouldBe(HttpStatusCode.NoContent);
        var action = await sector.GetJson($"/api/v1/plan-actions/{tree.ActionId}");
        Assert.Equal(40, action.GetProperty("progress").GetInt32());

        // Review: the sector may not; returning needs a note and tells the sector; the corrected report is accepted.
        etag = await PlanBuilders.ETagAsync(office, $"/api/v1/campaign-tasks/{taskId}");
        await (await sector.PostJson($"/api/v1/campaign-tasks/{taskId}/review", new { decision = "accept" }, etag)).ShouldBeProblem(403);
        await (await office.PostJson($"/api/v1/campaign-tasks/{taskId}/review", new { decision = "return" }, etag)).ShouldBeProblem(422);
        await (await office.PostJson($"/api/v1/campaign-tasks/{taskId}/review", new { decision = "return", note = "Indica anche le specie." }, etag)).ShouldBe(HttpStatusCode.NoContent);
        Assert.True(await fx.App.WithDb(db => db.Set<Notification>().AnyAsync(n => n.DedupKey.StartsWith($"campaign:{campaign}:task:{taskId}:returned"))));
        etag = await PlanBuilders.ETagAsync(sector, $"/api/v1/campaign-tasks/{taskId}");
        await (await sector.PutJson($"/api/v1/campaign-tasks/{taskId}/report", report with { narrative = "Piantati 250 alberi: tigli e aceri." }, etag)).ShouldBe(HttpStatusCode.NoContent);
        etag = await PlanBuilders.ETagAsync(office, $"/api/v1/campaign-tasks/{taskId}");
        await (await office.PostJson($"/api/v1/campaign-tasks/{taskId}/review", new { decision = "accept" }, etag)).ShouldBe(HttpStatusCode.NoContent);

        // The report does not exist before closing.
        await (await fx.App.Anonymous().GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report")).ShouldBeProblem(409);

        // A value submitted after the validated one but rejected, and one left pending: neither may count.
        var rejected = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 999 })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await office.PostJson($"/api/v1/measurements/{rejected}/rejection", new { reason = "Valore non plausibile." }, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);

        // Close: If-Match, a stale version refused, then the snapshot.
        await (await office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, null)).ShouldBeProblem(428);
        await (await office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, "\"999\"")).ShouldBeProblem(409);
        var campaignTag = await PlanBuilders.ETagAsync(office, $"/api/v1/monitoring-campaigns/{campaign}");
        await (await sector.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, campaignTag)).ShouldBeProblem(403);
        await (await office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, campaignTag)).ShouldBe(HttpStatusCode.NoContent);
        var again = await PlanBuilders.ETagAsync(office, $"/api/v1/monitoring-campaigns/{campaign}");
        await (await office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, again)).ShouldBeProblem(409);
        await (await sector.PutJson($"/api/v1/campaign-tasks/{otherTask}/report", report, "\"1\"")).ShouldBeProblem(403);
        etag = await PlanBuilders.ETagAsync(sector, $"/api/v1/campaign-tasks/{taskId}");
        await (await sector.PutJson($"/api/v1/campaign-tasks/{taskId}/report", report, etag)).ShouldBeProblem(409);

        // The same figure on the dashboard, in the report and in its files.
        var dashboard = await fx.App.Anonymous().GetJson($"/api/v1/plans/{tree.PlanId}/dashboard");
        var dashIndicator = dashboard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == indicator);
        Assert.Equal(250m, dashIndicator.GetProperty("latestValue").GetDecimal());
        var json = await fx.App.Anonymous().GetJson($"/api/v1/monitoring-campaigns/{campaign}/report");
        var tables = json.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        var indicatorRow = tables["indicatori"].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells")).Single(r => r[0].GetString() == "IND-C1");
        Assert.Equal(250m, decimal.Parse(indicatorRow[3].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(dashIndicator.GetProperty("achievement").GetDecimal(), decimal.Parse(indicatorRow[5].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var actionRow = tables["azioni"].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells")).Single(r => r[0].GetString() == "A1.1.1");
        Assert.Equal("40", actionRow[6].GetString());
        Assert.Equal("Piantati 250 alberi: tigli e aceri.", actionRow[9].GetString());
        var otherRow = tables["azioni"].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells")).Single(r => r[0].GetString() == "A1.1.2");
        Assert.Equal("da compilare", otherRow[8].GetString());
        // Whole numbers only: a random name (hex GUID) may contain the digits 999.
        Assert.DoesNotMatch(@"(?<![\w.,])999(?![\w.,])", tables["indicatori"].GetRawText());

        var csv = await fx.App.Anonymous().GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report/csv?table=indicatori");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csvText = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("IND-C1,Alberi piantati,numero,250,2031,", csvText);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report/csv?table=nessuna")).ShouldBeProblem(400);

        var xlsx = await fx.App.Anonymous().GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        using (var book = SpreadsheetDocument.Open(stream, false))
        {
            Assert.Equal(tables.Count, book.WorkbookPart!.Workbook.Sheets!.Count());
            var cells = book.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).ToList();
            Assert.Contains(cells, c => c.CellValue?.Text == "250");
        }

        var pdf = await fx.App.Anonymous().GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report/pdf");
        if (File.Exists("/usr/bin/chromium"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }
        else
        {
            await pdf.ShouldBeProblem(503);
        }

        // The public indicator page and the Comune page show the same validated figure, never the rejected one.
        var indicatorPage = await fx.App.Anonymous().Html($"/piano/indicatori/{indicator}");
        Assert.Contains("250", indicatorPage);
        Assert.DoesNotMatch(@"(?<![\w.,])999(?![\w.,])", indicatorPage);
        var planName = (await fx.App.Anonymous().GetJson($"/api/v1/plans/{tree.PlanId}")).GetProperty("name").GetString()!;
        var rho = await fx.App.Anonymous().Html($"/comuni/{Demo.Rho}");
        Assert.Contains(planName, rho);
        var rhoDashboard = await fx.App.Anonymous().GetJson($"/api/v1/plans/{tree.PlanId}/dashboard?municipality={Demo.Rho}");
        Assert.Equal(dashIndicator.GetProperty("status").GetString(),
            rhoDashboard.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == indicator).GetProperty("status").GetString());

        // The HTML report and the timeline of the action show the frozen state.
        var html = await fx.App.Anonymous().Html($"/piano/campagne/{campaign}/rapporto");
        Assert.Contains("Monitoraggio di prova", html);
        Assert.Contains("Piantati 250 alberi: tigli e aceri.", html);
        var print = await fx.App.Anonymous().Html($"/piano/campagne/{campaign}/rapporto/stampa");
        Assert.Contains("<main>", print);
        var timeline = Items(await fx.App.Anonymous().GetJson($"/api/v1/plan-actions/{tree.ActionId}/timeline"));
        Assert.Equal(40, Assert.Single(timeline).GetProperty("progress").GetInt32());

        // Anonymous visitors see the campaign's figures but no task.
        var publicView = await fx.App.Anonymous().GetJson($"/api/v1/monitoring-campaigns/{campaign}");
        Assert.Empty(publicView.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task Opening_is_refused_with_reasons()
    {
        var office = await fx.As(Demo.PlanOffice);
        var draft = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        var problem = await (await Open(office, draft.PlanId, "Su una bozza", Today.AddDays(5))).ShouldBeProblem(409);
        Assert.Equal(OpenCampaign.PlanStateReason, problem.GetProperty("detail").GetString());

        var (tree, _) = await AdoptedPlanAsync(office);
        await (await Open(await fx.As(Demo.Sector), tree.PlanId, "Dal settore", Today.AddDays(5))).ShouldBeProblem(403);
        var invalid = await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns",
            Http.JsonBody(new { name = "", year = 1990, deadline = Today.AddDays(-1).ToString("yyyy-MM-dd"), reminderDays = "sette" }))).ShouldBeProblem(422);
        var errors = invalid.GetProperty("errors");
        foreach (var field in new[] { "name", "year", "deadline", "reminderDays" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        await (await Open(fx.App.Anonymous(), tree.PlanId, "Anonima", Today.AddDays(5))).ShouldBeProblem(401);
        await (await fx.App.Anonymous().GetAsync("/api/v1/plans/999999/campaigns")).ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("7, 1", "7,1")]
    [InlineData("1,7,7", "7,1")]
    [InlineData("", "7,1")]
    [InlineData("0", "0")]
    public void Reminder_days_are_normalised(string input, string expected)
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Equal(expected, OpenCampaign.ParseReminderDays(input, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("91")]
    [InlineData("1,2,3,4,5,6")]
    [InlineData("una settimana")]
    public void Bad_reminder_days_are_refused(string input)
    {
        var errors = new Dictionary<string, string[]>();
        OpenCampaign.ParseReminderDays(input, errors);
        Assert.True(errors.ContainsKey("reminderDays"));
    }
}
