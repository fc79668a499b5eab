using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>The pages without JavaScript: a proposal registered through the form, a party added, a
/// refused step shown with its reason, the register, the dashboard and the import page.</summary>
// On PostgreSQL too: Agreements smoke for the pages: their queries run on each provider.
[Trait("Database", "Both")]
public sealed partial class AgreementPagesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [GeneratedRegex(@"Location: /intese/(\d+)")]
    private static partial Regex Created();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = fx.App.Anonymous();
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_forms_register_an_agreement_add_a_party_and_refuse_an_illegal_step_with_its_reason()
    {
        var client = await SignedInAsync(Demo.PlanOffice);
        var title = $"Intesa dal modulo {Guid.NewGuid():N}";
        var created = await client.SubmitAsync("/intese/nuova", [("Input.Title", title), ("Input.Type", "convention"), ("Input.Visibility", "public"), ("Input.Themes", "qualita-aria")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.ToString().Split('/').Last());
        var page = await client.Html($"/intese/{id}");
        Assert.Contains(title, page, StringComparison.Ordinal);

        var org = await OrganisationOfComuneAsync(fx.App, Demo.Rho);
        var party = await client.SubmitAsync($"/intese/{id}", [("Party.OrganisationId", org.ToString()), ("Party.Role", "signatory")], handler: "AddParty");
        Assert.Equal(HttpStatusCode.Redirect, party.StatusCode);
        Assert.Contains("Comune di Rho", await client.Html($"/intese/{id}"), StringComparison.Ordinal);

        var refused = await client.SubmitAsync($"/intese/{id}/stato", [("Input.Status", "signed"), ("Input.Reason", "Salto"), ("Confirm", "true"), ("Version", await VersionAsync(id))]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("può passare solo a", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var moved = await client.SubmitAsync($"/intese/{id}/stato", [("Input.Status", "under-review"), ("Input.Reason", "Avvio istruttoria"), ("Confirm", "true"), ("Version", await VersionAsync(id))]);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await client.Html($"/intese/{id}");
        Assert.Contains("Avvio istruttoria", after, StringComparison.Ordinal);
        Assert.Contains("Cronologia delle modifiche", after, StringComparison.Ordinal);
    }

    private async Task<string> VersionAsync(long id)
    {
        var office = await fx.As(Demo.PlanOffice);
        return (await office.GetJson($"/api/v1/agreements/{id}")).GetProperty("version").GetInt32().ToString();
    }

    [Theory]
    [InlineData("/intese")]
    [InlineData("/intese/cruscotto")]
    [InlineData("/intese?type=pact&sort=-expiryDate")]
    [InlineData("/intese?limit=abc")]
    public async Task Public_pages_answer_200(string url)
    {
        var html = await fx.App.Anonymous().Html(url);
        Assert.Contains("Intese", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/intese/nuova")]
    [InlineData("/intese/importa")]
    [InlineData("/intese/temi")]
    public async Task Management_pages_are_closed_to_anonymous_users(string url)
    {
        var response = await fx.App.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accedi", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_content_is_labelled_and_the_plan_office_sees_the_demo_proposal()
    {
        var html = await fx.App.Anonymous().Html("/intese?limit=50");
        Assert.Contains("Patto per il Lavoro di Milano (dati dimostrativi)", html, StringComparison.Ordinal);
        Assert.Contains("Smart Land SOM", html, StringComparison.Ordinal);
        var office = await SignedInAsync(Demo.PlanOffice);
        Assert.Contains("qualità dell'aria nel Nord Ovest", await office.Html("/intese?limit=50"), StringComparison.Ordinal);
        _ = Created();
    }
}
