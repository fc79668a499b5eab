using System.Net;
using Metropoli.Platform.Data;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>The register's search finds an agreement by its title, number, subject or a party's name, in any
/// letter case, and treats <c>%</c> and <c>_</c> as the characters they are (on both databases, whose queries differ).</summary>
// On PostgreSQL too: the search is FTS5 on SQLite and LIKE on PostgreSQL.
[Trait("Database", "Both")]
public sealed class AgreementSearchTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Search_matches_title_number_subject_and_party_in_any_case_and_takes_wildcards_literally()
    {
        var office = await fx.As(Demo.PlanOffice);
        var n = Guid.NewGuid().ToString("N")[..8];
        var byTitle = await CreateAsync(office, extra: new { title = $"Convenzione Ricerca{n} 100% verde" });
        var byNumber = await CreateAsync(office, extra: new { number = $"NUM_{n}" });
        var bySubject = await CreateAsync(office, extra: new { subject = $"Oggetto con parola Subj{n}." });
        var byParty = await CreateAsync(office);
        await AddPartyAsync(office, byParty, await OrganisationOfComuneAsync(fx.App, Demo.Rho));

        async Task<List<long>> Found(string q) =>
            (await office.GetJson($"/api/v1/agreements?q={Uri.EscapeDataString(q)}&limit=100")).GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

        Assert.Equal([byTitle], await Found($"ricerca{n.ToUpperInvariant()}"));
        Assert.Equal([byTitle], await Found($"RICERCA{n} 100% VERDE"));
        Assert.Empty(await Found($"ricerca{n} 100%%"));
        Assert.Empty(await Found($"ricerca{n} 1_0%"));
        Assert.Equal([byNumber], await Found($"num_{n}"));
        Assert.Empty(await Found($"numx{n}"));
        Assert.Empty(await Found($"num%{n}"));
        Assert.Equal([bySubject], await Found($"SUBJ{n}"));
        Assert.Contains(byParty, await Found("comune di rho"));
        Assert.DoesNotContain(byTitle, await Found("comune di rho"));
    }

    [Fact]
    public async Task A_search_made_by_staff_is_never_served_to_the_public_and_a_new_agreement_is_found_at_once()
    {
        // The order of a search's matches is cached per class of viewer (ListAgreements.HandleAsync).
        var office = await fx.As(Demo.PlanOffice);
        var anonymous = fx.App.Anonymous();
        var n = Guid.NewGuid().ToString("N")[..8];
        var url = $"/api/v1/agreements?q=riservata{n}&limit=100";
        Assert.Equal(0, (await office.GetJson(url)).GetProperty("total").GetInt32());
        var draft = await CreateAsync(office, extra: new { title = $"Bozza Riservata{n}" });

        var staff = await office.GetJson(url);
        Assert.Equal(1, staff.GetProperty("total").GetInt32());
        Assert.Equal(draft, staff.GetProperty("items")[0].GetProperty("id").GetInt64());
        var publicView = await anonymous.GetJson(url);
        Assert.Equal(0, publicView.GetProperty("total").GetInt32());
        Assert.Empty(publicView.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain($"Riservata{n}", await anonymous.Html($"/intese?q=riservata{n}"));
        var officePage = await office.Html($"/intese?q=riservata{n}");
        Assert.Contains($"Riservata{n}", officePage);
        Assert.Contains("1 intesa trovata", officePage); // the singular
    }

    [Fact]
    public async Task The_trigram_index_follows_every_change_of_title_number_and_subject_and_the_search_uses_it()
    {
        var office = await fx.As(Demo.PlanOffice);
        var n = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(office, extra: new { title = $"Patto Primo{n}", subject = $"Oggetto Alfa{n}", number = $"P-{n}" });
        async Task<bool> Found(string q) =>
            (await office.GetJson($"/api/v1/agreements?q={Uri.EscapeDataString(q)}&limit=100")).GetProperty("items")
                .EnumerateArray().Any(i => i.GetProperty("id").GetInt64() == id);
        Assert.True(await Found($"primo{n}"));
        Assert.True(await Found($"alfa{n}"));
        Assert.True(await Found($"p-{n}"));

        // Changed: found by the new words only.
        var url = $"/api/v1/agreements/{id}";
        await (await office.PutJson(url, new { title = $"Patto Secondo{n}", subject = $"Oggetto Beta{n}", number = $"Q-{n}", type = "protocol", visibility = "public" },
            await ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        Assert.False(await Found($"primo{n}"));
        Assert.False(await Found($"alfa{n}"));
        Assert.False(await Found($"p-{n}"));
        Assert.True(await Found($"SECONDO{n}"));
        Assert.True(await Found($"beta{n}"));
        Assert.True(await Found($"q-{n}"));
        // A quote is a character like any other, and a text too short for a trigram is still searched.
        Assert.Empty((await office.GetJson("/api/v1/agreements?q=%22secondo" + n + "%22")).GetProperty("items").EnumerateArray());
        Assert.Equal(200, (int)(await office.GetAsync("/api/v1/agreements?q=" + Uri.EscapeDataString("\"\" OR *"))).StatusCode);
        Assert.True((await office.GetJson("/api/v1/agreements?q=Pa&limit=1")).GetProperty("total").GetInt32() >= 1);

        // The index is there and the query goes through it.
        await fx.App.WithDb(async db =>
        {
            if (db.Database.IsSqlite())
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var explain = connection.CreateCommand();
                explain.CommandText = $"EXPLAIN QUERY PLAN SELECT rowid FROM {SchemaExtras.AgreementSearchTable} WHERE {SchemaExtras.AgreementSearchTable} MATCH '\"secondo\"'";
                var plan = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal("detail")));
                }
                Assert.Contains(plan, d => d.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
                    $"SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE indexname = '{SchemaExtras.AgreementSearchIndex}'").SingleAsync());
            }
        });
    }
}
