using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;

namespace Metropoli.Tests.Modules.Cards;

/// <summary>Issue 19 items 4 and 5 through HTTP: the dashboard's scorecard (KPI changes since the previous
/// campaign, the traffic light by area and objective, the last update), the indicator's trend, the progress
/// map, all from validated values only.</summary>
public sealed partial class ScorecardTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [GeneratedRegex("""<circle """)]
    private static partial Regex Circle();

    private static Task<HttpResponseMessage> NewIndicator(HttpClient office, long actionId, string code, int baseline = 100, int target = 300) =>
        office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId, code, name = "Alberi piantati " + code, unit = "numero", direction = "increase",
            baselineValue = baseline, baselineYear = 2030, frequency = "annual", targets = new[] { new { year = 2031, value = target } },
        }));

    private static async Task<long> Submit(HttpClient sector, long indicator, string period, decimal value) =>
        (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period, value, note = "test" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static async Task Validate(HttpClient office, long measurement) =>
        await (await office.PostJson($"/api/v1/measurements/{measurement}/validation", new { }, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);

    [Fact]
    public async Task The_dashboard_leads_with_KPI_changes_since_the_last_campaign_and_a_traffic_light_from_validated_values()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        await (await PlanBuilders.Transition(office, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        var indicator = (await (await NewIndicator(office, tree.ActionId, "SC-1")).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        // Before any campaign: no comparison, and without a validated value the objective has no data.
        var before = await fx.App.Anonymous().Html($"/piano/{tree.PlanId}/cruscotto");
        Assert.Contains("Nessuna campagna chiusa con cui confrontare le cifre.", before);
        Assert.Contains("Semaforo per area e obiettivo", before);
        Assert.Contains("data-status=\"no-data\"", before);

        // A campaign closes with no indicator on track.
        var opened = await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Http.JsonBody(new
        {
            name = "Scorecard " + Guid.NewGuid().ToString("N")[..6], year = 2031, deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), reminderDays = "7,1",
        }))).ShouldBe(HttpStatusCode.Created);
        var campaign = opened.GetProperty("campaign").GetProperty("id").GetInt64();
        var tag = await PlanBuilders.ETagAsync(office, $"/api/v1/monitoring-campaigns/{campaign}");
        await (await office.PostJson($"/api/v1/monitoring-campaigns/{campaign}/close", new { }, tag)).ShouldBe(HttpStatusCode.NoContent);

        // A submitted value does not count; once validated, the indicator is on track and the tile goes up.
        var value = await Submit(sector, indicator, "2031", 300);
        var submitted = await fx.App.Anonymous().Html($"/piano/{tree.PlanId}/cruscotto");
        Assert.DoesNotContain("data-direction=\"up\"", submitted);
        Assert.DoesNotContain("data-status=\"on-track\"", submitted);
        await Validate(office, value);

        var html = await fx.App.Anonymous().Html($"/piano/{tree.PlanId}/cruscotto");
        Assert.Contains("La variazione è rispetto alla campagna «Scorecard ", html);
        var tile = Regex.Match(html, "<li[^>]*>\\s*<div class=\"card[^\"]*kpi-tile\">\\s*<span class=\"h2 mb-0\">1 / 1</span>.*?</li>", RegexOptions.Singleline);
        Assert.True(tile.Success, "No tile with 1 / 1 indicators on track");
        Assert.Contains("data-direction=\"up\"", tile.Value);
        Assert.Contains("▲", tile.Value);
        Assert.Contains("in aumento di 1", tile.Value);
        // The traffic light: the area and its objective, status in words with an icon.
        Assert.Matches("scorecard-area.*?data-status=\"on-track\"><span aria-hidden=\"true\">✔</span> in linea", html.Replace("\n", " "));
        Assert.Contains($"<a href=\"/piano/obiettivi/{tree.ObjectiveId}\">", html);
        // Who last changed the figures: the validation of the value, by the plan office.
        Assert.Matches("Dati aggiornati il [^<]+ da [^<(]+\\(validazione di un valore\\)", html);
    }

    [Fact]
    public async Task An_indicator_page_draws_the_trend_of_validated_values_against_baseline_and_target()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        var indicator = (await (await NewIndicator(office, tree.ActionId, "TR-1")).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await PlanBuilders.Transition(office, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        await Validate(office, await Submit(sector, indicator, "2031", 250));
        await Validate(office, await Submit(sector, indicator, "2032", 280));
        await Submit(sector, indicator, "2033", 777); // waiting: never drawn

        var html = await fx.App.Anonymous().Html($"/piano/indicatori/{indicator}");
        var svg = Regex.Match(html, "<svg[^>]*class=\"trend-chart\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svg);
        Assert.Equal(2, Circle().Matches(svg).Count);
        Assert.Contains(">250<", svg);
        Assert.Contains(">280<", svg);
        Assert.DoesNotContain("777", svg);
        Assert.Contains("Valore di partenza 2030: 100", svg);
        Assert.Contains("Obiettivo 2031: 300", svg);
        Assert.DoesNotContain("viewBox", svg);
        // The data table is behind a disclosure, after the chart.
        Assert.Matches("trend-chart.*<details class=\"chart-data\"><summary>Dati del grafico in tabella</summary>.*Serie dei valori validati", html.Replace("\n", " "));

        var english = await fx.App.Anonymous().Html($"/piano/indicatori/{indicator}?culture=en");
        Assert.Contains("Target 2031: 300", english);
    }

    [Fact]
    public async Task Every_map_links_each_Comune_to_its_page_and_the_dashboard_maps_progress_by_Comune()
    {
        var map = await fx.App.Anonymous().Html("/territorio/mappa");
        var territory = Regex.Match(map, "<svg[^>]*class=\"territory-map\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(133, Regex.Matches(territory, "<a href=\"/comuni/\\d{6}\"><title>[^<]+</title><path ").Count);
        Assert.Contains("<a href=\"/comuni/015182\"><title>Rho</title>", territory);

        var comune = await fx.App.Anonymous().Html("/comuni/015182");
        Assert.Contains("<a href=\"/comuni/015182\"><title>Rho</title>", comune);
        Assert.Contains("data-zoom-in=\"Ingrandisci\"", comune);
        Assert.Contains("/js/map-zoom.js", comune);

        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        // The builder's action concerns Rho directly and the Nord Ovest zone (Rho's): counted once.
        var dashboard = await (await fx.App.SignedIn(Demo.PlanOffice)).Html($"/piano/{tree.PlanId}/cruscotto");
        Assert.Contains("Avanzamento per Comune", dashboard);
        Assert.Matches("<a href=\"/comuni/015182\"><title>Rho: 1 azioni, avanzamento medio [^<]+</title><path data-istat=\"015182\" fill=\"#", dashboard);
        Assert.Contains("<a href=\"/comuni/015146\"><title>Milano: Nessuna azione</title>", dashboard);
        Assert.Matches("<th scope=\"row\"><a href=\"/comuni/015182\">Rho</a></th><td class=\"text-end\">1</td>", dashboard);
    }
}
