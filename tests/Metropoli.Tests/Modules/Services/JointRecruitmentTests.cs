using System.Net;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;
using Metropoli.Services.Model;
using Metropoli.Services.Recruitment;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Services;

/// <summary>Issue 21, the joint recruitment office: two Comuni send staffing needs, one joint competition serves them, its
/// pseudonymous list is approved, a third Comune with a convention draws the next candidate; draws go in rank order
/// (a skip needs its reason), never from an expired list nor without a convention, and concurrent draws never share a rank.</summary>
// On PostgreSQL too: the draws rely on the unique indexes of the list, and the adhesion is a join across modules.
[Trait("Database", "Both")]
public sealed class JointRecruitmentTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Third = "015181";
    private const string Outsider = "015082";

    public static async Task<string> RecruitmentServiceAsync(MetropoliApp app, HttpClient admin, HttpClient office, string sector, params string[] members)
    {
        var agreements = new List<long>();
        foreach (var istat in members) agreements.Add((await InForceAsync(app, office, istat)).Id);
        var slug = $"concorsi-{Guid.NewGuid():N}"[..24];
        await (await admin.PostAsync("/api/v1/services", Http.JsonBody(new
        {
            slug, name = $"Ufficio unico concorsi {slug}", kind = "recruitment", summary = "Concorsi unici.", description = "Descrizione di prova.",
            eligibility = "I Comuni aderenti.", howToJoin = ServiceBuilders.HowToJoin, fees = "Gratuito.", officeSector = sector, officeName = "Ufficio concorsi",
            firstAnswerDays = 5, resolutionDays = 60, documents = new[] { "Piano dei fabbisogni" }, agreements,
        }))).ShouldBe(HttpStatusCode.Created);
        return slug;
    }

    public static async Task<long> NeedAsync(HttpClient comune, string slug, string profile, int posts, string? notes = null) =>
        (await (await comune.PostAsync("/api/v1/staffing-needs", Http.JsonBody(new
        {
            service = slug, profile, area = "istruttori", posts, notes, neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(120)).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>A competition serving <paramref name="need"/> with an approved list of <paramref name="entries"/> codes; its list's id.</summary>
    public static async Task<(long Competition, long List)> CompetitionWithListAsync(HttpClient office, string slug, long need, int entries)
    {
        var competition = (await (await office.PostAsync("/api/v1/competitions", Http.JsonBody(new { service = slug, needs = new[] { need }, title = "Concorso unico di prova" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var list = (await (await office.PostAsync("/api/v1/ranking-lists", Http.JsonBody(new
        {
            competitionId = competition, actNumber = "1/2026", approvedOn = Today(), validUntil = Today(365),
            candidates = Enumerable.Range(1, entries).Select(i => $"C{competition}-{i:000}").ToArray(),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        return (competition, list);
    }

    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");

    private static HttpContent Draw(object body) => Http.JsonBody(body);

    [Fact]
    public async Task Two_comuni_send_needs_one_competition_serves_them_its_list_is_approved_and_a_third_comune_with_a_convention_draws_in_order()
    {
        var admin = await fx.As(Demo.Admin);
        var office = await fx.As(Demo.PlanOffice);
        var slug = await RecruitmentServiceAsync(fx.App, admin, office, "ambiente", Demo.Rho, Demo.Milano, Third);
        var rho = await fx.As(Demo.RhoOfficer);
        var milano = await fx.As((await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Demo.Milano)).Email!);
        var third = await fx.As((await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Third)).Email!);
        var outsider = await fx.As((await fx.App.CreateUserAsync(Roles.MunicipalityOfficer, municipality: Outsider)).Email!);
        var sector = await fx.As(Demo.Sector);
        var profile = $"Istruttore amministrativo {Guid.NewGuid():N}"[..34];

        // Needs: for one's own Comune, only with the convention, and well formed.
        var rhoNeed = await NeedAsync(rho, slug, profile, 2);
        var milanoNeed = await NeedAsync(milano, slug, profile, 1);
        var refused = await (await outsider.PostAsync("/api/v1/staffing-needs", Http.JsonBody(new { service = slug, profile, area = "istruttori", posts = 1, neededBy = Today(30) }))).ShouldBeProblem(409);
        Assert.Contains(ServiceBuilders.HowToJoin, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var bad = await (await rho.PostAsync("/api/v1/staffing-needs", Http.JsonBody(new { service = slug, profile, area = "dirigenti", posts = 0, neededBy = Today(-1) }))).ShouldBeProblem(422);
        Assert.True(bad.GetProperty("errors").TryGetProperty("area", out _) && bad.GetProperty("errors").TryGetProperty("posts", out _) && bad.GetProperty("errors").TryGetProperty("neededBy", out _));
        await (await sector.PostAsync("/api/v1/staffing-needs", Http.JsonBody(new { service = slug, profile, area = "istruttori", posts = 1, neededBy = Today(30) }))).ShouldBeProblem(403);
        var rhoSees = (await rho.GetJson("/api/v1/staffing-needs?limit=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(rhoSees, n => n.GetProperty("id").GetInt64() == rhoNeed);
        Assert.DoesNotContain(rhoSees, n => n.GetProperty("id").GetInt64() == milanoNeed);

        // One joint competition for both: only the office, posts per Comune are the needs'.
        await (await rho.PostAsync("/api/v1/competitions", Http.JsonBody(new { service = slug, needs = new[] { rhoNeed, milanoNeed }, title = "Concorso" }))).ShouldBeProblem(403);
        var competition = await (await sector.PostAsync("/api/v1/competitions", Http.JsonBody(new { service = slug, needs = new[] { rhoNeed, milanoNeed }, title = $"Concorso unico {profile}" })))
            .ShouldBe(HttpStatusCode.Created);
        var competitionId = competition.GetProperty("id").GetInt64();
        Assert.Equal(3, competition.GetProperty("posts").GetInt32());
        await (await sector.PostAsync("/api/v1/competitions", Http.JsonBody(new { service = slug, needs = new[] { rhoNeed }, title = "Ancora" }))).ShouldBeProblem(422);

        // Published on inPA under If-Match; phases never go back.
        var url = $"/api/v1/competitions/{competitionId}";
        var published = new { title = $"Concorso unico {profile}", noticeReference = "INPA-2026-001", noticeUrl = "https://www.inpa.gov.it/bandi-e-avvisi/dettaglio-bando-avviso/?concorso_id=1", publishedOn = Today(-60), applicationsCloseOn = Today(-30), status = "published" };
        await (await sector.PutJson(url, published, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);
        await (await sector.PutJson(url, published with { }, "\"1\"")).ShouldBeProblem(409);
        await (await sector.PutJson(url, new { published.title, published.noticeReference, published.publishedOn, status = "planned" }, "\"2\"")).ShouldBeProblem(409);

        // The approved list: pseudonymous codes only.
        var codes = Enumerable.Range(1, 12).Select(i => $"CAND-{competitionId}-{i:00}").ToArray();
        var withName = await (await sector.PostAsync("/api/v1/ranking-lists", Http.JsonBody(new { competitionId, actNumber = "12/2026", approvedOn = Today(), validUntil = Today(365), candidates = new[] { "Mario Rossi" } }))).ShouldBeProblem(422);
        Assert.True(withName.GetProperty("errors").TryGetProperty("candidates", out _));
        await (await rho.PostAsync("/api/v1/ranking-lists", Http.JsonBody(new { competitionId, actNumber = "12/2026", approvedOn = Today(), validUntil = Today(365), candidates = codes }))).ShouldBeProblem(403);
        var list = await (await sector.PostAsync("/api/v1/ranking-lists", Http.JsonBody(new { competitionId, actNumber = "12/2026", approvedOn = Today(), validUntil = Today(365), candidates = codes })))
            .ShouldBe(HttpStatusCode.Created);
        var listId = list.GetProperty("id").GetInt64();
        Assert.Equal("list-approved", (await fx.App.Anonymous().GetJson(url)).GetProperty("status").GetString());

        // Any Comune (and anyone) finds the valid lists for the profile; no candidate codes in public.
        var valid = await fx.App.Anonymous().GetJson($"/api/v1/ranking-lists?valid=true&profile={Uri.EscapeDataString(profile)}");
        Assert.Equal(listId, Assert.Single(valid.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var publicList = await fx.App.Anonymous().GetAsync($"/api/v1/ranking-lists/{listId}");
        Assert.DoesNotContain("CAND-", await publicList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("CAND-", await (await fx.App.Anonymous().GetAsync("/casa-dei-comuni/concorsi/export.csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Rho hires rank 1; skipping rank 2 without a reason is refused; the third Comune (a convention, no posts) draws the next, rank 2.
        var first = await (await rho.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { }))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal((1, "hire", codes[0]), (first.GetProperty("rank").GetInt32(), first.GetProperty("kind").GetString()!, first.GetProperty("candidateCode").GetString()!));
        var skip = await (await milano.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { rank = 3 }))).ShouldBeProblem(422);
        Assert.True(skip.GetProperty("errors").TryGetProperty("skipReason", out _));
        await (await rho.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { municipality = Demo.Milano }))).ShouldBeProblem(403);
        var drawn = await (await third.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { }))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal((2, "use"), (drawn.GetProperty("rank").GetInt32(), drawn.GetProperty("kind").GetString()!));
        var noConvention = await (await outsider.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { }))).ShouldBeProblem(422);
        Assert.Contains(ServiceBuilders.HowToJoin, noConvention.GetProperty("errors").GetProperty("municipality")[0].GetString(), StringComparison.Ordinal);
        // A skip with its reason is logged as such, in order.
        var later = await (await milano.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { rank = 4, skipReason = "Rinuncia del candidato" }))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(4, later.GetProperty("rank").GetInt32());
        var log = (await rho.GetJson($"/api/v1/ranking-lists/{listId}/draws")).EnumerateArray().ToList();
        Assert.Equal(new[] { (1, 1, "hire"), (2, 2, "use"), (3, 3, "skip"), (4, 4, "hire") },
            log.Select(d => (d.GetProperty("sequence").GetInt32(), d.GetProperty("rank").GetInt32(), d.GetProperty("kind").GetString()!)).ToArray());
        // The Comune sees the codes of the ranks it drew, not the others'.
        Assert.Equal(codes[0], log[0].GetProperty("candidateCode").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, log[1].GetProperty("candidateCode").ValueKind);

        // Concurrent draws never give the same rank twice.
        var parallel = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? third : rho).PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { }))));
        var ranks = new List<int>();
        foreach (var response in parallel) ranks.Add((await response.ShouldBe(HttpStatusCode.Created)).GetProperty("rank").GetInt32());
        Assert.Equal(new[] { 5, 6, 7, 8, 9, 10 }, ranks.Order().ToArray());

        // Pages: the list, the competition and the Comune's page show them; IT and EN.
        var anonymous = fx.App.Anonymous();
        Assert.Contains(profile, await anonymous.Html($"/casa-dei-comuni/concorsi?profilo={Uri.EscapeDataString(profile)}"), StringComparison.Ordinal);
        Assert.Contains("Registro degli utilizzi", await anonymous.Html($"/casa-dei-comuni/graduatorie/{listId}"), StringComparison.Ordinal);
        Assert.Contains("Posti per Comune", await anonymous.Html($"/casa-dei-comuni/concorsi/{competitionId}"), StringComparison.Ordinal);
        Assert.Contains($"/casa-dei-comuni/concorsi/{competitionId}", await anonymous.Html($"/comuni/{Demo.Rho}"), StringComparison.Ordinal);
        // The third Comune has no posts in the competition, but drew on its list: its page shows it.
        Assert.Contains($"/casa-dei-comuni/concorsi/{competitionId}", await anonymous.Html($"/comuni/{Third}"), StringComparison.Ordinal);
        Assert.Contains(competitionId, (await anonymous.GetJson($"/api/v1/competitions?municipality={Third}&limit=200")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        var english = fx.App.Anonymous();
        await english.GetAsync("/lingua?cultura=en&ritorno=%2F");
        Assert.Contains("Posts per Comune", await english.Html($"/casa-dei-comuni/concorsi/{competitionId}"), StringComparison.Ordinal);

        // Expiry: alerts before it (once), and no draw after it.
        await fx.App.WithDb(async db =>
        {
            await db.Set<RankingList>().Where(l => l.Id == listId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ValidUntil, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20))));
            Assert.True(await RankingListExpiryJob.SendAsync(db, TimeProvider.System, 60, CancellationToken.None) > 0);
            Assert.Equal(0, await RankingListExpiryJob.SendAsync(db, TimeProvider.System, 60, CancellationToken.None));
            Assert.True(await db.Set<Notification>().AnyAsync(n => n.DedupKey.StartsWith($"ranking-list-expiry:{listId}:")));
            await db.Set<RankingList>().Where(l => l.Id == listId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ValidUntil, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))));
        });
        var expired = await (await rho.PostAsync($"/api/v1/ranking-lists/{listId}/draws", Draw(new { }))).ShouldBeProblem(422);
        Assert.True(expired.GetProperty("errors").TryGetProperty("rankingList", out _));
    }
}
