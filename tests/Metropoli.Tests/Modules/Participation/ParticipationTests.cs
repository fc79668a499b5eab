using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Metropoli.Participation;
using Metropoli.Participation.Model;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Metropoli.Tests.Modules.Participation.ParticipationBuilders;

namespace Metropoli.Tests.Modules.Participation;

internal sealed class ParticipationClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Issue 22 through HTTP: bodies and membership, meetings with the coordinator's power from the rotation,
/// iCalendar, consultations with proposals, endorsements, moderation, flood limits, answers traced to the plan, and
/// the open data. Each test makes its own records.</summary>
// On PostgreSQL too: the unique endorsement index, dated rotation rows and DateOnly windows.
[Trait("Database", "Both")]
public sealed class ParticipationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static DateOnly Today => CivilClock.Today(TimeProvider.System);

    [Fact]
    public async Task A_forum_member_applies_for_their_organisation_the_secretariat_approves_and_the_member_is_published_without_persons()
    {
        var office = await fx.As(Demo.PlanOffice);
        var forum = await BodyAsync(office);
        var table = await BodyAsync(office, "table", parent: forum);
        await (await office.PostAsync("/api/v1/bodies", Http.JsonBody(new { kind = "table", name = "Tavolo senza Forum" }))).ShouldBeProblem(422);
        await (await office.PostAsync("/api/v1/bodies", Http.JsonBody(new { kind = "zone-assembly", name = "Assemblea di Milano", zoneCode = "milano" }))).ShouldBeProblem(422);
        await (await (await fx.As(Demo.Sector)).PostAsync("/api/v1/bodies", Http.JsonBody(new { kind = "forum", name = "Forum abusivo" }))).ShouldBeProblem(403);

        var (member, org, _) = await MemberAsync(fx.App);
        var created = await (await member.PostAsync($"/api/v1/bodies/{table}/membership-requests", Http.JsonBody(new { category = "third-sector", motivation = "Vogliamo partecipare." })))
            .ShouldBe(HttpStatusCode.Created);
        var request = created.GetProperty("id").GetInt64();
        await (await member.PostAsync($"/api/v1/bodies/{table}/membership-requests", Http.JsonBody(new { category = "third-sector" }))).ShouldBeProblem(409);
        // A forum-member account without an organisation, and other roles, cannot apply.
        await (await (await fx.As(Demo.Forum)).PostAsync($"/api/v1/bodies/{table}/membership-requests", Http.JsonBody(new { category = "culture" }))).ShouldBeProblem(403);

        var decide = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/membership-requests/{request}/decision") { Content = Http.JsonBody(new { approve = true }) };
        await (await office.SendAsync(decide)).ShouldBeProblem(428);
        var requests = await office.GetJson($"/api/v1/bodies/{table}/membership-requests");
        Assert.Equal("pending", requests[0].GetProperty("status").GetString());
        decide = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/membership-requests/{request}/decision") { Content = Http.JsonBody(new { approve = true }) };
        decide.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await office.SendAsync(decide)).ShouldBe(HttpStatusCode.NoContent);

        var body = await fx.App.Anonymous().GetJson($"/api/v1/bodies/{table}");
        var listed = body.GetProperty("members").EnumerateArray().Single();
        Assert.Equal((org, "third-sector"), (listed.GetProperty("organisationId").GetInt64(), listed.GetProperty("category").GetString()));
        Assert.Contains(table, (await fx.App.Anonymous().GetJson($"/api/v1/bodies/{forum}")).GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        var csv = await fx.App.Anonymous().GetStringAsync("/partecipazione/membri.csv");
        Assert.Contains($"{table},", csv);
        Assert.DoesNotContain("@", csv); // no e-mail, no person: organisations only
        var page = await fx.App.Anonymous().Html($"/partecipazione/organismi/{table}");
        Assert.Contains(listed.GetProperty("name").GetString()!, page);
        Assert.Contains($"/partecipazione/organismi/{table}", await fx.App.Anonymous().Html("/partecipazione"));
    }

    [Fact]
    public async Task The_secretariat_convenes_members_are_notified_the_calendar_is_rfc_5545_and_minutes_are_public_only_once_approved()
    {
        var office = await fx.As(Demo.PlanOffice);
        var forum = await BodyAsync(office);
        var (_, org, userId) = await MemberAsync(fx.App);
        await (await office.PostAsync($"/api/v1/bodies/{forum}/members", Http.JsonBody(new { organisationId = org, category = "culture" }))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PostAsync($"/api/v1/bodies/{forum}/members", Http.JsonBody(new { organisationId = org, category = "culture" }))).ShouldBeProblem(409);

        await (await office.PostAsync($"/api/v1/bodies/{forum}/meetings", Http.JsonBody(new { title = "Senza luogo", startsAt = DateTimeOffset.UtcNow.AddDays(3), agenda = "x" }))).ShouldBeProblem(422);
        await (await office.PostAsync($"/api/v1/bodies/{forum}/meetings", Http.JsonBody(new { title = "Link falso", startsAt = DateTimeOffset.UtcNow.AddDays(3), link = "javascript:alert(1)", agenda = "x" }))).ShouldBeProblem(422);
        var response = await office.PostAsync($"/api/v1/bodies/{forum}/meetings", Http.JsonBody(Meeting("Plenaria; bilancio, piano")));
        var meeting = (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var notified = await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.UserId == userId).Select(n => n.Link).ToListAsync());
        Assert.Contains($"/partecipazione/riunioni/{meeting}", notified);

        var ics = await fx.App.Anonymous().GetAsync($"/api/v1/meetings/{meeting}/calendar");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Contains("SUMMARY:Plenaria\\; bilancio\\, piano\r\n", text);
        Assert.Contains("LOCATION:Sala Affreschi\\, Palazzo Isimbardi\r\n", text);
        Assert.Contains($"UID:meeting-{meeting}@", text);
        Assert.Contains("BEGIN:VEVENT", await fx.App.Anonymous().GetStringAsync($"/api/v1/bodies/{forum}/calendar"));

        var etag = (await office.GetAsync($"/api/v1/meetings/{meeting}")).Headers.ETag!.ToString();
        await (await office.PutJson($"/api/v1/meetings/{meeting}/minutes", new { minutes = "Bozza del verbale", approve = false, attendance = new[] { org } }, etag)).ShouldBe(HttpStatusCode.NoContent);
        var draft = await fx.App.Anonymous().GetJson($"/api/v1/meetings/{meeting}");
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("minutes").ValueKind);
        Assert.Equal("Bozza del verbale", (await office.GetJson($"/api/v1/meetings/{meeting}")).GetProperty("minutes").GetString());
        etag = (await office.GetAsync($"/api/v1/meetings/{meeting}")).Headers.ETag!.ToString();
        await (await office.PutJson($"/api/v1/meetings/{meeting}/minutes", new { minutes = "Verbale approvato", approve = true, attendance = new[] { org } }, etag)).ShouldBe(HttpStatusCode.NoContent);
        var published = await fx.App.Anonymous().GetJson($"/api/v1/meetings/{meeting}");
        Assert.Equal(("Verbale approvato", 1), (published.GetProperty("minutes").GetString(), published.GetProperty("attendance").GetArrayLength()));
        Assert.Contains("Verbale approvato", await fx.App.Anonymous().Html($"/partecipazione/riunioni/{meeting}"));
        await (await (await fx.As(Demo.ZoneCoordinator)).PostAsync($"/api/v1/bodies/{forum}/meetings", Http.JsonBody(Meeting()))).ShouldBeProblem(403);
    }

    private async Task SetMayorAsync(string istat)
    {
        var admin = await fx.As(Demo.Admin);
        var response = await fx.App.Anonymous().GetAsync($"/api/v1/municipalities/{istat}/mayor");
        var etag = response.StatusCode == HttpStatusCode.NotFound ? "\"0\"" : response.Headers.ETag!.ToString();
        await (await admin.PutJson($"/api/v1/municipalities/{istat}/mayor", new { name = "Sindaco di prova", termStart = "2010-01-01" }, etag)).ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>The zone's assembly: the demo content has one per zone; created when missing.</summary>
    private async Task<long> AssemblyAsync(HttpClient office, string zone)
    {
        var existing = (await fx.App.Anonymous().GetJson("/api/v1/bodies?limit=200")).GetProperty("items").EnumerateArray()
            .FirstOrDefault(b => b.GetProperty("kind").GetString() == "zone-assembly" && b.GetProperty("zoneCode").GetString() == zone);
        return existing.ValueKind == JsonValueKind.Object ? existing.GetProperty("id").GetInt64() : await BodyAsync(office, "zone-assembly", zone: zone);
    }

    [Fact]
    public async Task The_zone_coordinator_convenes_while_their_comune_holds_the_term_and_the_power_moves_on_the_day_the_term_ends()
    {
        const string colturano = "015082", dresano = "015101";
        await SetMayorAsync(colturano);
        await SetMayorAsync(dresano);
        var admin = await fx.As(Demo.Admin);
        var rotationEtag = (await fx.App.Anonymous().GetAsync("/api/v1/zones/sud-est/rotation")).Headers.ETag!.ToString();
        // Yearly terms from 2020: Colturano in even years, Dresano in odd ones (2026 is Colturano's).
        await (await admin.PutJson("/api/v1/zones/sud-est/rotation", new { termMonths = 12, startDate = "2020-01-01", order = new[] { colturano, dresano } }, rotationEtag))
            .ShouldBe(HttpStatusCode.NoContent);
        var office = await fx.As(Demo.PlanOffice);
        var assembly = await AssemblyAsync(office, "sud-est");
        var other = await AssemblyAsync(office, "adda-martesana");
        var holder = Today.Year % 2 == 0 ? colturano : dresano;
        var next = holder == colturano ? dresano : colturano;

        var currentUser = await fx.App.CreateUserAsync(Roles.ZoneCoordinator, municipality: holder, zone: "sud-est");
        var waitingUser = await fx.App.CreateUserAsync(Roles.ZoneCoordinator, municipality: next, zone: "sud-est");
        var current = await fx.App.As(currentUser.Email!);
        var waiting = await fx.App.As(waitingUser.Email!);
        // The zone desk: the assembly waits on the desk of the coordinator holding the term only.
        Assert.Contains($"/partecipazione/organismi/{assembly}", await (await fx.App.SignedIn(currentUser.Email!)).Html("/scrivania"));
        Assert.DoesNotContain($"/partecipazione/organismi/{assembly}", await (await fx.App.SignedIn(waitingUser.Email!)).Html("/scrivania"));
        var created = await (await current.PostAsync($"/api/v1/bodies/{assembly}/meetings", Http.JsonBody(Meeting("Assemblea dei sindaci")))).ShouldBe(HttpStatusCode.Created);
        Assert.True(created.GetProperty("canManage").GetBoolean());
        await (await waiting.PostAsync($"/api/v1/bodies/{assembly}/meetings", Http.JsonBody(Meeting()))).ShouldBeProblem(403);
        // Another zone's assembly, and the Forum, are out of a coordinator's reach.
        await (await current.PostAsync($"/api/v1/bodies/{other}/meetings", Http.JsonBody(Meeting()))).ShouldBeProblem(403);
        await (await current.PostAsync($"/api/v1/bodies/{await BodyAsync(office)}/meetings", Http.JsonBody(Meeting()))).ShouldBeProblem(403);

        // Across the boundary with a fixed clock: 31 December 2026 Colturano's, 1 January 2027 Dresano's (civil time, Europe/Rome).
        ClaimsPrincipal Coordinator(string istat) => new(new ClaimsIdentity(
            [new(ClaimTypes.Role, Roles.ZoneCoordinator), new(ScopeClaims.Zone, "sud-est"), new(ScopeClaims.Municipality, istat), new(ClaimTypes.NameIdentifier, "x")], "test"));
        var lastDay = new ParticipationClock(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero));  // 23:59 in Milan
        var firstDay = new ParticipationClock(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));  // 00:00 on 1 January in Milan
        var powers = await fx.App.WithDb(async db =>
        {
            var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == assembly);
            return new[]
            {
                await ParticipationAccess.MayConveneAsync(db, Coordinator(colturano), lastDay, body, default),
                await ParticipationAccess.MayConveneAsync(db, Coordinator(dresano), lastDay, body, default),
                await ParticipationAccess.MayConveneAsync(db, Coordinator(colturano), firstDay, body, default),
                await ParticipationAccess.MayConveneAsync(db, Coordinator(dresano), firstDay, body, default),
            };
        });
        Assert.Equal([true, false, false, true], powers);
    }

    [Fact]
    public async Task Proposals_render_only_safe_markdown_in_pages_and_exports_and_a_person_is_named_only_with_consent()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office, openToAll: true);
        var (member, _, _) = await MemberAsync(fx.App);
        const string hostile = "**Mobilità** <script>alert('x')</script> <img src=x onerror=alert(1)> [qui](javascript:alert(1)) [sito](https://example.org)";
        var proposal = (await ProposeAsync(member, consultation, hostile, "Titolo <script>alert(2)</script>")).GetProperty("id").GetInt64();
        // A signed-in person without an organisation, in a consultation open to all: anonymous unless they consent.
        var citizen = await fx.As(Demo.Sector);
        var anonymous = (await ProposeAsync(citizen, consultation, "Senza nome")).GetProperty("author").GetString();
        var named = (await ProposeAsync(citizen, consultation, "Con nome", showName: true)).GetProperty("author").GetString();
        Assert.Equal("Partecipante", anonymous);
        Assert.Equal("Silvia Settore Ambiente", named);

        var raw = await (await fx.App.Anonymous().GetAsync($"/partecipazione/consultazioni/{consultation}")).Content.ReadAsStringAsync();
        var csv = await fx.App.Anonymous().GetStringAsync($"/partecipazione/consultazioni/{consultation}/resoconto.csv");
        var json = await fx.App.Anonymous().GetStringAsync($"/api/v1/proposals/{proposal}");
        var all = await fx.App.Anonymous().GetStringAsync("/partecipazione/proposte.csv");
        var start = raw.IndexOf($"id=\"proposta-{proposal}\"", StringComparison.Ordinal);
        var article = raw[raw.LastIndexOf('<', start)..(raw.IndexOf("</article>", start, StringComparison.Ordinal) + 10)];
        foreach (var bad in new[] { "<script", "<img", "javascript:" }) Assert.DoesNotContain(bad, article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son\w+\s*=", article);
        ParticipationUnitTests.AssertInert(JsonDocument.Parse(json).RootElement.GetProperty("html").GetString()!);
        Assert.DoesNotContain("<script", raw[raw.IndexOf("<main", StringComparison.Ordinal)..raw.IndexOf("</main>", StringComparison.Ordinal)]);
        foreach (var output in new[] { csv, all })
        {
            Assert.DoesNotContain("<script", output);
            Assert.DoesNotContain("<img", output);
            Assert.DoesNotContain("javascript:", output);
        }
        Assert.Contains("<strong>Mobilità</strong>", raw);
        Assert.Contains("href=\"https://example.org\" rel=\"nofollow noopener noreferrer\"", raw);
        Assert.DoesNotContain("<script", JsonDocument.Parse(json).RootElement.GetProperty("html").GetString());
        Assert.Contains("Silvia Settore Ambiente", raw);

        // Not open to all: only forum members with an organisation propose.
        var members = await ConsultationAsync(office);
        await (await citizen.PostAsync($"/api/v1/consultations/{members}/proposals", Http.JsonBody(new { title = "t", text = "x" }))).ShouldBeProblem(403);
        await (await (await fx.As(Demo.Forum)).PostAsync($"/api/v1/consultations/{members}/proposals", Http.JsonBody(new { title = "t", text = "x" }))).ShouldBeProblem(403);
        // Closed, or not yet open: refused.
        var closed = await ConsultationAsync(office, opensInDays: -30, closesInDays: -1);
        await (await member.PostAsync($"/api/v1/consultations/{closed}/proposals", Http.JsonBody(new { title = "t", text = "x" }))).ShouldBeProblem(409);
    }

    [Fact]
    public async Task One_endorsement_per_organisation_flood_limits_withdrawal_and_moderation_that_hides_without_deleting()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office);
        var (author, _, _) = await MemberAsync(fx.App);
        var (supporter, _, _) = await MemberAsync(fx.App);
        var proposal = (await ProposeAsync(author, consultation)).GetProperty("id").GetInt64();

        await (await supporter.PostAsync($"/api/v1/proposals/{proposal}/endorsements", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await supporter.PostAsync($"/api/v1/proposals/{proposal}/endorsements", null)).ShouldBeProblem(409);
        await (await author.PostAsync($"/api/v1/proposals/{proposal}/endorsements", null)).ShouldBeProblem(409);
        Assert.Equal(1, (await fx.App.Anonymous().GetJson($"/api/v1/proposals/{proposal}")).GetProperty("endorsements").GetInt32());

        // Flood: three proposals an hour per person, the fourth is 429.
        await ProposeAsync(author, consultation, "Seconda");
        await ProposeAsync(author, consultation, "Terza");
        var flood = await (await author.PostAsync($"/api/v1/consultations/{consultation}/proposals", Http.JsonBody(new { title = "Quarta", text = "x" }))).ShouldBeProblem(429);
        Assert.Contains("3", flood.GetProperty("detail").GetString());

        // Withdrawal: only the author, before the answer.
        var other = (await ProposeAsync(supporter, consultation, "Da ritirare")).GetProperty("id").GetInt64();
        await (await author.PostAsync($"/api/v1/proposals/{other}/withdrawal", null)).ShouldBeProblem(403);
        await (await supporter.PostAsync($"/api/v1/proposals/{other}/withdrawal", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await supporter.PostAsync($"/api/v1/proposals/{other}/withdrawal", null)).ShouldBeProblem(409);
        Assert.Equal("withdrawn", (await fx.App.Anonymous().GetJson($"/api/v1/proposals/{other}")).GetProperty("status").GetString());

        // Moderation: a reason is required; the proposal is hidden, kept, and the change is audited.
        await (await supporter.PostAsync($"/api/v1/proposals/{proposal}/comments", Http.JsonBody(new { text = "Un commento <script>x</script>" }))).ShouldBe(HttpStatusCode.NoContent);
        await (await author.PostAsync($"/api/v1/proposals/{proposal}/moderation", Http.JsonBody(new { hidden = true, reason = "x" }))).ShouldBeProblem(403);
        await (await office.PostAsync($"/api/v1/proposals/{proposal}/moderation", Http.JsonBody(new { hidden = true }))).ShouldBeProblem(422);
        await (await office.PostAsync($"/api/v1/proposals/{proposal}/moderation", Http.JsonBody(new { hidden = true, reason = "Contenuto offensivo" }))).ShouldBe(HttpStatusCode.NoContent);
        var hidden = await fx.App.Anonymous().GetJson($"/api/v1/proposals/{proposal}");
        Assert.Equal(("hidden", "Contenuto offensivo", JsonValueKind.Null), (hidden.GetProperty("status").GetString(), hidden.GetProperty("moderationReason").GetString(), hidden.GetProperty("text").ValueKind));
        Assert.Equal("Una proposta.", (await office.GetJson($"/api/v1/proposals/{proposal}")).GetProperty("text").GetString());
        var audited = await fx.App.WithDb(db => db.Set<AuditEntry>().Where(a => a.EntityType == "Proposal" && a.EntityId == proposal.ToString() && a.Action == "update").Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a!.Contains("Contenuto offensivo"));
        await (await supporter.PostAsync($"/api/v1/proposals/{proposal}/endorsements", null)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task The_official_answer_names_the_plan_action_that_takes_the_proposal_up_and_the_action_page_shows_where_the_idea_came_from()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, adopt: true, startYear: 2040);
        var consultation = await ConsultationAsync(office);
        var (author, _, authorId) = await MemberAsync(fx.App);
        var created = await ProposeAsync(author, consultation, "Più piste ciclabili tra i Comuni.", "Ciclabili intercomunali");
        var proposal = created.GetProperty("id").GetInt64();
        var etag = $"\"{created.GetProperty("version").GetInt32()}\"";

        await (await office.PutJson($"/api/v1/proposals/{proposal}/answer", new { answer = "accepted", reason = "Sì" }, null)).ShouldBeProblem(428);
        await (await office.PutJson($"/api/v1/proposals/{proposal}/answer", new { answer = "accepted", reason = "Sì" }, etag)).ShouldBeProblem(422);
        await (await author.PutJson($"/api/v1/proposals/{proposal}/answer", new { answer = "accepted", reason = "Sì", actionId = tree.ActionId }, etag)).ShouldBeProblem(403);
        await (await office.PutJson($"/api/v1/proposals/{proposal}/answer", new { answer = "accepted", reason = "Recepita nell'aggiornamento annuale.", actionId = tree.ActionId }, etag))
            .ShouldBe(HttpStatusCode.NoContent);
        await (await office.PutJson($"/api/v1/proposals/{proposal}/answer", new { answer = "not-accepted", reason = "Ripensamento" }, etag)).ShouldBeProblem(409);
        await (await author.PostAsync($"/api/v1/proposals/{proposal}/withdrawal", null)).ShouldBeProblem(409);

        var answered = await fx.App.Anonymous().GetJson($"/api/v1/proposals/{proposal}");
        Assert.Equal(("accepted", tree.ActionId), (answered.GetProperty("answer").GetString(), answered.GetProperty("takenUpAction").GetProperty("id").GetInt64()));
        Assert.Contains(await fx.App.WithDb(db => db.Set<Notification>().Where(n => n.UserId == authorId).Select(n => n.Link).ToListAsync()),
            l => l == $"/partecipazione/consultazioni/{consultation}#proposta-{proposal}");
        var action = await fx.App.Anonymous().Html($"/piano/azioni/{tree.ActionId}");
        Assert.Contains("Proposte della partecipazione recepite dall'azione", action);
        Assert.Contains($"/partecipazione/consultazioni/{consultation}#proposta-{proposal}", action);
        var report = await fx.App.Anonymous().GetStringAsync($"/partecipazione/consultazioni/{consultation}/resoconto.csv");
        Assert.Contains("Ciclabili intercomunali", report);
        Assert.Contains("Recepita nell'aggiornamento annuale.", report);
        Assert.Contains("A1.1.1", report);
        var page = await fx.App.Anonymous().Html($"/partecipazione/consultazioni/{consultation}?culture=en");
        Assert.Contains("Taken up by the action", page);
    }

    [Fact]
    public async Task The_demo_has_the_forum_its_two_tables_the_seven_zone_assemblies_and_a_consultation_on_the_yearly_update_all_marked_as_demo()
    {
        await fx.App.WithScope(async sp =>
        {
            await Metropoli.Participation.Demo.ParticipationDemo.SeedAsync(sp.GetRequiredService<Metropoli.Platform.Data.AppDbContext>(), TimeProvider.System, default);
            return 0;
        });
        var bodies = (await fx.App.Anonymous().GetJson("/api/v1/bodies?limit=200")).GetProperty("items").EnumerateArray().Where(b => b.GetProperty("isDemo").GetBoolean()).ToList();
        Assert.Single(bodies, b => b.GetProperty("kind").GetString() == "forum");
        Assert.Equal(2, bodies.Count(b => b.GetProperty("kind").GetString() == "table"));
        var assemblies = bodies.Where(b => b.GetProperty("kind").GetString() == "zone-assembly").ToList();
        Assert.Equal(7, assemblies.Select(b => b.GetProperty("zoneCode").GetString()).Distinct().Count());
        Assert.All(assemblies, a => Assert.True(a.GetProperty("members").GetInt32() > 0));
        Assert.All(bodies, b => Assert.Contains("dati dimostrativi", b.GetProperty("name").GetString()));
        var consultation = (await fx.App.Anonymous().GetJson("/api/v1/consultations?limit=200")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("isDemo").GetBoolean() && c.GetProperty("subject").GetString() == "plan-update");
        var detail = await fx.App.Anonymous().GetJson($"/api/v1/consultations/{consultation.GetProperty("id").GetInt64()}");
        var proposals = detail.GetProperty("proposals").EnumerateArray().ToList();
        Assert.True(proposals.Count >= 4);
        Assert.All(proposals, p => Assert.True(p.GetProperty("organisation").ValueKind == JsonValueKind.Object));
        Assert.Contains("Open data", await fx.App.Anonymous().Html("/partecipazione?culture=en"));
    }

    [Fact]
    public async Task Through_the_pages_a_member_proposes_and_withdraws_another_endorses_and_the_secretariat_answers()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office);
        var url = $"/partecipazione/consultazioni/{consultation}";
        async Task<HttpClient> MemberPage()
        {
            var org = await OrganisationAsync(fx.App);
            var user = await fx.App.CreateUserAsync(Roles.ForumMember);
            await fx.App.WithDb(async db => { (await db.Users.SingleAsync(x => x.Id == user.Id)).OrganisationId = org; await db.SaveChangesAsync(); });
            return await fx.App.SignedIn(user.Email!);
        }
        var author = await MemberPage();
        var supporter = await MemberPage();
        var invalid = await author.SubmitAsync(url, [("Input.Title", ""), ("Input.Text", "")]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var sent = await author.SubmitAsync(url, [("Input.Title", "Dalla pagina"), ("Input.Text", "Testo *dalla* pagina")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var proposals = (await fx.App.Anonymous().GetJson($"/api/v1/consultations/{consultation}")).GetProperty("proposals").EnumerateArray().ToList();
        var proposal = proposals.Single().GetProperty("id").GetInt64();
        Assert.Contains("<em>dalla</em>", await fx.App.Anonymous().Html(url));

        Assert.Equal(HttpStatusCode.Redirect, (await supporter.SubmitAsync(url, [("ProposalId", proposal.ToString())], "Endorse")).StatusCode);
        Assert.Equal(1, (await fx.App.Anonymous().GetJson($"/api/v1/proposals/{proposal}")).GetProperty("endorsements").GetInt32());
        var twice = await supporter.SubmitAsync(url, [("ProposalId", proposal.ToString())], "Endorse");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode); // the page again, with the refusal
        Assert.Contains("un solo sostegno per organizzazione", System.Net.WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));

        var secretariat = await fx.App.SignedIn(Demo.PlanOffice);
        var answered = await secretariat.SubmitAsync(url, [("ProposalId", proposal.ToString()), ("Version", "1"), ("Answer.Answer", "not-accepted"), ("Answer.Reason", "Fuori dalle competenze.")], "Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("not-accepted", (await fx.App.Anonymous().GetJson($"/api/v1/proposals/{proposal}")).GetProperty("answer").GetString());
        var late = await author.SubmitAsync(url, [("ProposalId", proposal.ToString())], "Withdraw");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(url, [("Input.Title", "Da ritirare"), ("Input.Text", "x")])).StatusCode);
        var second = (await fx.App.Anonymous().GetJson($"/api/v1/consultations/{consultation}")).GetProperty("proposals").EnumerateArray()
            .Single(p => p.GetProperty("title").GetString() == "Da ritirare").GetProperty("id").GetInt64();
        var denied = await supporter.SubmitAsync(url, [("ProposalId", second.ToString())], "Withdraw");
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || (denied.Headers.Location?.ToString() ?? "").Contains("accesso-negato"), $"{(int)denied.StatusCode}");
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(url, [("ProposalId", second.ToString())], "Withdraw")).StatusCode);
        Assert.Equal("withdrawn", (await fx.App.Anonymous().GetJson($"/api/v1/proposals/{second}")).GetProperty("status").GetString());
    }
}
