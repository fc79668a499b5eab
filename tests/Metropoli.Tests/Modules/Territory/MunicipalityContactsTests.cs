using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.Territory.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>Editing a Comune's contacts: If-Match against the version (no lost updates), and only
/// administrators or that Comune's own officers.</summary>
// On PostgreSQL too: K parallel updates of one Comune: concurrency.
[Trait("Database", "Both")]
public sealed class MunicipalityContactsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static string Url(string istat) => $"/api/v1/municipalities/{istat}";

    private async Task<string> ETagOf(string istat)
    {
        var response = await fx.App.Anonymous().GetAsync(Url(istat));
        await response.ShouldBe(HttpStatusCode.OK);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        return etag.ToString();
    }

    [Fact]
    public async Task An_update_with_the_current_etag_succeeds_and_returns_the_next_etag()
    {
        var admin = await fx.As(Demo.Admin);
        var before = await ETagOf(Demo.Rho);
        var contacts = Builders.Contacts();

        var response = await admin.PutJson(Url(Demo.Rho) + "/contacts", contacts, before);
        await response.ShouldBe(HttpStatusCode.NoContent);
        var after = response.Headers.ETag?.ToString();
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.Equal(after, await ETagOf(Demo.Rho));

        var m = await fx.App.Anonymous().GetJson(Url(Demo.Rho));
        Assert.Equal(contacts.Website, m.GetProperty("website").GetString());
        Assert.Equal(contacts.Pec, m.GetProperty("pec").GetString());
        Assert.Equal(contacts.Phone, m.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_comune_page_read_before_an_update_shows_the_update_at_once()
    {
        // The page's record and its rendered sections are cached (ReadCache, <cache>): a page read just before
        // the change must not be served again after it, to the public or to the editor.
        var admin = await fx.As(Demo.Admin);
        var anonymous = fx.App.Anonymous();
        var page = "/comuni/" + Demo.Rho;
        var contacts = Builders.Contacts();
        Assert.DoesNotContain(contacts.Pec!, await anonymous.Html(page));
        Assert.DoesNotContain(contacts.Pec!, await admin.Html(page));

        await (await admin.PutJson(Url(Demo.Rho) + "/contacts", contacts, await ETagOf(Demo.Rho))).ShouldBe(HttpStatusCode.NoContent);

        Assert.Contains(contacts.Pec!, await anonymous.Html(page));
        Assert.Contains(contacts.Pec!, await admin.Html(page));
        Assert.Contains("Modifica i contatti", await admin.Html(page));
        Assert.DoesNotContain("Modifica i contatti", await anonymous.Html(page));
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_a_409_problem_and_changes_nothing()
    {
        var admin = await fx.As(Demo.Admin);
        var stale = await ETagOf(Demo.Rho);
        await (await admin.PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(), stale)).ShouldBe(HttpStatusCode.NoContent);
        var current = await fx.App.Anonymous().GetJson(Url(Demo.Rho));

        var problem = await (await admin.PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(website: "https://sovrascritto.example.it"), stale)).ShouldBeProblem(409);
        Assert.Equal(current.GetProperty("version").GetInt32(), problem.GetProperty("currentVersion").GetInt32());
        var unchanged = await fx.App.Anonymous().GetJson(Url(Demo.Rho));
        Assert.Equal(current.GetProperty("website").GetString(), unchanged.GetProperty("website").GetString());
    }

    [Theory]
    [InlineData(null, 428)]
    [InlineData("*", 428)]
    [InlineData("W/\"1\"", 409)]
    [InlineData("\"non-una-versione\"", 409)]
    public async Task An_update_without_a_usable_if_match_is_refused(string? ifMatch, int status)
    {
        var admin = await fx.As(Demo.Admin);
        await (await admin.PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(), ifMatch)).ShouldBeProblem(status);
    }

    [Fact]
    public async Task Of_eight_parallel_updates_from_the_same_version_exactly_one_wins()
    {
        const int k = 8;
        var admin = await fx.As(Demo.Admin);
        var etag = await ETagOf(Demo.Milano);
        var versionBefore = await fx.App.WithDb(db => db.Set<Municipality>().Where(m => m.IstatCode == Demo.Milano).Select(m => m.Version).SingleAsync());

        var responses = await Task.WhenAll(Enumerable.Range(0, k).Select(i =>
            admin.PutJson(Url(Demo.Milano) + "/contacts", Builders.Contacts(website: $"https://www.comune.milano.it/{i}"), etag)));

        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.True(codes.Count(c => c == 204) == 1 && codes.Count(c => c == 409) == k - 1, "Statuses: " + string.Join(", ", codes));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ShouldBeProblem(409);
        }
        var versionAfter = await fx.App.WithDb(db => db.Set<Municipality>().Where(m => m.IstatCode == Demo.Milano).Select(m => m.Version).SingleAsync());
        Assert.Equal(versionBefore + 1, versionAfter);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(winner.Headers.ETag?.ToString(), await ETagOf(Demo.Milano));
    }

    [Fact]
    public async Task Municipality_officer_can_edit_their_own_comune_contacts()
    {
        var officer = await fx.As(Demo.RhoOfficer);
        await (await officer.PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(), await ETagOf(Demo.Rho))).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Municipality_officer_cannot_edit_another_comune_contacts()
    {
        var officer = await fx.As(Demo.RhoOfficer);
        var before = await fx.App.Anonymous().GetJson(Url(Demo.Milano));
        await (await officer.PutJson(Url(Demo.Milano) + "/contacts", Builders.Contacts(), await ETagOf(Demo.Milano))).ShouldBeProblem(403);
        var after = await fx.App.Anonymous().GetJson(Url(Demo.Milano));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(Demo.Forum)]
    [InlineData(Demo.PlanOffice)]
    [InlineData(Demo.ZoneCoordinator)]
    public async Task Other_roles_cannot_edit_contacts(string email)
    {
        await (await (await fx.As(email)).PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(), await ETagOf(Demo.Rho))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_edit_contacts()
    {
        await (await fx.App.Anonymous().PutJson(Url(Demo.Rho) + "/contacts", Builders.Contacts(), await ETagOf(Demo.Rho))).ShouldBeProblem(401);
    }

    [Fact]
    public async Task Invalid_contacts_are_a_422_problem_naming_each_field()
    {
        var admin = await fx.As(Demo.Admin);
        var problem = await (await admin.PutJson(Url(Demo.Rho) + "/contacts",
            Builders.Contacts(website: "javascript:alert(1)", pec: "non-una-pec", phone: "chiamami"), await ETagOf(Demo.Rho))).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("website", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("pec", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("phone", out _), problem.ToString());
    }

    [Fact]
    public async Task Editing_an_unknown_comune_is_a_404_problem()
    {
        await (await (await fx.As(Demo.Admin)).PutJson(Url("999999") + "/contacts", Builders.Contacts(), "\"1\"")).ShouldBeProblem(404);
    }
}
