using System.Net;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.StrategicPlan.Demo;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Shared steps of the plan-extras tests: plans of each status with an indicator and measurements.</summary>
internal static class Extras
{
    public static async Task<long> IndicatorAsync(HttpClient office, long actionId, string? code = null)
    {
        var body = await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId, code = code ?? "X" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            name = "Indicatore di prova", unit = "numero", direction = "increase", baselineValue = 0, baselineYear = 2030, frequency = "annual",
            source = "prova", targets = new[] { new { year = 2031, value = 100 } },
        }))).ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetInt64();
    }

    public static async Task<long> SubmitAsync(HttpClient client, long indicator, string period, decimal value)
    {
        var body = await (await client.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period, value, note = "prova" })))
            .ShouldBe(HttpStatusCode.Created);
        return body.GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> PostWithVersion(HttpClient client, string url, int version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Http.JsonBody(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    public static async Task ValidateAsync(HttpClient office, long measurement) =>
        await (await PostWithVersion(office, $"/api/v1/measurements/{measurement}/validation", 1)).ShouldBe(HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> Delete(HttpClient client, string url, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    /// <summary>A tree with an indicator on its action, moved to <paramref name="status"/>.</summary>
    public static async Task<(PlanBuilders.Built Tree, long Indicator)> PlanWithIndicatorAsync(HttpClient office, string status)
    {
        var tree = await PlanBuilders.CreateTreeAsync(office);
        var indicator = await IndicatorAsync(office, tree.ActionId);
        foreach (var step in new[] { "adopted", "approved", "archived" }.TakeWhile(_ => status != "draft"))
        {
            await (await PlanBuilders.Transition(office, tree.PlanId, step)).ShouldBe(HttpStatusCode.NoContent);
            if (step == status) break;
        }
        return (tree, indicator);
    }
}

/// <summary>Deleting indicators and measurements through the API: every rule, with 403, 404, 409 and 428.</summary>
// On PostgreSQL too: deletions meet each provider's foreign keys.
[Trait("Database", "Both")]
public sealed class PlanDeletionTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    [Fact]
    public async Task Indicator_delete_needs_If_Match_the_current_version_and_the_plan_office()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "adopted");
        var url = $"/api/v1/indicators/{indicator}";
        await (await Extras.Delete(office, url, null)).ShouldBeProblem(428);
        await (await Extras.Delete(office, url, "\"7\"")).ShouldBeProblem(409);
        await (await Extras.Delete(await fx.As(Demo.Sector), url, "\"1\"")).ShouldBeProblem(403);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Extras.Delete(fx.App.Anonymous(), url, "\"1\"")).StatusCode);
        await (await Extras.Delete(office, "/api/v1/indicators/999999999", "\"1\"")).ShouldBeProblem(404);
        await (await Extras.Delete(office, url, await PlanBuilders.ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);
        await (await office.GetAsync(url)).ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("adopted")]
    public async Task Before_approval_an_indicator_goes_with_its_targets_and_measurements_all_audited(string status)
    {
        var office = await fx.As(Demo.PlanOffice);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, status);
        var validated = await Extras.SubmitAsync(office, indicator, "2031", 40);
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ validated);
        var waiting = await Extras.SubmitAsync(office, indicator, "2032", 60);
        var url = $"/api/v1/indicators/{indicator}";
        await (await Extras.Delete(office, url, await PlanBuilders.ETagAsync(office, url))).ShouldBe(HttpStatusCode.NoContent);

        Assert.False(await fx.App.WithDb(db => db.Set<Measurement>().AnyAsync(m => m.IndicatorId == indicator)));
        Assert.False(await fx.App.WithDb(db => db.Set<IndicatorTarget>().AnyAsync(t => t.IndicatorId == indicator)));
        var deleted = await fx.App.WithDb(db => db.Set<AuditEntry>().Where(e => e.Action == "delete"
            && ((e.EntityType == nameof(Indicator) && e.EntityId == indicator.ToString())
                || (e.EntityType == nameof(Measurement) && (e.EntityId == validated.ToString() || e.EntityId == waiting.ToString()))))
            .Select(e => e.EntityType).ToListAsync());
        Assert.Equal(3, deleted.Count);
    }

    [Fact]
    public async Task In_an_approved_plan_an_indicator_with_validated_values_is_refused_and_one_without_goes()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (tree, indicator) = await Extras.PlanWithIndicatorAsync(office, "approved");
        var m = await Extras.SubmitAsync(office, indicator, "2031", 40);
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ m);
        var url = $"/api/v1/indicators/{indicator}";
        var refused = await (await Extras.Delete(office, url, await PlanBuilders.ETagAsync(office, url))).ShouldBeProblem(409);
        Assert.Contains("approvato", refused.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(url)).StatusCode);

        var empty = await Extras.IndicatorAsync(office, tree.ActionId);
        await Extras.SubmitAsync(office, empty, "2031", 10); // waiting only: never counted
        var emptyUrl = $"/api/v1/indicators/{empty}";
        await (await Extras.Delete(office, emptyUrl, await PlanBuilders.ETagAsync(office, emptyUrl))).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Nothing_is_deleted_from_an_archived_plan()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "archived");
        var url = $"/api/v1/indicators/{indicator}";
        var refused = await (await Extras.Delete(office, url, await PlanBuilders.ETagAsync(office, url))).ShouldBeProblem(409);
        Assert.Contains("archiviato", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_submitter_withdraws_a_waiting_value_but_not_a_rejected_or_validated_one()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "adopted");
        var waiting = await Extras.SubmitAsync(sector, indicator, "2031", 10);
        var url = $"/api/v1/measurements/{waiting}";
        await (await Extras.Delete(sector, url, null)).ShouldBeProblem(428);
        await (await Extras.Delete(sector, url, "\"9\"")).ShouldBeProblem(409);
        await (await Extras.Delete(await fx.As(Demo.RhoOfficer), url, "\"1\"")).ShouldBeProblem(403);
        await (await Extras.Delete(sector, "/api/v1/measurements/999999999", "\"1\"")).ShouldBeProblem(404);
        await (await Extras.Delete(sector, url, "\"1\"")).ShouldBe(HttpStatusCode.NoContent);
        Assert.False(await fx.App.WithDb(db => db.Set<Measurement>().AnyAsync(m => m.Id == waiting)));
        Assert.True(await fx.App.WithDb(db => db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(Measurement) && e.EntityId == waiting.ToString() && e.Action == "delete")));

        var rejected = await Extras.SubmitAsync(sector, indicator, "2032", 10);
        await (await Extras.PostWithVersion(office, $"/api/v1/measurements/{rejected}/rejection", 1, new { reason = "Valore da ricontrollare" })).ShouldBe(HttpStatusCode.NoContent);
        var notWaiting = await (await Extras.Delete(sector, $"/api/v1/measurements/{rejected}", "\"2\"")).ShouldBeProblem(409);
        Assert.Contains("in attesa", notWaiting.GetProperty("reason").GetString());

        var validated = await Extras.SubmitAsync(sector, indicator, "2033", 10);
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ validated);
        var counted = await (await Extras.Delete(sector, $"/api/v1/measurements/{validated}", "\"2\"")).ShouldBeProblem(409);
        Assert.Contains("validato", counted.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_plan_office_deletes_waiting_and_rejected_values_never_validated_or_superseded_ones()
    {
        var office = await fx.As(Demo.PlanOffice);
        var sector = await fx.As(Demo.Sector);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "adopted");
        var rejected = await Extras.SubmitAsync(sector, indicator, "2031", 10);
        await (await Extras.PostWithVersion(office, $"/api/v1/measurements/{rejected}/rejection", 1, new { reason = "No" })).ShouldBe(HttpStatusCode.NoContent);
        await (await Extras.Delete(office, $"/api/v1/measurements/{rejected}", "\"2\"")).ShouldBe(HttpStatusCode.NoContent);
        var waiting = await Extras.SubmitAsync(sector, indicator, "2031", 11);
        await (await Extras.Delete(office, $"/api/v1/measurements/{waiting}", "\"1\"")).ShouldBe(HttpStatusCode.NoContent);

        var first = await Extras.SubmitAsync(office, indicator, "2032", 20);
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ first);
        var second = await Extras.SubmitAsync(office, indicator, "2032", 25);
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ second);
        Assert.Equal(MeasurementStatuses.Superseded, await fx.App.WithDb(db => db.Set<Measurement>().Where(m => m.Id == first).Select(m => m.Status).SingleAsync()));
        await (await Extras.Delete(office, $"/api/v1/measurements/{first}", "\"3\"")).ShouldBeProblem(409);
        await (await Extras.Delete(office, $"/api/v1/measurements/{second}", "\"2\"")).ShouldBeProblem(409);
    }

    [Fact]
    public async Task A_draft_plans_measurement_is_not_found_for_others()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "draft");
        var m = await Extras.SubmitAsync(office, indicator, "2031", 1);
        await (await Extras.Delete(await fx.As(Demo.Sector), $"/api/v1/measurements/{m}", "\"1\"")).ShouldBeProblem(404);
        await (await Extras.Delete(await fx.As(Demo.Sector), $"/api/v1/indicators/{indicator}", "\"1\"")).ShouldBeProblem(403);
    }
}

