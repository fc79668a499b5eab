using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>Every change of an agreement's links (themes, Comuni, zones, plan objectives and actions) is in the
/// audit trail, a proposal is registered whole or not at all, and removing a party from the page is refused
/// when the page showed an older version of the agreement.</summary>
[Trait("Database", "Both")]
public sealed partial class AgreementAuditAndConcurrencyTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private sealed record Links(string[] Themes, string[] Municipalities, string[] Zones, long[] ObjectiveIds, long[] ActionIds);

    [Fact]
    public async Task Every_change_of_themes_comuni_zones_objectives_and_actions_is_in_the_audit_trail_and_unchanged_links_are_untouched()
    {
        var office = await fx.As(Demo.PlanOffice);
        var admin = await fx.As(Demo.Admin);
        var themes = await fx.App.WithDb(db => db.Set<AgreementTheme>().OrderBy(t => t.Code).Select(t => t.Code).Take(3).ToListAsync());
        var objectives = await fx.App.WithDb(db => db.Set<PlanObjective>().OrderBy(o => o.Id).Select(o => o.Id).Take(3).ToListAsync());
        var actions = await fx.App.WithDb(db => db.Set<PlanAction>().OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToListAsync());
        Assert.True(objectives.Count == 3 && actions.Count == 3, "The demo plan should have at least three objectives and three actions.");
        var comuni = await fx.App.WithDb(db => db.Set<Municipality>().OrderBy(m => m.IstatCode).Select(m => m.IstatCode).Take(3).ToListAsync());
        var zones = await fx.App.WithDb(db => db.Set<Zone>().OrderBy(z => z.Code).Select(z => z.Code).Take(3).ToListAsync());

        var id = await CreateAsync(office, extra: new
        {
            themes = new[] { themes[0], themes[1] }, municipalities = new[] { comuni[0], comuni[1] }, zones = new[] { zones[0], zones[1] },
            objectiveIds = new[] { objectives[0], objectives[1] }, actionIds = new[] { actions[0], actions[1] },
        });
        var url = $"/api/v1/agreements/{id}";
        var created = await office.GetJson(url);

        // Each kind of link: the first stays, the second goes, a third comes.
        var since = await HeadAsync();
        var body = Body(created, new Links([themes[0], themes[2]], [comuni[0], comuni[2]], [zones[0], zones[2]], [objectives[0], objectives[2]], [actions[0], actions[2]]));
        await (await office.PutJson(url, body, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);

        var trail = await TrailAsync(admin, since);
        foreach (var (type, kept, removed, added) in new[]
        {
            (nameof(AgreementThemeLink), themes[0], themes[1], themes[2]),
            (nameof(AgreementMunicipality), comuni[0], comuni[1], comuni[2]),
            (nameof(AgreementZone), zones[0], zones[1], zones[2]),
            (nameof(AgreementObjective), objectives[0].ToString(), objectives[1].ToString(), objectives[2].ToString()),
            (nameof(AgreementAction), actions[0].ToString(), actions[1].ToString(), actions[2].ToString()),
        })
        {
            var report = string.Join("\n", trail.Select(e => $"{e.Type} {e.Id} {e.Action}"));
            Assert.True(trail.Any(e => e.Type == type && e.Id == $"{id}/{removed}" && e.Action == "delete" && e.Before!.Contains(removed, StringComparison.Ordinal)),
                $"No audited delete of {type} {id}/{removed}:\n{report}");
            Assert.True(trail.Any(e => e.Type == type && e.Id == $"{id}/{added}" && e.Action == "create"), $"No audited create of {type} {id}/{added}:\n{report}");
            Assert.False(trail.Any(e => e.Type == type && e.Id == $"{id}/{kept}"), $"The unchanged link {type} {id}/{kept} was rewritten:\n{report}");
            Assert.All(trail.Where(e => e.Type == type), e => Assert.Equal(Demo.PlanOffice, e.User));
        }

        // The links as stored are the ones asked for.
        var after = await office.GetJson(url);
        Assert.Equal([themes[0], themes[2]], after.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("code").GetString()!).Order().ToArray());

        // An edit that changes no link writes no link entry.
        since = await HeadAsync();
        var same = Body(after, new Links([themes[2], themes[0]], [comuni[0], comuni[2]], [zones[0], zones[2]], [objectives[0], objectives[2]], [actions[0], actions[2]]));
        same["title"] = "Titolo cambiato, legami invariati " + Guid.NewGuid().ToString("N")[..6];
        await (await office.PutJson(url, same, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        var second = await TrailAsync(admin, since);
        Assert.Contains(second, e => e.Type == nameof(Agreement) && e.Action == "update");
        Assert.DoesNotContain(second, e => e.Type.StartsWith("Agreement", StringComparison.Ordinal) && e.Type != nameof(Agreement) && e.Type != "AuditTrail");

        // Clearing every link is audited as five deletes.
        since = await HeadAsync();
        await (await office.PutJson(url, Body(after, new Links([], [], [], [], [])), await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        var cleared = await TrailAsync(admin, since);
        Assert.Equal(10, cleared.Count(e => e.Action == "delete" && e.Id.StartsWith($"{id}/", StringComparison.Ordinal)));
    }

    private sealed record TrailEntry(string Type, string Id, string Action, string? Before, string User);

    private async Task<long> HeadAsync() =>
        await fx.App.WithDb(db => db.AuditEntries.MaxAsync(e => e.Sequence));

    /// <summary>The trail after <paramref name="since"/>, read through the audit API as an administrator would.</summary>
    private static async Task<List<TrailEntry>> TrailAsync(HttpClient admin, long since)
    {
        var page = await admin.GetJson("/api/v1/audit-entries?limit=200");
        return page.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("sequence").GetInt64() > since)
            .Select(e => new TrailEntry(e.GetProperty("entityType").GetString()!, e.GetProperty("entityId").GetString()!, e.GetProperty("action").GetString()!,
                e.GetProperty("before").ValueKind == JsonValueKind.String ? e.GetProperty("before").GetString() : null, e.GetProperty("userName").GetString()!))
            .ToList();
    }

    private static Dictionary<string, object?> Body(JsonElement agreement, Links links) => new()
    {
        ["title"] = agreement.GetProperty("title").GetString(),
        ["type"] = agreement.GetProperty("type").GetString(),
        ["subject"] = agreement.GetProperty("subject").GetString(),
        ["visibility"] = agreement.GetProperty("visibility").GetString(),
        ["themes"] = links.Themes, ["municipalities"] = links.Municipalities, ["zones"] = links.Zones,
        ["objectiveIds"] = links.ObjectiveIds, ["actionIds"] = links.ActionIds,
    };

    [Fact]
    public async Task A_proposal_whose_second_step_fails_leaves_no_agreement_behind()
    {
        var title = $"{FailingSave.Marker} {Guid.NewGuid():N}";
        var token = await fx.App.TokenFor(Demo.PlanOffice);
        await using var failing = fx.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new FailingSave()))));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var response = await client.PostAsync("/api/v1/agreements", Http.JsonBody(new
        {
            title, type = "protocol", visibility = "public", themes = new[] { "qualita-aria" }, zones = new[] { "nord-ovest" }, municipalities = new[] { Demo.Rho },
        }));
        Assert.True((int)response.StatusCode >= 500, $"The injected failure should answer 5xx, got {(int)response.StatusCode}.");

        var left = await fx.App.WithDb(db => db.Set<Agreement>().CountAsync(a => a.Title == title));
        Assert.True(left == 0, $"{left} half-registered agreement(s) left behind by a failed registration.");
        var orphanLinks = await fx.App.WithDb(db => db.Set<AgreementThemeLink>().CountAsync(l => !db.Set<Agreement>().Any(a => a.Id == l.AgreementId)));
        Assert.Equal(0, orphanLinks);

        // The same request without the failure registers the proposal whole.
        var office = await fx.As(Demo.PlanOffice);
        var ok = await (await office.PostAsync("/api/v1/agreements", Http.JsonBody(new { title = "Intesa riuscita " + Guid.NewGuid().ToString("N"), type = "protocol", themes = new[] { "qualita-aria" } })))
            .ShouldBe(HttpStatusCode.Created);
        var detail = await office.GetJson($"/api/v1/agreements/{ok.GetProperty("id").GetInt64()}");
        Assert.Equal("proposal", detail.GetProperty("history").EnumerateArray().Single().GetProperty("toStatus").GetString());
        Assert.Single(detail.GetProperty("themes").EnumerateArray());
    }

    /// <summary>Fails the save that records the proposal's first status (and its links), after the agreement row itself.</summary>
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public const string Marker = "Intesa destinata a fallire";

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var tracker = eventData.Context!.ChangeTracker;
            if (tracker.Entries<Agreement>().Any(a => a.Entity.Title.StartsWith(Marker, StringComparison.Ordinal))
                && tracker.Entries<AgreementStatusChange>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException("Guasto simulato durante la registrazione della proposta.");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [GeneratedRegex("""<form[^>]*handler=RemoveParty[^>]*>(.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex RemovePartyForm();

    [GeneratedRegex("""name="Version" value="(\d+)"|value="(\d+)"[^>]*name="Version" """)]
    private static partial Regex VersionField();

    [Fact]
    public async Task Removing_a_party_from_a_page_that_shows_an_older_version_is_refused_and_the_party_stays()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await CreateAsync(office);
        var rho = await AddPartyAsync(office, id, await OrganisationOfComuneAsync(fx.App, Demo.Rho));
        await AddPartyAsync(office, id, await OrganisationOfComuneAsync(fx.App, Demo.Milano));
        var url = $"/api/v1/agreements/{id}";
        var shown = (await office.GetJson(url)).GetProperty("version").GetInt32();

        // The page as the person sees it: the removal form carries the version it showed.
        var browser = await fx.App.SignedIn(Demo.PlanOffice);
        var html = await (await browser.GetAsync($"/intese/{id}")).Content.ReadAsStringAsync();
        var form = RemovePartyForm().Match(html);
        Assert.True(form.Success, "No remove-party form on the page.");
        var field = VersionField().Match(form.Groups[1].Value);
        var carried = !field.Success ? null : field.Groups[1].Success ? field.Groups[1].Value : field.Groups[2].Value;
        var token = WebUtility.HtmlDecode(Forms.AntiforgeryToken(html)!);

        // Meanwhile someone else changes the agreement.
        var current = await office.GetJson(url);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "Cambiato da un altro utente " + Guid.NewGuid().ToString("N")[..6], ["type"] = current.GetProperty("type").GetString(),
            ["visibility"] = current.GetProperty("visibility").GetString(), ["themes"] = new[] { "qualita-aria" },
        };
        await (await office.PutJson(url, body, await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);

        // The stale form is refused with the page's concurrency message, and the party stays.
        var post = await browser.PostAsync($"/intese/{id}?handler=RemoveParty", new FormUrlEncodedContent(
        [
            new("PartyId", rho.ToString()), new("Confirm", "true"), new("Version", shown.ToString()), new("__RequestVerificationToken", token),
        ]));
        var answer = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.True(post.StatusCode == HttpStatusCode.OK, $"A stale removal should be answered with the page and a message, got {(int)post.StatusCode} {post.Headers.Location}.");
        Assert.Contains("Nel frattempo un altro utente ha modificato questa intesa", answer, StringComparison.Ordinal);
        var parties = (await office.GetJson(url)).GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(rho, parties);
        Assert.True(carried is not null, "The remove-party form does not carry the version of the agreement it showed.");
        Assert.Equal(shown.ToString(), carried);

        // With the current version the same removal goes through.
        var fresh = (await office.GetJson(url)).GetProperty("version").GetInt32();
        var done = await browser.PostAsync($"/intese/{id}?handler=RemoveParty", new FormUrlEncodedContent(
        [
            new("PartyId", rho.ToString()), new("Confirm", "true"), new("Version", fresh.ToString()), new("__RequestVerificationToken", token),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain(rho, (await office.GetJson(url)).GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }
}
