using Metropoli.Tests.Infrastructure;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>The register's search finds an agreement by its title, number, subject or a party's name, in any
/// letter case, and treats <c>%</c> and <c>_</c> as the characters they are (on both databases, whose queries differ).</summary>
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
}
