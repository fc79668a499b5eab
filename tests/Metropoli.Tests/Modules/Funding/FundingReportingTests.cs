using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Metropoli.Platform.Auth;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Funding;

/// <summary>Issue 20 points 3-5 through HTTP: an officer drafts an application on the page with a partner Comune and a
/// document (SHA-256), the partner sees it and others do not, a past deadline is a 422 with its field, the office funds
/// it with a CUP (checked, unique) and it becomes a project; the implementing officer reports an expenditure (beyond the
/// funded amount: 422), the office validates it, and only then page, API, CSV, dashboard and Comune page show it.</summary>
[Trait("Database", "Both")]
public sealed class FundingReportingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private async Task<long> CallAsync(int opensInDays, int closesInDays)
    {
        var office = await fx.As(Demo.PlanOffice);
        var today = DateTime.UtcNow;
        return (await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(new
        {
            title = $"Bando rendicontazione {Guid.NewGuid():N}", issuer = "Città metropolitana di Milano", programme = "pnrr", measureCode = "M2C4I2.2", budget = 800000m,
            opensOn = today.AddDays(opensInDays).ToString("yyyy-MM-dd"), closesOn = today.AddDays(closesInDays).ToString("yyyy-MM-dd"), status = "open",
            rules = new[] { new { kind = "recipients", parameter = "Comuni" } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> Move(HttpClient client, long id, string to, string? reason = null, string? cup = null)
    {
        var etag = (await client.GetAsync($"/api/v1/funding-applications/{id}")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/funding-applications/{id}/transitions") { Content = Http.JsonBody(new { to, reason, cup }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static MultipartFormDataContent Expenditure(decimal amount, string paidOn)
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), "amount" }, { new StringContent(paidOn), "paidOn" },
            { new StringContent("Stato di avanzamento lavori n. 1"), "description" }, { new StringContent("RdP-2026-001"), "paymentRequest" }, { file, "file", "sal1.pdf" },
        };
    }

    [Fact]
    public async Task An_application_drafted_on_the_page_is_funded_into_a_project_whose_validated_expenditure_is_published()
    {
        var call = await CallAsync(-5, 20);
        var rhoPage = await fx.App.SignedIn(Demo.RhoOfficer);
        var title = $"Riqualificazione energetica {Guid.NewGuid():N}";
        var created = await rhoPage.SubmitAsync($"/finanziamenti/domande/nuova?bando={call}",
        [
            ("Input.CallId", call.ToString()), ("Input.LeadIstat", Demo.Rho), ("Input.Title", title), ("Input.RequestedAmount", "200000"),
            ("Input.Partners", "015005"), ("Input.SupportRequested", "Supporto della stazione appaltante"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        var rho = await fx.As(Demo.RhoOfficer);
        var doc = new ByteArrayContent(Pdf);
        doc.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await (await rho.PostAsync($"/api/v1/funding-applications/{id}/documents", new MultipartFormDataContent { { doc, "file", "progetto.pdf" } })).ShouldBe(HttpStatusCode.Created);

        // The partner's officer sees the draft; the officer of a Comune outside it does not.
        var partner = await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: "015005");
        var draft = await (await fx.As(partner.Email!)).GetJson($"/api/v1/funding-applications/{id}");
        Assert.Equal(64, draft.GetProperty("documents")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal("Supporto della stazione appaltante", draft.GetProperty("supportRequested").GetString());
        var milano = await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Demo.Milano);
        await (await (await fx.As(milano.Email!)).GetAsync($"/api/v1/funding-applications/{id}")).ShouldBeProblem(404);
        Assert.Contains(title, await rhoPage.Html($"/finanziamenti/domande/{id}"), StringComparison.Ordinal);

        await (await Move(rho, id, "submitted")).ShouldBe(HttpStatusCode.NoContent);
        var office = await fx.As(Demo.PlanOffice);
        await (await Move(office, id, "admitted")).ShouldBe(HttpStatusCode.NoContent);
        var bad = await (await Move(office, id, "funded", cup: "not-a-cup")).ShouldBeProblem(422);
        Assert.True(bad.GetProperty("errors").TryGetProperty("cup", out _));
        var cup = "J" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        await (await Move(office, id, "funded", cup: cup)).ShouldBe(HttpStatusCode.NoContent);
        var project = await fx.App.Anonymous().GetJson($"/api/v1/projects/{cup}");
        Assert.Equal(200000m, project.GetProperty("totalCost").GetDecimal());
        Assert.Equal(2, project.GetProperty("comuni").GetArrayLength());
        Assert.Equal(cup, (await rho.GetJson($"/api/v1/funding-applications/{id}")).GetProperty("projectCup").GetString());

        // The same CUP cannot fund a second application.
        var other = (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = call, leadIstat = Demo.Rho, title = "Seconda", requestedAmount = 1000m })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await Move(office, other, "submitted")).ShouldBe(HttpStatusCode.NoContent);
        await (await Move(office, other, "admitted")).ShouldBe(HttpStatusCode.NoContent);
        Assert.True((await (await Move(office, other, "funded", cup: cup)).ShouldBeProblem(422)).GetProperty("errors").TryGetProperty("cup", out _));

        // Reporting: beyond the funded amount is refused, nothing saved; the officer of another Comune may not report.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.True((await (await rho.PostAsync($"/api/v1/projects/{cup}/expenditures", Expenditure(250000m, yesterday))).ShouldBeProblem(422))
            .GetProperty("errors").TryGetProperty("amount", out _));
        await (await (await fx.As(milano.Email!)).PostAsync($"/api/v1/projects/{cup}/expenditures", Expenditure(10m, yesterday))).ShouldBeProblem(403);
        var expenditure = (await (await rho.PostAsync($"/api/v1/projects/{cup}/expenditures", Expenditure(45000m, yesterday))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(0, (await fx.App.Anonymous().GetJson($"/api/v1/projects/{cup}/expenditures")).GetProperty("total").GetInt32()); // not validated yet
        Assert.DoesNotContain("Stato di avanzamento lavori", await fx.App.Anonymous().GetStringAsync($"/finanziamenti/progetti/{cup}"), StringComparison.Ordinal);

        var version = await fx.App.WithDb(db => Task.FromResult(db.Set<Metropoli.Funding.Model.FundingExpenditure>().Single(e => e.Id == expenditure).Version));
        HttpRequestMessage Decide()
        {
            var m = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/funding-expenditures/{expenditure}/decision") { Content = Http.JsonBody(new { to = "validated" }) };
            m.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return m;
        }
        await (await rho.SendAsync(Decide())).ShouldBeProblem(403);
        var answer = await office.SendAsync(Decide());
        await answer.ShouldBe(HttpStatusCode.NoContent);

        var published = await fx.App.Anonymous().GetJson($"/api/v1/projects/{cup}/expenditures");
        Assert.Equal(45000m, published.GetProperty("items")[0].GetProperty("amount").GetDecimal());
        Assert.Contains("Stato di avanzamento lavori", await fx.App.Anonymous().GetStringAsync($"/finanziamenti/progetti/{cup}"), StringComparison.Ordinal);
        var csv = await fx.App.Anonymous().GetStringAsync("/finanziamenti/spesa/export.csv");
        Assert.Contains(cup, csv, StringComparison.Ordinal);
        Assert.StartsWith("CUP,", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(cup, await fx.App.Anonymous().GetStringAsync($"/comuni/{Demo.Rho}"), StringComparison.Ordinal);
        (await fx.App.Anonymous().GetAsync("/finanziamenti/spesa")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_past_deadline_is_a_422_with_its_field_and_a_zone_coordinator_assembles_only_their_zone()
    {
        var closed = await CallAsync(-20, -1);
        var office = await fx.As(Demo.PlanOffice);
        var id = (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = closed, leadIstat = Demo.Rho, title = "In ritardo", requestedAmount = 1000m })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var problem = await (await Move(office, id, "submitted")).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("deadline", out _), problem.ToString());
        Assert.Equal("draft", (await office.GetJson($"/api/v1/funding-applications/{id}")).GetProperty("status").GetString());

        var open = await CallAsync(-1, 10);
        var coordinator = await fx.As(Demo.ZoneCoordinator);
        await (await coordinator.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = open, leadIstat = Demo.Milano, title = "Fuori zona", requestedAmount = 1000m })))
            .ShouldBeProblem(422);
        var zoneId = (await (await coordinator.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = open, leadIstat = Demo.Rho, title = "Partenariato di zona", requestedAmount = 1000m })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal("nord-ovest", (await coordinator.GetJson($"/api/v1/funding-applications/{zoneId}")).GetProperty("coordinatorZone").GetString());
        await (await Move(coordinator, zoneId, "submitted")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_office_sees_the_small_comuni_that_applied_to_nothing_and_one_leaves_the_list_once_it_applies()
    {
        var today = Metropoli.Platform.Time.CivilClock.Today(TimeProvider.System);
        var before = await fx.App.WithDb(db => Metropoli.Funding.Inactive.InactiveComuniHandler.HandleAsync(db, today, 12, CancellationToken.None));
        Assert.NotEmpty(before.Items);
        Assert.All(before.Items, c => Assert.True(c.Population < 5000));
        var small = before.Items[^1];
        // The demo's small-Comuni call (open, fewer than 5,000 inhabitants) is among the calls open to each.
        Assert.Contains(small.NearestCalls.Select(c => c.Title), t => t.StartsWith("Fondo metropolitano per i piccoli Comuni", StringComparison.Ordinal));

        var officePage = await fx.App.SignedIn(Demo.PlanOffice);
        Assert.Contains($"/comuni/{small.IstatCode}\"", await officePage.GetStringAsync("/finanziamenti/comuni-inattivi?mesi=24"), StringComparison.Ordinal);
        Assert.Contains(small.Name, await officePage.GetStringAsync("/finanziamenti/comuni-inattivi/export.csv"), StringComparison.Ordinal);
        var rhoPage = await fx.App.SignedIn(Demo.RhoOfficer);
        Assert.Contains((await rhoPage.GetAsync("/finanziamenti/comuni-inattivi")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Found }); // the access-denied page
        Assert.Equal(HttpStatusCode.Forbidden, (await rhoPage.GetAsync("/finanziamenti/comuni-inattivi/export.csv")).StatusCode);

        // A draft does not count; a submitted application (here as partner of Rho) does.
        var call = await CallAsync(-5, 20);
        var office = await fx.As(Demo.PlanOffice);
        var id = (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new { callId = call, leadIstat = Demo.Rho, title = "Con un piccolo Comune", requestedAmount = 1000m, partners = new[] { small.IstatCode } })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        async Task<bool> Listed() => (await fx.App.WithDb(db => Metropoli.Funding.Inactive.InactiveComuniHandler.HandleAsync(db, today, 12, CancellationToken.None))).Items.Any(c => c.IstatCode == small.IstatCode);
        Assert.True(await Listed());
        await (await Move(office, id, "submitted")).ShouldBe(HttpStatusCode.NoContent);
        Assert.False(await Listed());
        Assert.DoesNotContain($"/comuni/{small.IstatCode}\"", await officePage.GetStringAsync("/finanziamenti/comuni-inattivi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_linked_to_plan_objective_action_and_agreement_appears_on_their_pages()
    {
        const string cup = "E81B21010100006";
        var (objective, action, agreement) = await fx.App.WithDb(async db =>
        {
            var plan = db.Reads<Metropoli.StrategicPlan.Contracts.IPlanQueries>();
            var plans = plan.Plans.Where(p => !p.IsDraft).Select(p => p.Id);
            return (await plan.Objectives.Where(o => plans.Contains(o.PlanId)).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
                await plan.Actions.Where(a => plans.Contains(a.PlanId)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                await db.Reads<Metropoli.Agreements.Contracts.IAgreementQueries>().Agreements.Where(a => a.IsPublic).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        });
        var office = await fx.As(Demo.PlanOffice);
        async Task<HttpResponseMessage> Put(HttpClient client, object body)
        {
            var etag = (await client.GetAsync($"/api/v1/projects/{cup}/links")).Headers.ETag!.ToString();
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{cup}/links") { Content = Http.JsonBody(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return await client.SendAsync(request);
        }
        var problem = await (await Put(office, new { objectives = new[] { objective }, actions = new[] { 987654321L }, agreements = Array.Empty<long>(), dupMission = "8" })).ShouldBeProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("actions", out _) && problem.GetProperty("errors").TryGetProperty("dupMission", out _), problem.ToString());
        Assert.Equal(0, (await office.GetJson($"/api/v1/projects/{cup}/links")).GetProperty("objectives").GetArrayLength());
        await (await Put(await fx.As(Demo.RhoOfficer), new { objectives = new[] { objective } })).ShouldBeProblem(403);

        await (await Put(office, new { objectives = new[] { objective }, actions = new[] { action }, agreements = new[] { agreement }, dupMission = "08", dupProgramme = "01" }))
            .ShouldBe(HttpStatusCode.NoContent);
        var links = await fx.App.Anonymous().GetJson($"/api/v1/projects/{cup}/links");
        Assert.Equal((objective, action, agreement, "08"), (links.GetProperty("objectives")[0].GetProperty("id").GetInt64(), links.GetProperty("actions")[0].GetProperty("id").GetInt64(),
            links.GetProperty("agreements")[0].GetProperty("id").GetInt64(), links.GetProperty("dupMission").GetString()));
        var page = await fx.App.SignedIn(Demo.PlanOffice);
        Assert.Contains($"/intese/{agreement}\"", await page.GetStringAsync($"/finanziamenti/progetti/{cup}"), StringComparison.Ordinal);
        foreach (var url in new[] { $"/piano/obiettivi/{objective}", $"/piano/azioni/{action}", $"/intese/{agreement}" })
            Assert.Contains($"/finanziamenti/progetti/{cup}\"", await page.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Equal(cup, (await fx.App.Anonymous().GetJson($"/api/v1/projects?action={action}")).GetProperty("items")[0].GetProperty("cup").GetString());
    }
}

/// <summary>The funding alert job: deadline alerts to eligible Comuni's officers, late milestones, monthly reporting
/// reminders, once each.</summary>
[Trait("Database", "Both")]
public sealed class FundingAlertJobTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_monthly_reminder_goes_on_the_15th_and_the_18th_only_for_projects_without_a_report_of_the_month()
    {
        // A project of Rho (implementing Comune) with no expenditure: the job runs at dates of a future month.
        var cup = await fx.App.WithDb(async db =>
        {
            var p = await db.Set<Metropoli.Funding.Model.FundingProject>()
                .Where(p => p.ImplementerIstat == null && !db.Set<Metropoli.Funding.Model.FundingExpenditure>().Any(e => e.Cup == p.Cup)).OrderBy(p => p.Cup).FirstAsync();
            (p.ImplementerIstat, p.EndDate) = (Demo.Rho, null);
            await db.SaveChangesAsync();
            return p.Cup;
        });
        async Task Run(int day) => await fx.App.WithDb(db => Metropoli.Funding.Alerts.FundingAlertJob.SendAsync(db, new FixedFundingClock(new DateTimeOffset(2031, 3, day, 9, 0, 0, TimeSpan.Zero)), 14, CancellationToken.None));
        Task<int> Count(string round) => fx.App.WithDb(db => db.Set<Metropoli.Platform.Notifications.Notification>().CountAsync(n => n.DedupKey == $"funding-report-reminder:{Demo.Rho}:2031-03:{round}"));

        await Run(14);
        Assert.Equal(0, await Count("15"));
        await Run(15);
        var first = await Count("15");
        Assert.True(first > 0, "Rho's officers are reminded on the 15th");
        await Run(16);
        Assert.Equal(first, await Count("15"));
        Assert.Equal(0, await Count("18"));

        // An expenditure entered in the month silences the project (here Rho's only one): no second reminder on the 18th.
        await fx.App.WithDb(async db =>
        {
            db.Add(new Metropoli.Funding.Model.FundingExpenditure
            {
                Cup = cup, Amount = 1, PaidOn = new DateOnly(2031, 3, 10), Description = "SAL", FileName = "f.pdf", StoredName = "f", ContentType = "application/pdf",
                Sha256 = new string('0', 64), EnteredAt = new DateTime(2031, 3, 16, 10, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });
        var others = await fx.App.WithDb(db => db.Set<Metropoli.Funding.Model.FundingProject>().CountAsync(p => p.ImplementerIstat == Demo.Rho && p.Cup != cup));
        await Run(18);
        if (others == 0) Assert.Equal(0, await Count("18"));
        await Run(20);
        Assert.Equal(0, await fx.App.WithDb(db => db.Set<Metropoli.Platform.Notifications.Notification>().CountAsync(n => n.DedupKey.StartsWith($"funding-report-reminder:{Demo.Rho}:2031-03:2"))));
    }

    [Fact]
    public async Task Deadline_and_late_milestone_alerts_reach_the_right_people_once()
    {
        var office = await fx.As(Demo.PlanOffice);
        var today = DateTime.UtcNow;
        var call = (await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(new
        {
            title = $"Bando in scadenza {Guid.NewGuid():N}", issuer = "Città metropolitana di Milano", programme = "own", budget = 1000m,
            opensOn = today.AddDays(-5).ToString("yyyy-MM-dd"), closesOn = today.AddDays(5).ToString("yyyy-MM-dd"), status = "open",
            rules = new[] { new { kind = "recipients", parameter = "Comuni" } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var milestone = (await (await office.PostAsync("/api/v1/projects/E81B21010100006/milestones", Http.JsonBody(new
        {
            kind = "milestone", title = "Collaudo", dueOn = today.AddDays(-3).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        async Task<int> Run() => await fx.App.WithDb(db => Metropoli.Funding.Alerts.FundingAlertJob.SendAsync(db, TimeProvider.System, 14, CancellationToken.None));
        Assert.True(await Run() > 0);
        var (deadline, late) = await fx.App.WithDb(async db => (
            await db.Set<Metropoli.Platform.Notifications.Notification>().CountAsync(n => n.DedupKey.StartsWith($"funding-deadline:{call}:")),
            await db.Set<Metropoli.Platform.Notifications.Notification>().CountAsync(n => n.DedupKey.StartsWith($"funding-milestone-late:{milestone}:"))));
        Assert.True(deadline > 0 && late > 0, $"{deadline} deadline, {late} late");
        await Run();
        Assert.Equal(deadline, await fx.App.WithDb(db => db.Set<Metropoli.Platform.Notifications.Notification>().CountAsync(n => n.DedupKey.StartsWith($"funding-deadline:{call}:"))));
        var rho = await fx.As(Demo.RhoOfficer);
        Assert.Contains("scade", await rho.GetStringAsync("/api/v1/notifications?limit=50"), StringComparison.Ordinal);
    }
}

internal sealed class FixedFundingClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
