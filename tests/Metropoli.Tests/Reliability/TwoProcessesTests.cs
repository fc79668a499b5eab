using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Jobs;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Reliability;

/// <summary>Two real server processes (<see cref="ServerProcess"/>) on one database, as two replicas behind a
/// balancer: PostgreSQL, or one SQLite file in WAL mode shared by both processes. The jobs run on both, with
/// 1-second intervals, an SMTP sink, and alert windows wide enough that every open agreement and obligation alerts.</summary>
public sealed class TwoProcessesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();
    public ServerProcess A { get; private set; } = null!;
    public ServerProcess B { get; private set; } = null!;
    public DateTime JobsSince { get; private set; }
    private string _folder = "";

    private Dictionary<string, string> Settings(string name) => new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:PollSeconds"] = "0.2",
        ["Jobs:InstanceName"] = name,
        ["Jobs:TokenCleanupSeconds"] = "1",
        ["Jobs:AgreementAlertsSeconds"] = "1",
        ["Jobs:AgreementExpirySeconds"] = "1",
        ["Agreements:ExpiryAlertDays"] = "36500",
        ["Agreements:ObligationAlertDays"] = "36500",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:OutboxSeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        // A migrated and seeded database (the run's template): a first start is not what this class is about.
        Database = await TestDatabase.FromTemplateAsync("twoproc");
        _folder = Directory.CreateTempSubdirectory("metropoli-two-").FullName;
        // One after the other, as a rolling deployment.
        A = new ServerProcess(Database, _folder, Settings("processo-a"));
        B = new ServerProcess(Database, _folder, Settings("processo-b"));
        await A.StartAsync(TimeSpan.FromSeconds(400));
        await B.StartAsync(TimeSpan.FromSeconds(400));
        // From here both poll: the runs counted are those both could have claimed.
        JobsSince = DateTime.UtcNow;
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}

