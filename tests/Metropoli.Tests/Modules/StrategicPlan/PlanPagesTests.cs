using System.Net;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>The plan's pages render for the roles that may see them (with the demo content), drafts stay
/// hidden, and the Comune and zone pages list the actions that concern them.</summary>
// On PostgreSQL too: StrategicPlan smoke for the pages: their queries run on each provider.
[Trait("Database", "Both")]
public sealed class PlanPagesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private Task<long> PlanId(string name) => fx.App.WithDb(db => db.Set<Plan>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    private Task<long> ActionId(string planName, string code) => fx.App.WithDb(db =>
        (from a in db.Set<PlanAction>() join p in db.Set<Plan>() on a.PlanId equals p.Id where p.Name == planName && a.Code == code select a.Id).SingleAsync());

    private static async Task<string> Html(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(body);
    }

    [Fact]
    public async Task The_public_sees_the_published_plan_and_not_the_draft()
    {
        var anonymous = fx.App.Anonymous();
        var list = await Html(anonymous, "/piano");
        Assert.Contains(PlanDemo.CurrentName, list, StringComparison.Ordinal);
        Assert.DoesNotContain(PlanDemo.NextName, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/piano/{await PlanId(PlanDemo.NextName)}")).StatusCode);

        var plan = await Html(anonymous, $"/piano/{await PlanId(PlanDemo.CurrentName)}");
        foreach (var text in new[] { "Campus metropolitano smart", "Politiche verdi e blu", "Sustain-ability", "Metabolismo circolare metropolitano", "Diritto alla mobilità", "Forestazione urbana lungo il Canale Villoresi" })
        {
            Assert.Contains(text, plan, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("/piano/" + await PlanId(PlanDemo.CurrentName) + "/modifica", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_filters_its_actions()
    {
        var id = await PlanId(PlanDemo.CurrentName);
        var html = await Html(fx.App.Anonymous(), $"/piano/{id}?sector=mobilita");
        Assert.Contains("Cambio: la rete ciclabile metropolitana", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Forestazione urbana lungo il Canale Villoresi (dimostrativa)</a>", html, StringComparison.Ordinal);
        var bad = await Html(fx.App.Anonymous(), $"/piano/{id}?status=nonsense");
        Assert.Contains("alert-danger", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_action_list_sorts_pages_and_downloads_the_same_rows()
    {
        var id = await PlanId(PlanDemo.CurrentName);
        var anonymous = fx.App.Anonymous();
        var html = await Html(anonymous, $"/piano/{id}/azioni?sector=ambiente&sort=-progress");
        Assert.Contains("6 azioni trovate", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Simbiosi industriale", StringComparison.Ordinal) < html.IndexOf("Parchi agricoli", StringComparison.Ordinal));
        var csv = await anonymous.GetStringAsync($"/piano/{id}/azioni/export.csv?sector=ambiente");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("plan,area_code,area_title", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/piano/{await PlanId(PlanDemo.NextName)}/azioni/export.csv")).StatusCode);
    }

    [Fact]
    public async Task The_action_page_shows_every_field_and_the_history_only_to_editors()
    {
        var id = await ActionId(PlanDemo.CurrentName, "D2.1.1");
        var html = await Html(fx.App.Anonymous(), $"/piano/azioni/{id}");
        foreach (var text in new[] { "09.05", "Aree protette, parchi naturali", "Rho", "Nord Ovest", "Regione Lombardia", "Città metropolitana di Milano", "1.200.000,00 €", "Sostenibilità" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Cronologia delle modifiche", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/avanzamento", html, StringComparison.Ordinal);

        var sector = await Html(await fx.As(Demo.Sector), $"/piano/azioni/{id}");
        Assert.Contains("Cronologia delle modifiche", sector, StringComparison.Ordinal);
        Assert.Contains($"/piano/azioni/{id}/avanzamento", sector, StringComparison.Ordinal);
        Assert.DoesNotContain($"/piano/azioni/{id}/modifica", sector, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_carried_over_action_links_both_ways()
    {
        var source = await ActionId(PlanDemo.CurrentName, "D2.1.1");
        var copy = await ActionId(PlanDemo.NextName, "D2.1.1");
        var office = await fx.As(Demo.PlanOffice);
        Assert.Contains($"/piano/azioni/{copy}", await Html(office, $"/piano/azioni/{source}"), StringComparison.Ordinal);
        Assert.Contains($"/piano/azioni/{source}", await Html(office, $"/piano/azioni/{copy}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comune_page_lists_the_actions_concerning_it()
    {
        var html = await Html(fx.App.Anonymous(), $"/comuni/{Demo.Rho}");
        Assert.Contains("Azioni del Piano strategico", html, StringComparison.Ordinal);
        Assert.Contains("Forestazione urbana lungo il Canale Villoresi", html, StringComparison.Ordinal);   // Rho directly
        Assert.Contains("Piano metropolitano per la qualità dell'aria", html, StringComparison.Ordinal);   // through Nord Ovest
        Assert.DoesNotContain("Cambio: la rete ciclabile metropolitana", html, StringComparison.Ordinal);
        // The draft's copy of the forestation action is not public.
        Assert.DoesNotContain(PlanDemo.NextName, html, StringComparison.Ordinal);
        Assert.Contains(PlanDemo.NextName, await Html(await fx.As(Demo.PlanOffice), $"/comuni/{Demo.Rho}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_page_lists_the_actions_concerning_it_or_its_comuni()
    {
        var html = await Html(fx.App.Anonymous(), "/zone/nord-milano");
        Assert.Contains("Azioni del Piano strategico", html, StringComparison.Ordinal);
        Assert.Contains("Atlante delle aree dismesse", html, StringComparison.Ordinal);
        Assert.Contains("Contratti di fiume", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/piano/nuovo")]
    [InlineData("/piano/{plan}/modifica")]
    [InlineData("/piano/{plan}/stato")]
    [InlineData("/piano/{plan}/importa")]
    [InlineData("/piano/{plan}/aree/nuova")]
    [InlineData("/piano/aree/{area}/modifica")]
    [InlineData("/piano/aree/{area}/obiettivi/nuovo")]
    [InlineData("/piano/obiettivi/{objective}/modifica")]
    [InlineData("/piano/obiettivi/{objective}/azioni/nuova")]
    [InlineData("/piano/azioni/{action}/modifica")]
    [InlineData("/piano/azioni/{action}/avanzamento")]
    [InlineData("/piano/{draft}")]
    public async Task The_plan_office_forms_render(string template)
    {
        var plan = await PlanId(PlanDemo.CurrentName);
        var action = await ActionId(PlanDemo.CurrentName, "D2.1.1");
        var (area, objective) = await fx.App.WithDb(async db =>
        {
            var o = await db.Set<PlanObjective>().SingleAsync(x => x.PlanId == plan && x.Code == "D2.1");
            return (o.AreaId, o.Id);
        });
        var url = template.Replace("{plan}", plan.ToString()).Replace("{area}", area.ToString()).Replace("{objective}", objective.ToString())
            .Replace("{action}", action.ToString()).Replace("{draft}", (await PlanId(PlanDemo.NextName)).ToString());
        await Html(await fx.As(Demo.PlanOffice), url);
    }

    [Fact]
    public async Task A_sector_officer_opens_the_progress_form_of_their_sector_only()
    {
        var own = await ActionId(PlanDemo.CurrentName, "D2.1.1");
        var other = await ActionId(PlanDemo.CurrentName, "D5.1.1");
        var sector = await fx.As(Demo.Sector);
        await Html(sector, $"/piano/azioni/{own}/avanzamento");
        var response = await sector.GetAsync($"/piano/azioni/{other}/avanzamento");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await sector.GetAsync($"/piano/azioni/{own}/modifica")).StatusCode);
    }
}
