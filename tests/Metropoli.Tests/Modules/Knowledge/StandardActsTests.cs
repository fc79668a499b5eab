using System.Net;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Notifications;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.Knowledge;

/// <summary>Issue 23, standard acts through HTTP: editors write acts and versions (file checked, SHA-256 recorded), a
/// municipality officer records only their own Comune's adoption, a new version notifies the Comuni that adopted an older
/// one, and the public pages, map, downloads and search show them.</summary>
// On PostgreSQL too: the unique adoption index, DateOnly dates and the grouped counts of the list.
[Trait("Database", "Both")]
public sealed class StandardActsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static string Today => Metropoli.Platform.Time.CivilClock.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    internal static ByteArrayContent Pdf(string text = "%PDF-1.4 atto tipo") => new(System.Text.Encoding.ASCII.GetBytes(text)) { Headers = { { "Content-Type", "application/pdf" } } };

    internal static async Task<long> ActAsync(HttpClient editor, string title)
    {
        var created = await (await editor.PostAsync("/api/v1/standard-acts", Http.JsonBody(new { kind = "regulation", title, theme = "digitale", summary = "Regolamento sulla mobilità" })))
            .ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    internal static async Task VersionAsync(HttpClient editor, long act, string changes = "Prima versione")
    {
        var form = new MultipartFormDataContent { { Pdf(), "file", "regolamento.pdf" }, { new StringContent(changes), "changes" } };
        await (await editor.PostAsync($"/api/v1/standard-acts/{act}/versions", form)).ShouldBe(HttpStatusCode.Created);
    }

    private static object Adoption(long act, int version, string? istat = null) =>
        new { standardActId = act, versionNumber = version, istatCode = istat, actNumber = "Delibera C.C. n. 12", adoptedOn = Today, link = "https://www.comune.example.it/albo/12" };

    [Fact]
    public async Task Editors_publish_versions_officers_adopt_for_their_own_Comune_and_a_new_version_notifies_the_adopters()
    {
        var office = await fx.As(Demo.PlanOffice);
        await (await (await fx.As(Demo.Sector)).PostAsync("/api/v1/standard-acts", Http.JsonBody(new { kind = "regulation", title = "Abusivo", theme = "digitale" }))).ShouldBeProblem(403);
        await (await office.PostAsync("/api/v1/standard-acts", Http.JsonBody(new { kind = "law", title = "", theme = "x" }))).ShouldBeProblem(422);
        var act = await ActAsync(office, "Regolamento tipo della prova " + Guid.NewGuid().ToString("N")[..6]);

        // The file is checked like every upload: a "PDF" that is not one is refused and nothing is stored.
        var bad = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "regolamento.pdf" }, { new StringContent("Prima"), "changes" } };
        await (await office.PostAsync($"/api/v1/standard-acts/{act}/versions", bad)).ShouldBeProblem(422);
        await VersionAsync(office, act);
        var detail = await fx.App.Anonymous().GetJson($"/api/v1/standard-acts/{act}");
        var v1 = detail.GetProperty("versions")[0];
        Assert.Equal(1, v1.GetProperty("number").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.4 atto tipo"u8.ToArray())), v1.GetProperty("sha256").GetString());
        var file = await fx.App.Anonymous().GetAsync($"/api/v1/standard-act-versions/{v1.GetProperty("id").GetInt64()}/file");
        Assert.Equal("%PDF-1.4 atto tipo", await file.Content.ReadAsStringAsync());

        // Rho's officer adopts for Rho; not for Milano (403), not twice (409), not a missing version (422); others may not adopt.
        var rho = await fx.As(Demo.RhoOfficer);
        await (await rho.PostAsync("/api/v1/adoptions", Http.JsonBody(Adoption(act, 1, Demo.Milano)))).ShouldBeProblem(403);
        await (await office.PostAsync("/api/v1/adoptions", Http.JsonBody(Adoption(act, 1, Demo.Rho)))).ShouldBeProblem(403);
        await (await rho.PostAsync("/api/v1/adoptions", Http.JsonBody(Adoption(act, 7)))).ShouldBeProblem(422);
        await (await rho.PostAsync("/api/v1/adoptions", Http.JsonBody(new { standardActId = act, versionNumber = 1, actNumber = "1", adoptedOn = Today, link = "javascript:alert(1)" }))).ShouldBeProblem(422);
        await (await rho.PostAsync("/api/v1/adoptions", Http.JsonBody(Adoption(act, 1)))).ShouldBe(HttpStatusCode.Created);
        await (await rho.PostAsync("/api/v1/adoptions", Http.JsonBody(Adoption(act, 1)))).ShouldBeProblem(409);
        var list = await fx.App.Anonymous().GetJson($"/api/v1/adoptions?standardActId={act}");
        var row = list.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("Rho", "Nord Ovest"), (row.GetProperty("comune").GetString(), row.GetProperty("zone").GetString()));

        // Version 2 notifies Rho's officers (they adopted version 1), once.
        await VersionAsync(office, act, "Seconda versione: aggiunta la CIE");
        var notified = await fx.App.WithDb(db => (from n in db.Set<Notification>() join u in db.Users on n.UserId equals u.Id
                                                   where u.Email == Demo.RhoOfficer && n.DedupKey == $"knowledge-new-version:{act}:2" select n).CountAsync());
        Assert.Equal(1, notified);

        // PUT with If-Match: 428 without, 409 with a stale version, 204 with the current one.
        var body = new { kind = "template", title = "Modulo tipo della prova", theme = "trasparenza" };
        await (await office.PutJson($"/api/v1/standard-acts/{act}", body, null)).ShouldBeProblem(428);
        await (await office.PutJson($"/api/v1/standard-acts/{act}", body, "\"99\"")).ShouldBeProblem(409);
        var etag = (await fx.App.Anonymous().GetAsync($"/api/v1/standard-acts/{act}")).Headers.ETag!.Tag;
        await (await office.PutJson($"/api/v1/standard-acts/{act}", body, etag)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_public_pages_map_downloads_and_search_show_the_demo_acts_and_adoptions()
    {
        var anonymous = fx.App.Anonymous();
        var list = await anonymous.GetStringAsync("/atti-tipo");
        Assert.Contains("servizi digitali del Comune (dati dimostrativi)", list);
        var demo = await fx.App.WithDb(db => db.Set<StandardAct>().Where(a => a.IsDemo).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var page = await anonymous.GetStringAsync($"/atti-tipo/{demo}");
        Assert.Contains("Legnano", page);
        Assert.Contains("Sesto San Giovanni", page);
        var map = await anonymous.GetStringAsync($"/atti-tipo/adozioni?standardActId={demo}");
        Assert.Contains("<svg", map);
        Assert.Contains("3 Comuni su", map);
        var csv = await anonymous.GetStringAsync("/atti-tipo/adozioni.csv");
        Assert.Contains("Alto Milanese", csv);
        Assert.StartsWith("zone,comune,istat_code", csv.TrimStart('\uFEFF'));
        var search = await anonymous.GetStringAsync("/cerca?q=SERVIZI%20DIGITALI");
        Assert.Contains($"/atti-tipo/{demo}", search);
        // Bad input answers 400 problem, never 500.
        await (await anonymous.GetAsync("/api/v1/standard-acts?kind=%3Cscript%3E&limit=-1")).ShouldBeProblem(400);
        await (await anonymous.GetAsync("/api/v1/adoptions?istatCode=abc")).ShouldBeProblem(400);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/atti-tipo?kind=%3Cscript%3E&q=" + new string('x', 500))).StatusCode);
        await (await anonymous.GetAsync("/api/v1/standard-acts/999999")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task An_editor_creates_an_act_and_uploads_its_version_through_the_pages()
    {
        var editor = await fx.App.SignedIn(Demo.PlanOffice);
        var token = await editor.AntiforgeryTokenAsync("/atti-tipo/nuovo");
        var created = await editor.PostAsync("/atti-tipo/nuovo", new FormUrlEncodedContent([new("__RequestVerificationToken", token),
            new("Input.Kind", "resolution"), new("Input.Theme", "ambiente"), new("Input.Title", "Delibera tipo dalla pagina"), new("Input.Summary", "Prova")]));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var id = long.Parse(location.Split('/', '#')[2]);
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { Pdf(), "Upload", "delibera.pdf" }, { new StringContent("Prima versione"), "Changes" },
        };
        var uploaded = await editor.PostAsync($"/atti-tipo/{id}?handler=Version", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        // The form re-renders with its message when a field is missing.
        var again = await editor.PostAsync($"/atti-tipo/{id}?handler=Version", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } });
        Assert.Contains("Descrivi che cosa cambia in questa versione.", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await fx.App.WithDb(db => db.Set<StandardActVersion>().CountAsync(v => v.ActId == id)));
        // Rho's officer sees the adoption form; a sector officer does not.
        var officer = await fx.App.SignedIn(Demo.RhoOfficer);
        Assert.Contains("Adoption.ActNumber", await officer.GetStringAsync($"/atti-tipo/{id}"));
        Assert.DoesNotContain("Adoption.ActNumber", await (await fx.App.SignedIn(Demo.Sector)).GetStringAsync($"/atti-tipo/{id}"));
    }
}
