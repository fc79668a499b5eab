using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>Documents: type, content and size limits, SHA-256 recorded, download only for those who may see the agreement.</summary>
public sealed class AgreementDocumentsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static MultipartFormDataContent Form(byte[] content, string fileName, string kind = "signed-text", string? obligationId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent("Testo firmato"), "title");
        if (obligationId is not null) form.Add(new StringContent(obligationId), "obligationId");
        return form;
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_signed_text_is_stored_with_its_sha256_and_downloaded_only_by_those_who_see_the_agreement()
    {
        var office = await fx.As(Demo.PlanOffice);
        var restricted = await CreateAsync(office, visibility: "restricted");
        var created = await (await office.PostAsync($"/api/v1/agreements/{restricted}/documents", Form(Pdf, "Intesa firmata.pdf"))).ShouldBe(HttpStatusCode.Created);
        var docId = created.GetProperty("id").GetInt64();
        var detail = await office.GetJson($"/api/v1/agreements/{restricted}");
        var doc = detail.GetProperty("documents")[0];
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), doc.GetProperty("sha256").GetString());
        Assert.Equal("Intesa_firmata.pdf", doc.GetProperty("fileName").GetString());
        Assert.Equal("signed-text", doc.GetProperty("kind").GetString());

        var download = await office.GetAsync($"/api/v1/agreement-documents/{docId}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/agreement-documents/{docId}/file")).ShouldBeProblem(404);
        await (await (await fx.As(Demo.RhoOfficer)).GetAsync($"/api/v1/agreement-documents/{docId}/file")).ShouldBeProblem(404);

        // Public and in force: the public downloads it.
        var (open, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var openDoc = (await (await office.PostAsync($"/api/v1/agreements/{open}/documents", Form(Pdf, "testo.pdf"))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await fx.App.Anonymous().GetAsync($"/api/v1/agreement-documents/{openDoc}/file")).StatusCode);
    }

    [Fact]
    public async Task Wrong_types_lying_content_empty_and_oversized_files_are_refused()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await CreateAsync(office);
        var exe = await (await office.PostAsync($"/api/v1/agreements/{id}/documents", Form([0x4D, 0x5A, 0x90, 0x00], "virus.exe"))).ShouldBeProblem(422);
        Assert.True(exe.GetProperty("errors").TryGetProperty("file", out _));
        await (await office.PostAsync($"/api/v1/agreements/{id}/documents", Form(Encoding.ASCII.GetBytes("not a pdf at all"), "finto.pdf"))).ShouldBeProblem(422);
        await (await office.PostAsync($"/api/v1/agreements/{id}/documents", Form([], "vuoto.pdf"))).ShouldBeProblem(422);
        var big = new byte[10 * 1024 * 1024 + 10];
        Pdf.CopyTo(big, 0);
        var tooBig = await office.PostAsync($"/api/v1/agreements/{id}/documents", Form(big, "grande.pdf"));
        Assert.True(tooBig.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity, $"got {(int)tooBig.StatusCode}");
        Assert.Equal(0, (await office.GetJson($"/api/v1/agreements/{id}")).GetProperty("documents").GetArrayLength());
        await (await office.PostAsync($"/api/v1/agreements/{id}/documents", Http.JsonBody(new { }))).ShouldBeProblem(415);
        await (await (await fx.As(Demo.Forum)).PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "a.pdf"))).ShouldBeProblem(404);
    }

    [Fact]
    public async Task The_comune_that_owes_an_obligation_uploads_its_evidence()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, rhoParty, cityParty) = await InForceAsync(fx.App, office, Demo.Rho);
        var own = await AddObligationAsync(office, id, rhoParty, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var city = await AddObligationAsync(office, id, cityParty, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var rho = await fx.As(Demo.RhoOfficer);
        await (await rho.PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "delibera.pdf", "evidence", own.ToString()))).ShouldBe(HttpStatusCode.Created);
        await (await rho.PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "delibera.pdf", "evidence", city.ToString()))).ShouldBeProblem(403);
        await (await rho.PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "testo.pdf"))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task An_officers_upload_is_evidence_visibly_theirs_and_public_only_once_the_owner_office_accepts_it()
    {
        // Issue 18, point 15: the Milano officer put a "signed text" with any title on a public agreement in force.
        var office = await fx.As(Demo.PlanOffice);
        var (id, rhoParty, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var own = await AddObligationAsync(office, id, rhoParty, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        var rho = await fx.As(Demo.RhoOfficer);
        var anonymous = fx.App.Anonymous();

        // Never of a kind reserved to the owner office.
        foreach (var kind in new[] { "signed-text", "annex", "minutes" })
        {
            var refused = await (await rho.PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "testo.pdf", kind, own.ToString()))).ShouldBeProblem(422);
            Assert.True(refused.GetProperty("errors").TryGetProperty("kind", out _), refused.GetRawText());
        }

        // Evidence of their obligation: stored, seen by the office and by Rho, not by the public.
        var doc = (await (await rho.PostAsync($"/api/v1/agreements/{id}/documents", Form(Pdf, "delibera.pdf", "evidence", own.ToString())))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal(0, (await anonymous.GetJson($"/api/v1/agreements/{id}")).GetProperty("documents").GetArrayLength());
        await (await anonymous.GetAsync($"/api/v1/agreement-documents/{doc}/file")).ShouldBeProblem(404);
        var seenByOffice = Assert.Single((await office.GetJson($"/api/v1/agreements/{id}")).GetProperty("documents").EnumerateArray());
        Assert.False(seenByOffice.GetProperty("accepted").GetBoolean());
        Assert.Equal("evidence", seenByOffice.GetProperty("kind").GetString());
        Assert.Contains("Rho", seenByOffice.GetProperty("submittedBy").GetString());
        Assert.Single((await rho.GetJson($"/api/v1/agreements/{id}")).GetProperty("documents").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await rho.GetAsync($"/api/v1/agreement-documents/{doc}/file")).StatusCode);

        // Only the owner office accepts it; then it is public, still marked as the Comune's.
        await (await rho.PostAsync($"/api/v1/agreement-documents/{doc}/acceptance", null)).ShouldBeProblem(403);
        await (await office.PostAsync($"/api/v1/agreement-documents/{doc}/acceptance", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await office.PostAsync($"/api/v1/agreement-documents/{doc}/acceptance", null)).ShouldBeProblem(409);
        var published = Assert.Single((await anonymous.GetJson($"/api/v1/agreements/{id}")).GetProperty("documents").EnumerateArray());
        Assert.True(published.GetProperty("accepted").GetBoolean());
        Assert.Contains("Rho", published.GetProperty("submittedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/agreement-documents/{doc}/file")).StatusCode);
    }
}
