using System.Net;
using Metropoli.Participation.Model;
using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Metropoli.Tests.Modules.Participation.ParticipationBuilders;

namespace Metropoli.Tests.Modules.Participation;

/// <summary>ADR 0043 addendum (paging): a consultation past the old silent cap of 1,000 proposals is paged on screen
/// and in the API, and every download has every proposal.</summary>
[Trait("Database", "Both")]
public sealed class ParticipationPagingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const int Count = 1_050;

    [Fact]
    public async Task A_consultation_with_more_than_a_thousand_proposals_is_paged_on_the_page_and_the_api_and_the_csvs_have_them_all()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office, openToAll: true);
        await fx.App.WithScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            db.AddRange(Enumerable.Range(1, Count).Select(i => new Proposal
            {
                ConsultationId = consultation, Title = $"Proposta in blocco {i:D4}", Text = "Testo.", AuthorUserId = "paging-test",
                CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
            return 0;
        });

        var anonymous = fx.App.Anonymous();
        var report = await anonymous.GetStringAsync($"/partecipazione/consultazioni/{consultation}/resoconto.csv");
        Assert.Contains("Proposta in blocco 1050", report);
        Assert.Equal(Count, report.Split('\n').Count(l => l.Contains("Proposta in blocco")));
        var all = await anonymous.GetStringAsync("/partecipazione/proposte.csv");
        Assert.Equal(Count, all.Split('\n').Count(l => l.Contains("Proposta in blocco")));
        var json = await anonymous.GetJson("/partecipazione/proposte.json");
        Assert.True(json.GetProperty("total").GetInt32() >= Count);
        Assert.Equal(Count, json.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("consultationId").GetInt64() == consultation));

        var detail = await anonymous.GetJson($"/api/v1/consultations/{consultation}?limit=50&offset=1000");
        Assert.Equal((Count, 50, 1000, 50), (detail.GetProperty("proposalsTotal").GetInt32(), detail.GetProperty("proposalsLimit").GetInt32(),
            detail.GetProperty("proposalsOffset").GetInt32(), detail.GetProperty("proposals").GetArrayLength()));
        var page = await anonymous.GetJson($"/api/v1/consultations/{consultation}/proposals?limit=200&offset=1000");
        Assert.Equal((Count, 50), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal("Proposta in blocco 1001", page.GetProperty("items")[0].GetProperty("title").GetString());
        await (await anonymous.GetAsync($"/api/v1/consultations/{consultation}/proposals?limit=0")).ShouldBeProblem(400);
        await (await anonymous.GetAsync("/api/v1/consultations/999999999/proposals")).ShouldBeProblem(404);

        var html = await anonymous.GetStringAsync($"/partecipazione/consultazioni/{consultation}");
        Assert.Contains("1.050 proposte", html);
        Assert.Contains("offset=20", html);
        Assert.DoesNotContain("Proposta in blocco 0021", html);
        var second = await anonymous.GetStringAsync($"/partecipazione/consultazioni/{consultation}?offset=20");
        Assert.Contains("Proposta in blocco 0021", second);
        Assert.DoesNotContain("Proposta in blocco 0001<", second);
    }
}
