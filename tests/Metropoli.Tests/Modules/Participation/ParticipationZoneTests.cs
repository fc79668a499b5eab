using System.Net;
using System.Text.Json;
using Metropoli.Platform.Auth;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Participation.ParticipationBuilders;

namespace Metropoli.Tests.Modules.Participation;

/// <summary>The zone coordinator in the demo (ADR 0043): the demo account is the mayor of Bollate, Nord Ovest's demo
/// rotation gives Bollate the term, so the account convenes and minutes its zone's assembly, sees its zone desk (figures of
/// the other modules through their contracts) and is refused on another zone; the admin form keeps a coordinator's Comune,
/// only one of their zone.</summary>
// On PostgreSQL too: the desk joins contract rows of three modules in SQL.
[Trait("Database", "Both")]
public sealed class ParticipationZoneTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Bollate = "015027";

    private async Task<long> AssemblyAsync(string zone) =>
        (await fx.App.Anonymous().GetJson("/api/v1/bodies?limit=100")).GetProperty("items").EnumerateArray()
            .First(b => b.GetProperty("kind").GetString() == "zone-assembly" && b.GetProperty("zoneCode").GetString() == zone).GetProperty("id").GetInt64();

    [Fact]
    public async Task The_demo_coordinator_of_Nord_Ovest_convenes_files_and_minutes_the_assembly_and_is_refused_on_another_zone()
    {
        var coordinators = await fx.App.Anonymous().GetJson("/api/v1/zones/nord-ovest/coordinators");
        Assert.Equal(Bollate, coordinators.GetProperty("current").GetProperty("istatCode").GetString());

        var coordinator = await fx.As(Demo.ZoneCoordinator);
        var assembly = await AssemblyAsync("nord-ovest");
        var meeting = (await (await coordinator.PostAsync($"/api/v1/bodies/{assembly}/meetings", Http.JsonBody(Meeting("Assemblea dei sindaci di Nord Ovest")))).ShouldBe(HttpStatusCode.Created))
            .GetProperty("id").GetInt64();
        // Documents: an agenda attachment is public at once, the signed minutes only once the minutes are approved.
        var agendaBytes = "%PDF-1.4 allegato della zona"u8.ToArray();
        var agenda = await UploadAsync(coordinator, meeting, "agenda", agendaBytes);
        var minutesFile = await UploadAsync(coordinator, meeting, "minutes", "%PDF-1.4 verbale firmato"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, (await fx.App.Anonymous().GetAsync($"/api/v1/meeting-documents/{agenda}/file")).StatusCode);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/meeting-documents/{minutesFile}/file")).ShouldBeProblem(404);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/meeting-documents/{minutesFile}/file")).StatusCode);
        var page = await fx.App.Anonymous().Html($"/partecipazione/riunioni/{meeting}");
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(agendaBytes)), page);
        var script = new MultipartFormDataContent { { new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()), "file", "finto.pdf" } };
        await (await coordinator.PostAsync($"/api/v1/meetings/{meeting}/documents", script)).ShouldBeProblem(422);

        var etag = (await coordinator.GetAsync($"/api/v1/meetings/{meeting}")).Headers.ETag!.ToString();
        await (await coordinator.PutJson($"/api/v1/meetings/{meeting}/minutes", new { minutes = "Verbale della zona", approve = true, attendance = Array.Empty<long>() }, etag))
            .ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal("Verbale della zona", (await fx.App.Anonymous().GetJson($"/api/v1/meetings/{meeting}")).GetProperty("minutes").GetString());

        Assert.Equal(HttpStatusCode.OK, (await fx.App.Anonymous().GetAsync($"/api/v1/meeting-documents/{minutesFile}/file")).StatusCode);
        await (await coordinator.PostAsync($"/api/v1/meetings/{meeting}/documents", new MultipartFormDataContent
            { { new ByteArrayContent("%PDF-1.4 tardi"u8.ToArray()), "file", "tardi.pdf" }, { new StringContent("minutes"), "kind" } })).ShouldBeProblem(409);

        await (await coordinator.PostAsync($"/api/v1/bodies/{await AssemblyAsync("sud-ovest")}/meetings", Http.JsonBody(Meeting()))).ShouldBeProblem(403);
        // The Comune gives no municipality officer's power: Bollate's contacts stay out of reach.
        var comuneEtag = (await fx.App.Anonymous().GetAsync($"/api/v1/municipalities/{Bollate}")).Headers.ETag!.ToString();
        await (await coordinator.PutJson($"/api/v1/municipalities/{Bollate}/contacts", Builders.Contacts(), comuneEtag)).ShouldBeProblem(403);
    }

    private static async Task<long> UploadAsync(HttpClient client, long meeting, string kind, byte[] content) =>
        (await (await client.PostAsync($"/api/v1/meetings/{meeting}/documents", new MultipartFormDataContent
        {
            { new ByteArrayContent(content) { Headers = { { "Content-Type", "application/pdf" } } }, "file", kind + ".pdf" }, { new StringContent(kind), "kind" },
        })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    [Fact]
    public async Task The_zone_desk_shows_the_zones_agreements_actions_and_figures_to_its_coordinator_only()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (agreement, _, _) = await AgreementBuilders.InForceAsync(fx.App, office, Bollate);
        var title = (await office.GetJson($"/api/v1/agreements/{agreement}")).GetProperty("title").GetString()!;

        var coordinator = await fx.App.SignedIn(Demo.ZoneCoordinator);
        var desk = WebUtility.HtmlDecode(await coordinator.Html("/partecipazione/zone/nord-ovest"));
        Assert.Contains("Bollate", desk);
        Assert.Contains(title, desk);
        Assert.Contains("Il turno di coordinamento è tuo", desk);
        Assert.Contains("Richieste ai servizi condivisi", desk);
        Assert.Contains("Progetti finanziati che riguardano i Comuni", desk);
        Assert.Contains("Zone desk", await coordinator.Html("/partecipazione/zone/nord-ovest?culture=en"));
        Assert.Contains("/partecipazione/zone/nord-ovest", await coordinator.Html("/scrivania"));

        var other = await coordinator.GetAsync("/partecipazione/zone/sud-ovest");
        Assert.True(other.StatusCode is HttpStatusCode.Forbidden || other.Headers.Location?.ToString().Contains("accesso-negato") == true,
            $"Got {(int)other.StatusCode} {other.Headers.Location}");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/partecipazione/zone/milano")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await fx.App.SignedIn(Demo.PlanOffice)).GetAsync("/partecipazione/zone/sud-ovest")).StatusCode);
        var denied = await (await fx.App.SignedIn(Demo.RhoOfficer)).GetAsync("/partecipazione/zone/nord-ovest");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task The_consultation_report_downloads_as_pdf_italian_csv_and_xlsx()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office);
        var (member, _, _) = await MemberAsync(fx.App);
        await ProposeAsync(member, consultation, "Testo con <script>alert(1)</script> e **grassetto**.", "Proposta per il resoconto");
        var anonymous = fx.App.Anonymous();
        var pdf = await anonymous.GetAsync($"/partecipazione/consultazioni/{consultation}/resoconto.pdf");
        if (File.Exists("/usr/bin/chromium"))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        }
        else
        {
            await pdf.ShouldBeProblem(503);
        }
        await (await anonymous.GetAsync("/partecipazione/consultazioni/999999999/resoconto.pdf")).ShouldBeProblem(404);
        var italian = await anonymous.GetStringAsync($"/partecipazione/consultazioni/{consultation}/resoconto.csv?formato=it");
        Assert.Contains("Proposta per il resoconto", italian);
        Assert.Contains("Organizzazione;", italian);
        var xlsx = await anonymous.GetAsync($"/partecipazione/consultazioni/{consultation}/resoconto.csv?formato=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_admin_form_keeps_a_coordinators_comune_only_when_it_is_in_their_zone()
    {
        var admin = await fx.App.SignedIn(Demo.Admin);
        var email = $"coordinatore-{Guid.NewGuid():N}@test.example";
        var refused = await admin.SubmitAsync("/admin/utenti/nuovo",
            [("Input.Email", email), ("Input.DisplayName", "Carla Coordinatrice"), ("Scopes.Role", Roles.ZoneCoordinator), ("Scopes.ZoneCode", "nord-ovest"), ("Scopes.MunicipalityIstat", Demo.Milano)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Il Comune del coordinatore deve essere uno dei Comuni della sua zona.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var created = await admin.SubmitAsync("/admin/utenti/nuovo",
            [("Input.Email", email), ("Input.DisplayName", "Carla Coordinatrice"), ("Scopes.Role", Roles.ZoneCoordinator), ("Scopes.ZoneCode", "nord-ovest"), ("Scopes.MunicipalityIstat", Bollate)]);
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect);
        var saved = await fx.App.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => new { u.MunicipalityIstat, u.ZoneCode }).SingleAsync());
        Assert.Equal((Bollate, "nord-ovest"), (saved.MunicipalityIstat, saved.ZoneCode));
    }
}
