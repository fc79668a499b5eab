using System.Net;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform.Home;

/// <summary>The desk where signing in lands, the site search and the glossary (issue 19, ADR 0038).</summary>
public sealed class DeskTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(null, "/scrivania")]
    [InlineData("/", "/scrivania")]
    [InlineData("/comuni?zona=nord-ovest", "/comuni?zona=nord-ovest")]
    public async Task Signing_in_lands_on_the_desk_unless_a_page_was_asked_for(string? returnUrl, string expected)
    {
        var client = fx.App.Anonymous();
        var fields = new List<(string, string)> { ("Input.Email", Demo.Forum), ("Input.Password", MetropoliApp.DemoPassword) };
        if (returnUrl is not null) fields.Add(("ReturnUrl", returnUrl));
        var response = await client.SubmitAsync("/accedi", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_desk_shows_values_to_validate_to_the_plan_office_and_a_rejection_with_its_reason_to_the_sector()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031, adopt: true);
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "IDESK", name = "Indicatore della scrivania", unit = "numero", direction = "increase", frequency = "annual",
            baselineValue = 0, baselineYear = 2030, targets = new[] { new { year = 2031, value = 10 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var measurement = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 5 })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var officeDesk = await (await fx.App.SignedIn(Demo.PlanOffice)).Html("/scrivania");
        var pending = await fx.App.WithDb(db => db.Set<Measurement>().CountAsync(m => m.Status == MeasurementStatuses.Submitted));
        Assert.Contains("Valori da validare", officeDesk);
        Assert.Contains("href=\"/piano/misurazioni/da-validare\"", officeDesk);
        Assert.Matches($"desk-count\">{pending}</span> Valori da validare", officeDesk);

        const string reason = "Motivo di prova della scrivania: manca l'unità.";
        await (await office.PostJson($"/api/v1/measurements/{measurement}/rejection", new { reason }, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);
        var sectorDesk = await (await fx.App.SignedIn(Demo.Sector)).Html("/scrivania");
        Assert.Contains("Valori respinti da correggere", sectorDesk);
        Assert.Contains(reason, sectorDesk);
        Assert.Contains($"href=\"/piano/misurazioni/{measurement}/correggi\"", sectorDesk);
        // Only the sector's own values: the forum member has nothing waiting, and is told so.
        var forumDesk = await (await fx.App.SignedIn(Demo.Forum)).Html("/scrivania");
        Assert.DoesNotContain(reason, forumDesk);
        Assert.Contains("Nulla ti aspetta in questo momento", forumDesk);
    }

    [Fact]
    public async Task The_municipality_officer_and_the_zone_coordinator_find_their_Comune_and_zone_on_the_desk()
    {
        var rho = await (await fx.App.SignedIn(Demo.RhoOfficer)).Html("/scrivania");
        Assert.Contains($"href=\"/comuni/{Demo.Rho}\"", rho);
        Assert.Contains("Il mio Comune: Rho", rho);
        var zone = await (await fx.App.SignedIn(Demo.ZoneCoordinator)).Html("/scrivania?culture=en");
        Assert.Contains("href=\"/zone/nord-ovest\"", zone);
        Assert.Contains("My zone:", zone);
        Assert.Equal(HttpStatusCode.Redirect, (await fx.App.Anonymous().GetAsync("/scrivania")).StatusCode);
    }

    [Fact]
    public async Task The_search_finds_Comuni_and_plan_actions_but_not_what_the_user_may_not_see()
    {
        var anonymous = fx.App.Anonymous();
        Assert.Contains($"href=\"/comuni/{Demo.Rho}\"", await anonymous.Html("/cerca?q=rho"));
        Assert.Contains("Scrivi almeno 2 caratteri.", await anonymous.Html("/cerca?q=r"));

        var office = await fx.As(Demo.PlanOffice);
        var draft = await PlanBuilders.CreateTreeAsync(office, startYear: 2037);
        const string marker = "Azione riservata della ricerca";
        var action = (await (await office.PostAsync("/api/v1/plan-actions", Http.JsonBody(PlanBuilders.ActionBody(draft.ObjectiveId, "A1.1.9", title: marker))))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        // A draft plan's action: found by the plan office, not by the public.
        Assert.Contains($"href=\"/piano/azioni/{action}\"", await (await fx.App.SignedIn(Demo.PlanOffice)).Html("/cerca?q=riservata+della"));
        Assert.DoesNotContain(marker, await anonymous.Html("/cerca?q=riservata+della"));

        // Accents and case ignored (issue 23): "mobilita" finds "Mobilità", and the accent typed finds it unaccented.
        const string accented = "Rete della Mobilità ciclabile delle città";
        var accentedAction = (await (await office.PostAsync("/api/v1/plan-actions", Http.JsonBody(PlanBuilders.ActionBody(draft.ObjectiveId, "A1.1.8", title: accented))))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var planOffice = await fx.App.SignedIn(Demo.PlanOffice);
        foreach (var q in new[] { "mobilita+ciclabile", "MOBILITA+CICLABILE", "mobilità+ciclabile", "citta" })
        {
            Assert.Contains($"href=\"/piano/azioni/{accentedAction}\"", await planOffice.Html($"/cerca?q={q}"));
        }
        // The free last vowel narrows in SQL only: "mobilite" is not "mobilità".
        Assert.DoesNotContain($"href=\"/piano/azioni/{accentedAction}\"", await planOffice.Html("/cerca?q=mobilite+ciclabile"));
    }

    [Fact]
    public async Task The_glossary_explains_the_modules_statuses_in_both_languages()
    {
        var it = await fx.App.Anonymous().Html("/aiuto/glossario");
        foreach (var term in new[] { "fuori obiettivo", "Oltre la data di fine", "Dichiarate in ritardo", "da validare", "in vigore", "scaduto" })
        {
            Assert.Contains(term, it);
        }
        var en = await fx.App.Anonymous().Html("/aiuto/glossario?culture=en");
        Assert.Contains("Past the end date", en);
        Assert.DoesNotContain("Oltre la data di fine", en);
    }
}
