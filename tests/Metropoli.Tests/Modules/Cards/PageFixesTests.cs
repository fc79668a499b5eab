using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;

namespace Metropoli.Tests.Modules.Cards;

/// <summary>Small defects of issue 19 through HTTP: a Comune's code without its leading zeros, an
/// organisation's agreements, and success messages printed once.</summary>
public sealed partial class PageFixesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [GeneratedRegex("alert alert-success")]
    private static partial Regex SuccessAlert();

    [Theory]
    [InlineData("15146", "/comuni/015146")]
    [InlineData("15182", "/comuni/015182")]
    public async Task A_Comune_code_without_leading_zeros_redirects_permanently(string given, string expected)
    {
        var response = await fx.App.Anonymous().GetAsync("/comuni/" + given);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("1a")]
    [InlineData("0151460")]
    public async Task A_code_that_names_no_Comune_is_still_not_found(string given)
    {
        var response = await fx.App.Anonymous().GetAsync("/comuni/" + given);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_organisation_page_lists_the_agreements_it_is_a_party_to()
    {
        var office = await fx.As(Demo.Admin);
        var (id, _, _) = await AgreementBuilders.InForceAsync(fx.App, office, Demo.Rho);
        var title = (await office.GetJson($"/api/v1/agreements/{id}")).GetProperty("title").GetString()!;
        var rho = await AgreementBuilders.OrganisationOfComuneAsync(fx.App, Demo.Rho);
        var html = await fx.App.Anonymous().Html($"/organizzazioni/{rho}");
        Assert.Contains("Intese di cui è parte", html);
        Assert.Contains($"<a href=\"/intese/{id}\">{title}</a>", html);

        var english = await fx.App.Anonymous().Html($"/organizzazioni/{rho}?culture=en");
        Assert.Contains("Agreements it is a party to", english);
    }

    [Fact]
    public async Task The_success_message_of_a_campaign_page_is_printed_once()
    {
        var api = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(api, "ambiente", startYear: 2031);
        await (await PlanBuilders.Transition(api, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        var office = await fx.App.SignedIn(Demo.PlanOffice);
        var posted = await office.SubmitAsync($"/piano/{tree.PlanId}/campagne/nuova",
            [("Input.Name", "Campagna " + Guid.NewGuid().ToString("N")[..8]), ("Input.Year", "2031"),
             ("Input.Deadline", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")), ("Input.ReminderDays", "7,1")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var html = await office.Html(posted.Headers.Location!.OriginalString);
        Assert.Single(SuccessAlert().Matches(html));
    }
}