// On PostgreSQL too: two processes share sessions, job leases and the outbox through the database.
[Trait("Database", "Both")]
public sealed class TwoProcessesTests(TwoProcessesFixture fx) : IClassFixture<TwoProcessesFixture>
{
    [Fact]
    public async Task A_cookie_login_and_a_token_made_on_one_process_are_valid_on_the_other()
    {
        var cookies = new CookieContainer();
        using var onA = fx.A.Client(cookies: cookies);
        using var onB = fx.B.Client(cookies: cookies);
        var login = await onA.SubmitAsync("/accedi", [("Input.Email", Demo.PlanOffice), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"Sign-in on A: {(int)login.StatusCode}\n{fx.A.LogTail()}");
        // Cookies are per host, not per port: the same container carries A's cookie to B, as a balancer would.
        Assert.Contains(cookies.GetCookies(fx.A.BaseUrl).Cast<Cookie>(), c => c.Name == "metropoli.auth");

        var page = await onB.GetAsync("/notifiche");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"B answered {(int)page.StatusCode} {page.Headers.Location} to A's cookie on a page.");
        var me = await (await onB.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Demo.PlanOffice, me.GetProperty("userName").GetString());
        using var anonymousB = fx.B.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymousB.GetAsync("/notifiche")).StatusCode);

        // A personal token created through A's API answers on B, and is refused on both once revoked on B.
        // Tokens are made from a signed-in session (issue 18, point 13), from the app's own origin (point 18).
        var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access-tokens") { Content = Http.JsonBody(new { name = "due processi", expiresInDays = 1 }) };
        create.Headers.TryAddWithoutValidation("Origin", fx.A.BaseUrl.GetLeftPart(UriPartial.Authority));
        var created = await (await onA.SendAsync(create)).ShouldBe(HttpStatusCode.Created);
        var secret = created.GetProperty("token").GetString()!;
        using var bearerB = fx.B.Client(secret);
        Assert.Equal(Demo.PlanOffice, (await (await bearerB.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK)).GetProperty("userName").GetString());
        await (await bearerB.DeleteAsync($"/api/v1/access-tokens/{created.GetProperty("id")}")).ShouldBe(HttpStatusCode.NoContent);
        using var bearerA = fx.A.Client(secret);
        await (await bearerA.GetAsync("/api/v1/me")).ShouldBeProblem(401);
        await (await bearerB.GetAsync("/api/v1/me")).ShouldBeProblem(401);

        // The sign-out form rendered by A, posted to B: B accepts A's antiforgery token (shared keys too).
        var html = await (await onA.GetAsync("/notifiche")).Content.ReadAsStringAsync();
        var antiforgery = Forms.AntiforgeryToken(html);
        Assert.NotNull(antiforgery);
        var signOut = await onB.PostAsync("/esci", new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery))]));
        Assert.True(signOut.StatusCode == HttpStatusCode.Redirect, $"B refused the sign-out form rendered by A: {(int)signOut.StatusCode}");
    }

    [Fact]
    public async Task Scheduled_jobs_run_once_per_occurrence_and_alerts_and_emails_are_not_duplicated()
    {
        // Several 1-second occurrences of every job, both processes polling every 0.2 s.
        var until = fx.JobsSince.AddSeconds(12);
        if (until > DateTime.UtcNow) await Task.Delay(until - DateTime.UtcNow);
        await using var db = ReliabilityDb.Open(fx.Database);
        // Let the outbox drain: every queued e-mail sent once, none left pending.
        for (var i = 0; i < 100 && await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null); i++)
        {
            await Task.Delay(200);
        }

        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.StartedAt >= fx.JobsSince).OrderBy(r => r.ScheduledFor).ToListAsync();
        var report = string.Join("\n", runs.GroupBy(r => r.Name).Select(g => $"{g.Key}: {g.Count()} runs, " +
            string.Join(", ", g.GroupBy(r => r.Instance).Select(i => $"{i.Key} {i.Count()}"))));
        foreach (var job in new[] { "token-cleanup", "agreement-alerts", "agreement-expiry" })
        {
            var mine = runs.Where(r => r.Name == job).ToList();
            Assert.True(mine.Count >= 3, $"{job}: only {mine.Count} runs in 12 s:\n{report}\n{fx.A.LogTail(20)}\n{fx.B.LogTail(20)}");
            Assert.True(mine.Select(r => r.ScheduledFor).Distinct().Count() == mine.Count, $"{job}: an occurrence ran twice:\n{report}");
            foreach (var (earlier, later) in mine.Zip(mine.Skip(1)))
            {
                Assert.True(later.ScheduledFor - earlier.ScheduledFor >= TimeSpan.FromSeconds(1), $"{job}: occurrences closer than the interval:\n{report}");
            }
        }
        Assert.All(runs, r => Assert.Contains(r.Instance, new[] { "processo-a", "processo-b" }));
        var failed = runs.Where(r => r.FinishedAt is not null && r.Outcome != "ok").Select(r => $"{r.Name} {r.ScheduledFor:HH:mm:ss.fff} {r.Instance}: {r.Outcome}").ToList();
        Assert.True(failed.Count == 0, "Job runs failed (a race between the processes?):\n" + string.Join("\n", failed));

        var alerts = await db.Set<Notification>().AsNoTracking().Where(n => n.DedupKey.StartsWith("agreement-")).ToListAsync();
        Assert.True(alerts.Count >= 2, $"The alert job produced {alerts.Count} agreement alerts; the test needs some to count.\n{report}");
        var twice = alerts.GroupBy(n => (n.UserId, n.Subject)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Subject} ×{g.Count()}").ToList();
        Assert.True(twice.Count == 0, "Alerts duplicated for one user:\n" + string.Join("\n", twice));

        var outbox = await db.Set<OutboxMessage>().AsNoTracking().ToListAsync();
        var pending = outbox.Count(m => m.SentAt == null);
        Assert.True(pending == 0, $"{pending} of {outbox.Count} e-mails still pending after the wait.");
        var received = fx.Smtp.Messages.ToArray();
        Assert.True(received.Length == outbox.Count, $"The SMTP sink received {received.Length} e-mails for {outbox.Count} outbox rows.");
        var byMessage = received.GroupBy(m => (To: string.Join(",", m.To), Subject: SubjectOf(m.Data))).Where(g => g.Count() > 1).Select(g => $"{g.Key.To} «{g.Key.Subject}» ×{g.Count()}").ToList();
        Assert.True(byMessage.Count == 0, "E-mails delivered twice:\n" + string.Join("\n", byMessage));
        Assert.True(outbox.All(m => m.Attempts == 1), "Some e-mails were attempted more than once: " + string.Join(", ", outbox.Where(m => m.Attempts != 1).Select(m => $"{m.Id}×{m.Attempts}")));
        ReliabilityDb.Report($"two-processes [{fx.Database.Provider}] {report.Replace("\n", "; ")}; alerts={alerts.Count} emails={received.Length} duplicates=0");
    }

    private static string SubjectOf(string data) =>
        data.Split("\r\n").FirstOrDefault(l => l.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase)) ?? data.GetHashCode().ToString();
}