/// <summary>The new pages: the plan dashboard on the Comune and zone pages, the thresholds page, the objective
/// page and the delete confirmations, as a browser without JavaScript uses them.</summary>
public sealed class PlanExtrasPagesTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    private async Task<HttpClient> LoggedIn(string email)
    {
        var client = fx.App.Anonymous();
        var response = await client.SubmitAsync("/accedi", [("Input.Email", email), ("Input.Password", MetropoliApp.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A signed-in user without the role is sent to the access-denied page.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/accesso-negato", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comune_and_zone_pages_show_the_dashboard_of_the_plans_in_force_with_the_same_numbers()
    {
        var plan = await fx.App.WithDb(db => db.Set<Plan>().Where(p => p.Name == PlanDemo.CurrentName).Select(p => p.Id).SingleAsync());
        var anonymous = fx.App.Anonymous();
        var dashboard = await anonymous.GetJson($"/api/v1/plans/{plan}/dashboard?municipality={Demo.Rho}");
        var html = await anonymous.Html($"/comuni/{Demo.Rho}");
        Assert.Contains("Il Piano strategico nel Comune", html);
        Assert.Contains($"/piano/{plan}/cruscotto?municipality={Demo.Rho}", html);
        Assert.Contains($"id=\"chart-territory-{plan}-t\"", html);
        Assert.Contains("Numero di azioni per stato (dati del grafico)", html);
        var section = html[html.IndexOf($"chart-territory-{plan}-h", StringComparison.Ordinal)..];
        Assert.Contains($"<dd class=\"col-sm-8\">{dashboard.GetProperty("actions").GetInt32()}</dd>", section);
        Assert.Contains($"<dd class=\"col-sm-8\">{dashboard.GetProperty("declaredLate").GetInt32()} <small", section);
        Assert.Contains($"<dd class=\"col-sm-8\">{dashboard.GetProperty("pastEnd").GetInt32()} <small", section);

        var zone = await anonymous.Html("/zone/nord-ovest");
        Assert.Contains("Il Piano strategico nella zona", zone);
        Assert.Contains($"/piano/{plan}/cruscotto?zone=nord-ovest", zone);

        // A draft plan concerning Rho: the plan office sees its section, the public does not.
        var office = await fx.As(Demo.PlanOffice);
        var draft = await PlanBuilders.CreateTreeAsync(office);
        var name = (await office.GetJson($"/api/v1/plans/{draft.PlanId}")).GetProperty("name").GetString()!;
        Assert.DoesNotContain(name, await anonymous.Html($"/comuni/{Demo.Rho}"));
        Assert.Contains(name, await (await LoggedIn(Demo.PlanOffice)).Html($"/comuni/{Demo.Rho}"));
    }

    [Fact]
    public async Task Thresholds_page_validates_like_the_API_keeps_the_version_and_shows_the_history()
    {
        var office = await fx.As(Demo.PlanOffice);
        var plan = await PlanBuilders.CreatePlanAsync(office);
        var url = $"/piano/{plan}/soglie";
        Assert.Equal(HttpStatusCode.Redirect, (await fx.App.Anonymous().GetAsync(url)).StatusCode);
        AssertDenied(await (await LoggedIn(Demo.Sector)).GetAsync(url));
        var browser = await LoggedIn(Demo.PlanOffice);
        Assert.Contains("valori predefiniti", await browser.Html(url));
        Assert.Contains(url, await browser.Html($"/piano/{plan}"));

        var bad = await browser.SubmitAsync(url, [("Version", "0"), ("Input.OnTrack", "50"), ("Input.AtRisk", "70")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("non può superare quella «in linea»", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var outOfRange = await browser.SubmitAsync(url, [("Version", "0"), ("Input.OnTrack", "120"), ("Input.AtRisk", "10")]);
        Assert.Contains("tra 1 e 100", System.Net.WebUtility.HtmlDecode(await outOfRange.Content.ReadAsStringAsync()));

        var ok = await browser.SubmitAsync(url, [("Version", "0"), ("Input.OnTrack", "80"), ("Input.AtRisk", "50")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var api = await office.GetJson($"/api/v1/plans/{plan}/indicator-thresholds");
        Assert.Equal(80, api.GetProperty("onTrack").GetInt32());
        Assert.Equal(1, api.GetProperty("version").GetInt32());

        var stale = await browser.SubmitAsync(url, [("Version", "0"), ("Input.OnTrack", "70"), ("Input.AtRisk", "40")]);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Nel frattempo un altro utente", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(80, (await office.GetJson($"/api/v1/plans/{plan}/indicator-thresholds")).GetProperty("onTrack").GetInt32());
        var history = await browser.Html(url);
        Assert.Contains("Paolo Ufficio di Piano", history);
        Assert.DoesNotContain("Le soglie non sono mai state cambiate", history);
    }

    [Fact]
    public async Task Objective_page_lists_actions_and_indicators_and_hides_drafts()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office);
        await PlanBuilders.CreateActionAsync(office, tree.ObjectiveId, "A1.1.2");
        var indicator = await Extras.IndicatorAsync(office, tree.ActionId, "IND-OBJ-" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var url = $"/piano/obiettivi/{tree.ObjectiveId}";
        Assert.Equal(HttpStatusCode.NotFound, (await fx.App.Anonymous().GetAsync(url)).StatusCode);
        await (await fx.App.Anonymous().GetAsync($"/api/v1/plan-objectives/{tree.ObjectiveId}")).ShouldBeProblem(404);

        var browser = await LoggedIn(Demo.PlanOffice);
        var html = await browser.Html(url);
        Assert.Contains("Obiettivo di prova", html);
        Assert.Contains($"/piano/indicatori/{indicator}", html);
        Assert.Contains($"/piano/obiettivi/{tree.ObjectiveId}/modifica", html);
        Assert.Contains("Storico delle modifiche", html);
        Assert.Contains(url, await browser.Html($"/piano/{tree.PlanId}"));
        Assert.Contains(url, await browser.Html($"/piano/azioni/{tree.ActionId}"));
        var sorted = await browser.Html(url + "?sort=-code");
        Assert.True(sorted.IndexOf("A1.1.2", StringComparison.Ordinal) < sorted.IndexOf("A1.1.1", StringComparison.Ordinal));
        Assert.Contains("alert alert-danger", await browser.Html(url + "?sort=nonsense"));

        await (await PlanBuilders.Transition(office, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        var public_ = await fx.App.Anonymous().Html(url);
        Assert.Contains("Obiettivo di prova", public_);
        Assert.DoesNotContain("/modifica", public_);
        Assert.DoesNotContain("Storico delle modifiche", public_);
        var api = await fx.App.Anonymous().GetAsync($"/api/v1/plan-objectives/{tree.ObjectiveId}");
        await api.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull(api.Headers.ETag);
    }

    [Fact]
    public async Task Deleting_an_indicator_and_withdrawing_a_value_ask_for_confirmation()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (tree, indicator) = await Extras.PlanWithIndicatorAsync(office, "adopted");
        var sector = await LoggedIn(Demo.Sector);
        var sectorApi = await fx.As(Demo.Sector);
        var waiting = await Extras.SubmitAsync(sectorApi, indicator, "2031", 5);
        Assert.Contains($"/piano/misurazioni/{waiting}/elimina", await sector.Html($"/piano/indicatori/{indicator}"));
        var withdrawUrl = $"/piano/misurazioni/{waiting}/elimina";
        Assert.Contains("Ritira il valore", await sector.Html(withdrawUrl));
        var unconfirmed = await sector.SubmitAsync(withdrawUrl, [("Version", "1")]);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Spunta la conferma", System.Net.WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await sector.SubmitAsync(withdrawUrl, [("Version", "1"), ("Confirm", "true")])).StatusCode);
        Assert.False(await fx.App.WithDb(db => db.Set<Measurement>().AnyAsync(m => m.Id == waiting)));

        var browser = await LoggedIn(Demo.PlanOffice);
        var deleteUrl = $"/piano/indicatori/{indicator}/elimina";
        Assert.Contains(deleteUrl, await browser.Html($"/piano/indicatori/{indicator}"));
        AssertDenied(await sector.GetAsync(deleteUrl));
        var noConfirm = await browser.SubmitAsync(deleteUrl, [("Version", "1")]);
        Assert.Equal(HttpStatusCode.OK, noConfirm.StatusCode);
        var stale = await browser.SubmitAsync(deleteUrl, [("Version", "5"), ("Confirm", "true")]);
        Assert.Contains("Nel frattempo un altro utente", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var done = await browser.SubmitAsync(deleteUrl, [("Version", "1"), ("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/piano/azioni/{tree.ActionId}", done.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/piano/indicatori/{indicator}")).StatusCode);
    }

    [Fact]
    public async Task An_approved_plans_indicator_with_validated_values_offers_no_delete_form()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (_, indicator) = await Extras.PlanWithIndicatorAsync(office, "approved");
        await Extras.ValidateAsync(await fx.As(Demo.Admin), /* four eyes: not the submitter */ await Extras.SubmitAsync(office, indicator, "2031", 50));
        var html = await (await LoggedIn(Demo.PlanOffice)).Html($"/piano/indicatori/{indicator}/elimina");
        Assert.Contains("Non si può eliminare", html);
        Assert.DoesNotContain("name=\"Confirm\"", html);
    }
}
