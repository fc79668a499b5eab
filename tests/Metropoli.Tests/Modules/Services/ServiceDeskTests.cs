using System.Net;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;
using Metropoli.Services.Model;
using Metropoli.Services.Sla;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;
using static Metropoli.Tests.Modules.Services.ServiceBuilders;

namespace Metropoli.Tests.Modules.Services;

internal sealed class FixedServiceClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Issue 21, the desk: a Comune that has joined a service (a convention in force in the agreements module) sends
/// requests, one that has not is refused with how to join; the office moves them with reasons under If-Match; only the
/// Comune and the office see them; the service-level clock pauses while waiting for the Comune and the alert job warns
/// the office before the target and once when it is missed.</summary>
// On PostgreSQL too: the adhesion is a join across the agreements' and the territory's tables, and the scoped lists are SQL.
[Trait("Database", "Both")]
public sealed class ServiceDeskTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_comune_that_joined_sends_a_request_and_the_office_takes_it_asks_answers_and_the_comune_closes_it_with_a_rating()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var slug = await ServiceAsync(await fx.As(Demo.Admin), agreement);
        var service = await fx.App.Anonymous().GetJson($"/api/v1/services/{slug}");
        Assert.Contains(service.GetProperty("members").EnumerateArray(), m => m.GetProperty("istatCode").GetString() == Demo.Rho);

        var rho = await fx.As(Demo.RhoOfficer);
        var sector = await fx.As(Demo.Sector);
        var id = await RequestAsync(rho, slug, $"Richiesta {Guid.NewGuid():N}");
        var url = $"/api/v1/service-requests/{id}";
        var created = await rho.GetJson(url);
        Assert.Equal("submitted", created.GetProperty("status").GetString());
        Assert.Equal(agreement, created.GetProperty("agreementId").GetInt64());
        Assert.True(created.GetProperty("firstAnswer").GetProperty("running").GetBoolean());
        Assert.Contains((await sector.GetJson("/api/v1/service-requests?limit=200")).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        // On the office's desk, and found by the site search of those who see it.
        var sectorPages = await fx.App.SignedIn(Demo.Sector);
        Assert.Contains("Richieste dei Comuni da prendere in carico", await sectorPages.Html("/scrivania"), StringComparison.Ordinal);
        Assert.Contains($"/casa-dei-comuni/richieste/{id}", await sectorPages.Html("/cerca?q=" + Uri.EscapeDataString(created.GetProperty("subject").GetString()!)), StringComparison.Ordinal);
        Assert.Contains("in attesa del Comune", await fx.App.Anonymous().Html("/aiuto/glossario"), StringComparison.Ordinal);

        // If-Match: required, and a stale version is a conflict.
        await (await sector.PostAsync($"{url}/transitions", Http.JsonBody(new { status = "in-progress", reason = "Presa in carico" }))).ShouldBeProblem(428);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"{url}/transitions") { Content = Http.JsonBody(new { status = "in-progress", reason = "Presa in carico" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        await (await sector.SendAsync(stale)).ShouldBeProblem(409);
        // The Comune cannot take its own request in charge; a move needs a reason; assignment to someone outside the office is refused.
        await (await MoveAsync(rho, id, "in-progress")).ShouldBeProblem(409);
        Assert.True((await (await MoveAsync(sector, id, "in-progress", reason: " ")).ShouldBeProblem(422)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await (await MoveAsync(sector, id, "in-progress", extra: new { assignedTo = Demo.RhoOfficer })).ShouldBeProblem(422)).GetProperty("errors").TryGetProperty("assignedTo", out _));

        await (await MoveAsync(sector, id, "in-progress", "Presa in carico", new { assignedTo = Demo.Sector })).ShouldBe(HttpStatusCode.NoContent);
        await (await MoveAsync(sector, id, "waiting", "Manca il quesito firmato")).ShouldBe(HttpStatusCode.NoContent);
        var waiting = await rho.GetJson(url);
        Assert.True(waiting.GetProperty("firstAnswer").GetProperty("stopped").GetBoolean());
        Assert.True(waiting.GetProperty("resolution").GetProperty("paused").GetBoolean());
        Assert.Equal(Demo.Sector, waiting.GetProperty("assignedTo").GetString());

        // The Comune's message brings the request back to the office.
        await (await rho.PostAsync($"{url}/messages", Http.JsonBody(new { text = "Ecco il quesito firmato." }))).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("in-progress", (await rho.GetJson(url)).GetProperty("status").GetString());

        await (await MoveAsync(sector, id, "answered", "Parere allegato")).ShouldBe(HttpStatusCode.NoContent);
        Assert.True((await (await MoveAsync(rho, id, "closed", "Grazie", new { rating = 7 })).ShouldBeProblem(422)).GetProperty("errors").TryGetProperty("rating", out _));
        await (await MoveAsync(rho, id, "closed", "Risposta chiara", new { rating = 5, ratingComment = "Rapidi" })).ShouldBe(HttpStatusCode.NoContent);
        var closed = await rho.GetJson(url);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(5, closed.GetProperty("rating").GetInt32());
        Assert.True(closed.GetProperty("resolution").GetProperty("stopped").GetBoolean());
        var history = closed.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "status").Select(e => e.GetProperty("toStatus").GetString()).ToList();
        Assert.Equal(new[] { "submitted", "in-progress", "waiting", "in-progress", "answered", "closed" }, history);
        await (await rho.PostAsync($"{url}/messages", Http.JsonBody(new { text = "Ancora una cosa" }))).ShouldBeProblem(409);
        Assert.Contains("Presa in carico", await (await fx.App.SignedIn(Demo.RhoOfficer)).Html($"/casa-dei-comuni/richieste/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_keep_their_sha256_follow_the_upload_checks_and_stay_within_the_request()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var slug = await ServiceAsync(await fx.As(Demo.Admin), agreement);
        var rho = await fx.As(Demo.RhoOfficer);
        var id = await RequestAsync(rho, slug, "Richiesta con allegato");
        var bytes = "%PDF-1.4 quesito firmato"u8.ToArray();
        var pdf = new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/pdf" } } };
        var created = await (await rho.PostAsync($"/api/v1/service-requests/{id}/attachments", new MultipartFormDataContent { { pdf, "file", "quesito.pdf" } }))
            .ShouldBe(HttpStatusCode.Created);
        var attachment = created.GetProperty("id").GetInt64();
        var detail = await rho.GetJson($"/api/v1/service-requests/{id}");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Contains(detail.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("sha256").GetString()!.Equals(sha, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(bytes, await (await fx.As(Demo.Sector)).GetByteArrayAsync($"/api/v1/service-request-attachments/{attachment}/file"));
        var milano = await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Demo.Milano);
        await (await (await fx.As(milano.Email!)).GetAsync($"/api/v1/service-request-attachments/{attachment}/file")).ShouldBeProblem(404);
        // A text file named .pdf fails the platform's content check.
        var fake = new ByteArrayContent("ciao"u8.ToArray()) { Headers = { { "Content-Type", "application/pdf" } } };
        await (await rho.PostAsync($"/api/v1/service-requests/{id}/attachments", new MultipartFormDataContent { { fake, "file", "finto.pdf" } })).ShouldBeProblem(422);
    }

    [Fact]
    public async Task The_comune_sends_a_request_from_the_service_page_and_the_office_answers_from_the_request_page()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var slug = await ServiceAsync(await fx.As(Demo.Admin), agreement);
        var rhoPages = await fx.App.SignedIn(Demo.RhoOfficer);
        var subject = $"Richiesta dalla pagina {Guid.NewGuid():N}";
        var sent = await rhoPages.SubmitAsync($"/casa-dei-comuni/servizi/{slug}",
            [("Input.Type", "opinion"), ("Input.Subject", subject), ("Input.Description", "Serve un parere sul regolamento.")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var url = sent.Headers.Location!.ToString();
        Assert.StartsWith("/casa-dei-comuni/richieste/", url, StringComparison.Ordinal);
        var sectorPages = await fx.App.SignedIn(Demo.Sector);
        var html = await sectorPages.Html(url);
        Assert.Contains(subject, html, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var moved = await sectorPages.SubmitAsync(url, [("Version", version), ("Input.Status", "answered"), ("Input.Reason", "Parere reso dalla pagina")], "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Parere reso dalla pagina", await rhoPages.Html(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comune_without_a_convention_in_force_is_refused_with_how_to_join()
    {
        var office = await fx.As(Demo.PlanOffice);
        var admin = await fx.As(Demo.Admin);
        var rho = await fx.As(Demo.RhoOfficer);
        var none = await ServiceAsync(admin, null);
        var refused = await (await rho.PostAsync("/api/v1/service-requests", Http.JsonBody(new { service = none, subject = "Prova", description = "Prova" }))).ShouldBeProblem(409);
        Assert.Contains(HowToJoin, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A convention in force, but of another Comune.
        var (milano, _, _) = await InForceAsync(fx.App, office, Demo.Milano);
        var other = await ServiceAsync(admin, milano);
        await (await rho.PostAsync("/api/v1/service-requests", Http.JsonBody(new { service = other, subject = "Prova", description = "Prova" }))).ShouldBeProblem(409);
        // Only municipality officers send requests.
        await (await office.PostAsync("/api/v1/service-requests", Http.JsonBody(new { service = other, subject = "Prova", description = "Prova" }))).ShouldBeProblem(403);
        var invalid = await (await rho.PostAsync("/api/v1/service-requests", Http.JsonBody(new { service = other, subject = "" }))).ShouldBeProblem(422);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("subject", out _));
    }

    [Fact]
    public async Task Another_comune_another_sector_and_the_public_do_not_see_a_request()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var slug = await ServiceAsync(await fx.As(Demo.Admin), agreement);
        var id = await RequestAsync(await fx.As(Demo.RhoOfficer), slug, "Richiesta riservata di Rho");
        var milanoOfficer = await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Demo.Milano);
        var mobility = await fx.App.CreateUserAsync(Roles.SectorOfficer, sector: "mobilita");
        foreach (var email in new[] { milanoOfficer.Email!, mobility.Email!, Demo.Forum, Demo.PlanOffice })
        {
            var client = await fx.As(email);
            await (await client.GetAsync($"/api/v1/service-requests/{id}")).ShouldBeProblem(404);
            await (await client.PostAsync($"/api/v1/service-requests/{id}/messages", Http.JsonBody(new { text = "Intrusione" }))).ShouldBeProblem(404);
            await (await MoveAsync(client, id, "closed", extra: null)).ShouldBeProblem(428);
            var list = await client.GetJson("/api/v1/service-requests?limit=200");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await fx.App.SignedIn(milanoOfficer.Email!)).GetAsync($"/casa-dei-comuni/richieste/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.App.Anonymous().GetAsync($"/api/v1/service-requests/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_alert_job_warns_the_office_a_day_before_the_target_once_and_again_when_it_is_missed()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var slug = await ServiceAsync(await fx.As(Demo.Admin), agreement, firstAnswerDays: 2, resolutionDays: 5);
        var id = await RequestAsync(await fx.As(Demo.RhoOfficer), slug, "Richiesta con scadenza");
        // Sent on Monday 30 November 2026 at noon in Milan.
        var sent = new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc);
        await fx.App.WithDb(db => db.Set<ServiceRequest>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, sent)));
        var sectorUser = await fx.App.WithDb(db => db.Users.SingleAsync(u => u.Email == Demo.Sector));

        // Tuesday: 1 of 2 working days used, due Wednesday 2 December.
        var tuesday = new FixedServiceClock(new DateTimeOffset(sent.AddDays(1)));
        await fx.App.WithDb(db => ServiceLevelAlertJob.SendAsync(db, tuesday, 1, CancellationToken.None));
        await fx.App.WithDb(db => ServiceLevelAlertJob.SendAsync(db, tuesday, 1, CancellationToken.None));
        var key = $"service-sla:{id}:first:2026-12-02";
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<Notification>().CountAsync(n => n.UserId == sectorUser.Id && n.DedupKey == key)));
        Assert.True(await fx.App.WithDb(db => db.Set<OutboxMessage>().AnyAsync(m => m.To == Demo.Sector && m.Subject.Contains("Richiesta con scadenza"))));

        // Monday 7 December: missed.
        var monday = new FixedServiceClock(new DateTimeOffset(sent.AddDays(7)));
        await fx.App.WithDb(db => ServiceLevelAlertJob.SendAsync(db, monday, 1, CancellationToken.None));
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<Notification>().CountAsync(n => n.UserId == sectorUser.Id && n.DedupKey == $"service-sla-breach:{id}:first")));
    }
}
