using System.Net;
using System.Text;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;

namespace Metropoli.Tests.Security;

/// <summary>Answers that were 500 before: each malformed or racing request now gets a 4xx problem.</summary>
// On PostgreSQL too: racing closes and NUL in the query string were 500s on PostgreSQL.
[Trait("Database", "Both")]
public sealed class FoundBugsRegressionTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static ByteArrayContent EmptyMultipart()
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        return content;
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_a_client_error_for_agreement_documents()
    {
        var office = await fx.As(Demo.PlanOffice);
        var id = await AgreementBuilders.CreateAsync(office);
        var answer = await office.PostAsync($"/api/v1/agreements/{id}/documents", EmptyMultipart());
        Assert.InRange((int)answer.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Creating_the_same_theme_in_parallel_gives_one_201_and_422s()
    {
        var admin = await fx.As(Demo.Admin);
        var code = "tema-" + Guid.NewGuid().ToString("N")[..8];
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            admin.PostAsync("/api/v1/agreement-themes", Http.JsonBody(new { code, name = "Tema di prova" }))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(422, (int)a.StatusCode));
    }

    [Fact]
    public async Task Closing_a_campaign_twice_at_once_gives_one_success_and_conflicts()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031, adopt: true);
        var opened = await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Http.JsonBody(new
        {
            name = "Chiusura concorrente", year = 2031, deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created);
        var campaign = opened.GetProperty("campaign").GetProperty("id").GetInt64();
        var etag = await PlanBuilders.ETagAsync(office, $"/api/v1/monitoring-campaigns/{campaign}");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, etag)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.NoContent), a => Assert.Equal(409, (int)a.StatusCode));
    }

    [Fact]
    public async Task A_NUL_in_the_query_string_is_a_400()
    {
        await (await fx.App.Anonymous().GetAsync("/api/v1/plans?q=%00")).ShouldBeProblem(400);
    }
}
