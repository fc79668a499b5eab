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

    /// <summary>ADR 0043 "Performance at metro scale": the consultations list is paged (envelope, 400 on bad values, its own
    /// pager on /partecipazione) and counts only the published proposals, in one grouped query, fresh after a write.</summary>
    [Fact]
    public async Task The_consultations_are_paged_and_count_only_published_proposals()
    {
        var office = await fx.As(Demo.PlanOffice);
        var consultation = await ConsultationAsync(office, opensInDays: 400, closesInDays: 430);
        await ConsultationAsync(office, opensInDays: 399, closesInDays: 430);
        var anonymous = fx.App.Anonymous();
        Assert.Equal(0, (await anonymous.GetJson("/api/v1/consultations")).GetProperty("items")[0].GetProperty("proposals").GetInt32());
        await fx.App.WithScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            db.AddRange(new[] { (false, false), (true, false), (false, true), (false, false) }.Select(x => new Proposal
            {
                ConsultationId = consultation, Title = "Proposta contata", Text = "Testo.", AuthorUserId = "count-test", IsHidden = x.Item1,
                IsWithdrawn = x.Item2, CreatedAt = now, UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
            return 0;
        });

        var list = await anonymous.GetJson("/api/v1/consultations");
        var total = list.GetProperty("total").GetInt32();
        Assert.Equal((20, 0), (list.GetProperty("limit").GetInt32(), list.GetProperty("offset").GetInt32()));
        var first = list.GetProperty("items")[0];
        Assert.Equal((consultation, 2), (first.GetProperty("id").GetInt64(), first.GetProperty("proposals").GetInt32()));
        var second = list.GetProperty("items")[1].GetProperty("id").GetInt64();
        var page = await anonymous.GetJson("/api/v1/consultations?limit=1&offset=1");
        Assert.Equal((total, 1, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("limit").GetInt32(), page.GetProperty("items").GetArrayLength()));
        Assert.Equal(second, page.GetProperty("items")[0].GetProperty("id").GetInt64());
        await (await anonymous.GetAsync("/api/v1/consultations?limit=0")).ShouldBeProblem(400);
        await (await anonymous.GetAsync("/api/v1/consultations?offset=-1")).ShouldBeProblem(400);

        var html = await anonymous.GetStringAsync("/partecipazione");
        Assert.Contains($"href=\"/partecipazione/consultazioni/{consultation}\"", html);
        var next = await anonymous.GetStringAsync("/partecipazione?consultationsOffset=1");
        Assert.DoesNotContain($"href=\"/partecipazione/consultazioni/{consultation}\"", next);
        Assert.Contains($"href=\"/partecipazione/consultazioni/{second}\"", next);
    }
}
