using System.Net;
using System.Text;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Issue 18, point 18: an API write authenticated by the session cookie alone (a form or a script on
/// another site, riding the signed-in user's cookie) was accepted, multipart uploads included. A
/// cookie-authenticated write to /api must now come from the app's own origin (Origin, else Sec-Fetch-Site) or
/// carry the antiforgery token; tokens stay the way for machines, from anywhere.</summary>
public sealed class CookieApiOriginTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static MultipartFormDataContent Document()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("annex"), "kind" },
            { new StringContent("Allegato da altro sito"), "title" },
        };
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", "allegato.pdf");
        return form;
    }

    private async Task<long> AgreementAsync() =>
        (await (await fx.As(Demo.Admin)).GetJson("/api/v1/agreements?limit=1")).GetProperty("items")[0].GetProperty("id").GetInt64();

    private static HttpRequestMessage Upload(long agreement, string? origin, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{agreement}/documents") { Content = Document() };
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        if (fetchSite is not null) request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private Task<int> DocumentsAsync(long agreement) =>
        fx.App.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Metropoli.Agreements.Model.AgreementDocument>(), d => d.AgreementId == agreement));

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData("http://localhost.evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    [InlineData(null, null)]
    public async Task A_cookie_only_upload_from_another_origin_is_refused_and_stores_nothing(string? origin, string? fetchSite)
    {
        var agreement = await AgreementAsync();
        var session = await fx.App.SignedIn(Demo.Admin);
        var before = await DocumentsAsync(agreement);
        var problem = await (await session.SendAsync(Upload(agreement, origin, fetchSite))).ShouldBeProblem(403);
        Assert.Contains("origine", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await DocumentsAsync(agreement));

        var json = new HttpRequestMessage(HttpMethod.Put, "/api/v1/municipalities/015182/contacts") { Content = Http.JsonBody(Builders.Contacts()) };
        json.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        json.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await session.SendAsync(json)).ShouldBeProblem(403);
    }

    [Fact]
    public async Task The_same_upload_from_the_apps_origin_or_with_the_antiforgery_token_or_with_a_token_is_accepted()
    {
        var agreement = await AgreementAsync();
        var session = await fx.App.SignedIn(Demo.Admin);
        await (await session.SendAsync(Upload(agreement, "http://localhost"))).ShouldBe(HttpStatusCode.Created);
        await (await session.SendAsync(Upload(agreement, null, "same-origin"))).ShouldBe(HttpStatusCode.Created);

        var antiforgery = Upload(agreement, "https://evil.example");
        antiforgery.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", await session.AntiforgeryTokenAsync("/account"));
        await (await session.SendAsync(antiforgery)).ShouldBe(HttpStatusCode.Created);

        // Machines: a token from anywhere.
        await (await (await fx.As(Demo.Admin)).SendAsync(Upload(agreement, "https://evil.example", "cross-site"))).ShouldBe(HttpStatusCode.Created);
        // Reads stay open to the session wherever the link was followed from.
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        read.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        await (await session.SendAsync(read)).ShouldBe(HttpStatusCode.OK);
    }
}
