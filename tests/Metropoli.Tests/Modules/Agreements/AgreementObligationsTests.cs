using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Agreements.Alerts;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan;
using Metropoli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

internal sealed class FixedAgreementClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Obligations with due dates: overdue detection on the dashboard; alerts before due dates and
/// expiry, in-app and by e-mail, never twice; the job that expires agreements past their date.</summary>
// On PostgreSQL too: due dates compared in SQL, and alerts deduplicated by a unique key.
[Trait("Database", "Both")]
public sealed class AgreementObligationsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static DateOnly Today => CivilClock.Today(TimeProvider.System);

    [Fact]
    public async Task A_past_due_obligation_is_overdue_on_the_agreement_and_on_the_dashboard()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, rhoParty, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var late = await AddObligationAsync(office, id, rhoParty, Today.AddDays(-3), $"Relazione in ritardo {Guid.NewGuid():N}");
        var obligation = await office.GetJson($"/api/v1/agreement-obligations/{late}");
        Assert.True(obligation.GetProperty("overdue").GetBoolean());

        var dashboard = await fx.App.Anonymous().GetJson("/api/v1/agreements/dashboard");
        Assert.Contains(dashboard.GetProperty("overdue").EnumerateArray(), o => o.GetProperty("obligationId").GetInt64() == late && o.GetProperty("daysLate").GetInt32() == 3);
        Assert.Contains(dashboard.GetProperty("overdueByParty").EnumerateArray(), p => p.GetProperty("party").GetString() == "Comune di Rho");
        var html = await fx.App.Anonymous().Html("/intese/cruscotto");
        Assert.Contains(obligation.GetProperty("title").GetString()!, html, StringComparison.Ordinal);

        // Done: no longer overdue.
        var url = $"/api/v1/agreement-obligations/{late}";
        await (await office.PutJson($"{url}/status", new { status = "done", completedOn = Today.ToString("yyyy-MM-dd") }, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        Assert.False((await office.GetJson(url)).GetProperty("overdue").GetBoolean());
        var waived = await (await office.PutJson($"{url}/status", new { status = "waived" }, await ETagAsync(office, url))).ShouldBeProblem(422);
        Assert.True(waived.GetProperty("errors").TryGetProperty("evidenceNote", out _));
    }

    [Fact]
    public async Task An_obligation_due_in_ten_days_alerts_the_comune_once_in_app_and_by_email()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, rhoParty, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var obligation = await AddObligationAsync(office, id, rhoParty, Today.AddDays(10), "Approvazione del progetto");
        var far = await AddObligationAsync(office, id, rhoParty, Today.AddDays(200), "Rendicontazione finale");
        var key = $"agreement-obligation:{obligation}:{Today.AddDays(10):yyyy-MM-dd}";

        var first = await fx.App.WithDb(db => AgreementAlertJob.SendAsync(db, TimeProvider.System, new AgreementOptions(), CancellationToken.None));
        Assert.True(first > 0);
        var rhoUser = await fx.App.WithDb(db => db.Users.SingleAsync(u => u.Email == Demo.RhoOfficer));
        var notifications = await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.UserId == rhoUser.Id && n.DedupKey == key).ToListAsync());
        Assert.Single(notifications);
        Assert.Contains("Approvazione del progetto", notifications[0].Subject, StringComparison.Ordinal);
        Assert.Equal($"/intese/{id}#obblighi", notifications[0].Link);
        // Read in English, the date follows the reader (issue 18, point 6).
        var english = (await (await fx.As(Demo.RhoOfficer)).GetJson("/api/v1/notifications?limit=100&culture=en")).GetProperty("items").EnumerateArray()
            .Select(n => n.GetProperty("subject").GetString()).ToList();
        Assert.Contains($"Obligation due on {Today.AddDays(10).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: “Approvazione del progetto”", english);
        Assert.True(await fx.App.WithDb(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == Demo.RhoOfficer && m.Subject.Contains("Approvazione del progetto"))));
        Assert.False(await fx.App.WithDb(db => db.Set<Notification>().AnyAsync(n => n.DedupKey.StartsWith($"agreement-obligation:{far}:"))));

        // A rerun (or a second instance) adds nothing.
        await fx.App.WithDb(db => AgreementAlertJob.SendAsync(db, TimeProvider.System, new AgreementOptions(), CancellationToken.None));
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<Notification>().CountAsync(n => n.UserId == rhoUser.Id && n.DedupKey == key)));

        // The agreement's own notice period applies when set: 5 days leaves a 10-day obligation alone.
        var (short5, party5, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var url = $"/api/v1/agreements/{short5}";
        var current = await office.GetJson(url);
        await (await office.PutJson(url, new { title = current.GetProperty("title").GetString(), type = "protocol", alertDays = 5 }, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        var quiet = await AddObligationAsync(office, short5, party5, Today.AddDays(10));
        await fx.App.WithDb(db => AgreementAlertJob.SendAsync(db, TimeProvider.System, new AgreementOptions(), CancellationToken.None));
        Assert.False(await fx.App.WithDb(db => db.Set<Notification>().AnyAsync(n => n.DedupKey.StartsWith($"agreement-obligation:{quiet}:"))));
    }

    [Fact]
    public async Task Agreements_near_expiry_alert_the_plan_office_and_past_expiry_become_expired_or_renew_tacitly()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (soon, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var (past, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var (tacit, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        await SetDatesAsync(office, soon, Today.AddDays(20), autoRenewal: false);
        await SetDatesAsync(office, past, Today.AddDays(-1), autoRenewal: false);
        await SetDatesAsync(office, tacit, Today.AddDays(-1), autoRenewal: true, months: 12);

        await fx.App.WithDb(db => AgreementAlertJob.SendAsync(db, TimeProvider.System, new AgreementOptions(), CancellationToken.None));
        var planUser = await fx.App.WithDb(db => db.Users.SingleAsync(u => u.Email == Demo.PlanOffice));
        Assert.True(await fx.App.WithDb(db => db.Set<Notification>().AnyAsync(n => n.UserId == planUser.Id && n.DedupKey == $"agreement-expiry:{soon}:{Today.AddDays(20):yyyy-MM-dd}")));

        var changed = await fx.App.WithDb(db => AgreementExpiryJob.RunAsync(db, TimeProvider.System, CancellationToken.None));
        Assert.True(changed >= 2);
        var expired = await office.GetJson($"/api/v1/agreements/{past}");
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        var last = expired.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("sistema", last.GetProperty("changedBy").GetString());
        var renewed = await office.GetJson($"/api/v1/agreements/{tacit}");
        Assert.Equal("in-force", renewed.GetProperty("status").GetString());
        Assert.Equal(Today.AddDays(-1).AddMonths(12).ToString("yyyy-MM-dd"), renewed.GetProperty("expiryDate").GetString());
        Assert.Equal("in-force", (await office.GetJson($"/api/v1/agreements/{soon}")).GetProperty("status").GetString());
        // Running again changes nothing more for these.
        await fx.App.WithDb(db => AgreementExpiryJob.RunAsync(db, TimeProvider.System, CancellationToken.None));
        Assert.Equal(expired.GetProperty("history").GetArrayLength(), (await office.GetJson($"/api/v1/agreements/{past}")).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_jobs_are_registered_with_the_scheduler()
    {
        var jobs = fx.App.Services.GetServices<global::Metropoli.Platform.Jobs.IRecurringJob>().Select(j => j.Name).ToList();
        Assert.Contains("agreement-alerts", jobs);
        Assert.Contains("agreement-expiry", jobs);
        await Task.CompletedTask;
    }

    private async Task SetDatesAsync(HttpClient office, long id, DateOnly expiry, bool autoRenewal, int? months = null)
    {
        // Direct, because a PUT with an expiry before the effective date would be refused, as it should.
        await fx.App.WithDb(async db =>
        {
            var a = await db.Set<Agreement>().SingleAsync(x => x.Id == id);
            a.EffectiveDate = expiry.AddYears(-1);
            a.ExpiryDate = expiry;
            a.AutoRenewal = autoRenewal;
            a.DurationMonths = months;
            await db.SaveChangesAsync();
        });
        await Task.CompletedTask;
        _ = office;
    }
}
