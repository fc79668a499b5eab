using System.Globalization;
using System.Net;
using System.Text.Json;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Notifications;

public sealed class NotificationLanguageFixture : AppFixture;

/// <summary>Issue 18, point 6: notifications are stored as a kind with parameters and rendered in the reader's
/// language when read, in the recipient's for e-mail; measurements and tasks tell their submitter and the plan office.</summary>
// The kinds, parameters and the migration of old rows are stored and read back: on PostgreSQL too.
[Trait("Database", "Both")]
public sealed class NotificationLanguageTests(NotificationLanguageFixture fx) : IClassFixture<NotificationLanguageFixture>
{
    private static readonly DateOnly Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

    private static async Task<List<JsonElement>> Inbox(HttpClient client, string culture) =>
        (await client.GetJson($"/api/v1/notifications?limit=100&culture={culture}")).GetProperty("items").EnumerateArray().ToList();

    private static async Task<long> OpenCampaignAsync(HttpClient office, string name)
    {
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", adopt: true);
        await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Http.JsonBody(new
        {
            name, year = 2031, deadline = Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }))).ShouldBe(HttpStatusCode.Created);
        return tree.PlanId;
    }

    [Fact]
    public async Task A_campaign_notification_reads_in_the_readers_language_with_its_date()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        await OpenCampaignAsync(office, "Monitoraggio lingue");

        var italian = (await Inbox(sector, "it")).First(n => n.GetProperty("subject").GetString()!.Contains("Monitoraggio lingue"));
        Assert.Equal("Nuova campagna di monitoraggio: Monitoraggio lingue", italian.GetProperty("subject").GetString());
        Assert.Contains("entro il " + Deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("it-IT")), italian.GetProperty("body").GetString());

        var english = (await Inbox(sector, "en")).First(n => n.GetProperty("subject").GetString()!.Contains("Monitoraggio lingue"));
        Assert.Equal("New monitoring campaign: Monitoraggio lingue", english.GetProperty("subject").GetString());
        Assert.Contains("by " + Deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), english.GetProperty("body").GetString());
        Assert.DoesNotContain("entro", english.GetProperty("body").GetString());
    }

    [Fact]
    public async Task The_email_is_in_the_recipients_language_chosen_with_the_switch()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await sector.GetAsync("/lingua?cultura=en&ritorno=/")).StatusCode);
            await OpenCampaignAsync(office, "Campagna in inglese");
            var mail = await fx.App.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == Demo.Sector && m.Subject.Contains("Campagna in inglese")).SingleAsync());
            Assert.Equal("New monitoring campaign: Campagna in inglese", mail.Subject);
            Assert.Contains("by " + Deadline.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), mail.Body);
            Assert.StartsWith("Dear ", mail.Body);
        }
        finally
        {
            await sector.GetAsync("/lingua?cultura=it&ritorno=/");
        }
        await OpenCampaignAsync(office, "Campagna di nuovo italiana");
        var back = await fx.App.WithDb(db => db.Set<OutboxMessage>().Where(m => m.To == Demo.Sector && m.Subject.Contains("Campagna di nuovo italiana")).SingleAsync());
        Assert.StartsWith("Gentile ", back.Body);
    }

    [Fact]
    public async Task Values_tell_the_plan_office_they_wait_and_the_submitter_the_decision_with_the_reason()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", adopt: true);
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "IND-N1", name = "Alberi notificati", unit = "numero", direction = "increase",
            baselineValue = 100, baselineYear = 2030, frequency = "annual", targets = new[] { new { year = 2031, value = 300 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var value = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 1250 })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var waiting = (await Inbox(office, "it")).First(n => n.GetProperty("subject").GetString() == "Valore da validare: IND-N1 (2031)");
        Assert.Contains("1.250", waiting.GetProperty("body").GetString());
        Assert.Contains("1,250", (await Inbox(office, "en")).First(n => n.GetProperty("subject").GetString() == "Value to validate: IND-N1 (2031)").GetProperty("body").GetString());

        await (await office.PostJson($"/api/v1/measurements/{value}/rejection", new { reason = "Manca la fonte del dato" }, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);
        var rejected = (await Inbox(sector, "it")).First(n => n.GetProperty("subject").GetString() == "Valore respinto: IND-N1 (2031)");
        Assert.Contains("Motivo: Manca la fonte del dato", rejected.GetProperty("body").GetString());

        await (await sector.PutJson($"/api/v1/measurements/{value}", new { period = "2031", value = 1300 }, "\"2\"")).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PostJson($"/api/v1/measurements/{value}/validation", new { }, "\"3\"")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Contains(await Inbox(sector, "en"), n => n.GetProperty("subject").GetString() == "Value validated: IND-N1 (2031)");
    }

    [Fact]
    public async Task A_row_stored_as_text_before_kinds_is_shown_as_stored()
    {
        var sector = await fx.As(Demo.Sector);
        await fx.App.WithDb(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == Demo.Sector);
            db.Add(new Notification
            {
                UserId = user.Id, Subject = "Vecchio avviso", Body = "Testo di prima, entro il 6 January 2027.", DedupKey = "legacy:1", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var old = (await Inbox(sector, "en")).First(n => n.GetProperty("subject").GetString() == "Vecchio avviso");
        Assert.Equal("Testo di prima, entro il 6 January 2027.", old.GetProperty("body").GetString());
        Assert.Equal(NotificationText.PlainText, await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.DedupKey == "legacy:1").Select(n => n.Kind).SingleAsync()));
    }
}
