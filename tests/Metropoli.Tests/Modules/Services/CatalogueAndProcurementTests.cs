using System.Net;
using Metropoli.Tests.Infrastructure;
using static Metropoli.Tests.Modules.Services.ServiceBuilders;

namespace Metropoli.Tests.Modules.Services;

/// <summary>Issue 21: the public catalogue in both languages (demo content marked as such, Sintel and inPA not replaced);
/// the procedures of the Stazione Unica Appaltante with phases in order, CIG/CUP and tax-code checks, public lists,
/// CSV/JSON and the sections on the Comune and zone pages.</summary>
public sealed class CatalogueAndProcurementTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_catalogue_is_public_in_italian_and_english_and_says_what_metropoli_does_not_replace()
    {
        var anonymous = fx.App.Anonymous();
        var list = await anonymous.GetJson("/api/v1/services");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("slug").GetString() == "sua-cuc" && s.GetProperty("isDemo").GetBoolean());
        var html = await anonymous.Html("/casa-dei-comuni");
        Assert.Contains("Stazione Unica Appaltante (SUA/CUC)", html, StringComparison.Ordinal);
        Assert.Contains("dimostrativo", html, StringComparison.Ordinal);
        var page = await anonymous.Html("/casa-dei-comuni/servizi/sua-cuc");
        Assert.Contains("Sintel", page, StringComparison.Ordinal);
        Assert.Contains("inPA", page, StringComparison.Ordinal);
        Assert.Contains("88 Comuni", page, StringComparison.Ordinal);
        await (await anonymous.GetAsync("/api/v1/services/non-esiste")).ShouldBeProblem(404);

        var english = fx.App.Anonymous();
        await english.GetAsync("/lingua?cultura=en&ritorno=%2F");
        Assert.Contains("does not replace", await english.Html("/casa-dei-comuni/servizi/sua-cuc"), StringComparison.Ordinal);
        Assert.Contains("working days", await english.Html("/casa-dei-comuni"), StringComparison.Ordinal);

        // The demo request of Milano: the administrator reaches it from the list of requests (the browser crawl does).
        var adminPages = await fx.App.SignedIn(Demo.Admin);
        var requests = await adminPages.Html("/casa-dei-comuni/richieste");
        var demo = System.Text.RegularExpressions.Regex.Match(requests, "href=\"(/casa-dei-comuni/richieste/\\d+)\">Parere sul regolamento dei dehors");
        Assert.True(demo.Success, "the demo request is not listed");
        Assert.Contains("sospeso in attesa del Comune", await adminPages.Html(demo.Groups[1].Value), StringComparison.Ordinal);

        // Only administrators change the catalogue.
        await (await (await fx.As(Demo.Sector)).PostAsync("/api/v1/services", Http.JsonBody(new { slug = "non-mio" }))).ShouldBeProblem(403);
        var invalid = await (await (await fx.As(Demo.Admin)).PostAsync("/api/v1/services", Http.JsonBody(new { slug = "Non Valido", officeSector = "nessuno" }))).ShouldBeProblem(422);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("officeSector", out _));
    }

    [Fact]
    public async Task A_procedure_keeps_its_phases_in_order_and_its_award_data_are_public()
    {
        var slug = await ServiceAsync(await fx.As(Demo.Admin), null, kind: "procurement");
        var sector = await fx.As(Demo.Sector);
        var obj = $"Lavori di prova {Guid.NewGuid():N}";
        object Body(string? publishedOn = "2026-10-01", string cig = "B1234567AB", string? awardedOn = "2026-11-20") => new
        {
            service = slug, @object = obj, municipalities = new[] { Demo.Rho }, cup = "E81B21010100006", cigs = new[] { cig }, amount = 100000,
            procedureType = "procedura-negoziata-senza-bando", awardCriterion = "minor-prezzo", requestedOn = "2026-09-01", decisionOn = "2026-09-10",
            publishedOn, bidsReceivedOn = "2026-11-01", awardedOn, bidsCount = 4, awardValue = awardedOn is null ? (decimal?)null : 88000m,
            winnerTaxCode = "12345678903", winnerName = "Impresa di prova", platformUrl = "https://www.sintel.regione.lombardia.it/",
        };
        var outOfOrder = await (await sector.PostAsync("/api/v1/procurements", Http.JsonBody(Body(publishedOn: "2026-09-05")))).ShouldBeProblem(422);
        Assert.True(outOfOrder.GetProperty("errors").TryGetProperty("publishedOn", out _));
        var badCig = await (await sector.PostAsync("/api/v1/procurements", Http.JsonBody(Body(cig: "1234567ABC")))).ShouldBeProblem(422);
        Assert.True(badCig.GetProperty("errors").TryGetProperty("cigs", out _));
        await (await (await fx.As(Demo.RhoOfficer)).PostAsync("/api/v1/procurements", Http.JsonBody(Body()))).ShouldBeProblem(403);

        var created = await (await sector.PostAsync("/api/v1/procurements", Http.JsonBody(Body()))).ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("awarded", created.GetProperty("phase").GetString());
        Assert.Equal(12m, created.GetProperty("rebatePercent").GetDecimal());

        // The contract signed before the award: 422 on its field, under If-Match.
        var url = $"/api/v1/procurements/{id}";
        var etag = (await sector.GetAsync(url)).Headers.ETag!.ToString();
        var signedEarly = new Dictionary<string, object?>(System.Text.Json.JsonSerializer.SerializeToElement(Body(), Http.Json).EnumerateObject()
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.Value))) { ["contractSignedOn"] = "2026-11-10" };
        Assert.True((await (await sector.PutJson(url, signedEarly, etag)).ShouldBeProblem(422)).GetProperty("errors").TryGetProperty("contractSignedOn", out _));
        await (await sector.PutJson(url, Body(), null)).ShouldBeProblem(428);
        signedEarly["contractSignedOn"] = "2026-11-25";
        await (await sector.PutJson(url, signedEarly, etag)).ShouldBe(HttpStatusCode.NoContent);
        await (await sector.PutJson(url, signedEarly, etag)).ShouldBeProblem(409);

        var anonymous = fx.App.Anonymous();
        var list = await anonymous.GetJson($"/api/v1/procurements?municipality={Demo.Rho}&limit=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id && p.GetProperty("phase").GetString() == "contract-signed");
        Assert.Contains(obj, await anonymous.Html("/casa-dei-comuni/procedure/export.csv"), StringComparison.Ordinal);
        Assert.Contains(obj, await anonymous.Html("/casa-dei-comuni/procedure/export.json"), StringComparison.Ordinal);
        Assert.Contains(obj, await anonymous.Html($"/comuni/{Demo.Rho}"), StringComparison.Ordinal);
        Assert.Contains(obj, await anonymous.Html("/zone/nord-ovest"), StringComparison.Ordinal);
        var procedures = await anonymous.Html("/casa-dei-comuni/procedure");
        Assert.Contains(obj, procedures, StringComparison.Ordinal);
        // A procedure with a CUP links to the funded project (issue 21; a link, no module reference).
        Assert.Contains("href=\"/finanziamenti/progetti/E81B21010100006\"", procedures, StringComparison.Ordinal);
        // The dashboard counts it for Rho and for Rho's zone.
        var dashboard = await anonymous.Html("/casa-dei-comuni/procedure/cruscotto");
        Assert.Contains($"href=\"/comuni/{Demo.Rho}\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/zone/nord-ovest\"", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_weights_the_rebate_by_the_awarded_amounts_and_averages_each_phase_over_those_that_ended_it()
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var row = Metropoli.Services.Procurements.ProcurementDashboard.Row("x", "X",
        [
            new(1, 100_000m, 88_000m, D("2026-09-01"), D("2026-09-10"), D("2026-10-01"), D("2026-11-01"), D("2026-11-20"), null),
            new(2, 50_000m, 47_000m, D("2026-09-01"), D("2026-09-21"), null, null, null, null),
            new(3, 10_000m, null, D("2026-09-01"), null, null, null, null, null),
        ]);
        Assert.Equal((3, 2, 160_000m, 135_000m), (row.Procedures, row.Awarded, row.Amount, row.AwardValue));
        Assert.Equal(10m, row.RebatePercent); // (150,000 - 135,000) / 150,000: the procedure not awarded does not count
        Assert.Equal(14.5, row.Days.Decision);
        Assert.Equal(21, row.Days.Publication);
        Assert.Null(row.Days.Contract);
    }

    [Fact]
    public async Task The_office_turns_a_request_into_a_procedure_and_edits_it_and_the_administrator_edits_a_service_through_the_pages()
    {
        var admin = await fx.As(Demo.Admin);
        var (agreement, _, _) = await Agreements.AgreementBuilders.InForceAsync(fx.App, await fx.As(Demo.PlanOffice), Demo.Rho);
        var slug = await ServiceAsync(admin, agreement, "ambiente", "procurement");
        var subject = $"Gara per la mensa {Guid.NewGuid():N}"[..30];
        var request = await RequestAsync(await fx.As(Demo.RhoOfficer), slug, subject);

        // The administrator edits the service from its page.
        var adminPages = await fx.App.SignedIn(Demo.Admin);
        var form = await adminPages.Html($"/casa-dei-comuni/servizi/{slug}/modifica");
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\"[^>]*value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Version\"");
        var edited = await adminPages.SubmitAsync($"/casa-dei-comuni/servizi/{slug}/modifica", [("Version", version.Groups[1].Success ? version.Groups[1].Value : version.Groups[2].Value),
            ("Input.Name", "Gare per i Comuni"), ("Input.Kind", "procurement"), ("Input.Summary", "In breve, dalla pagina."), ("Input.Description", "Descrizione."),
            ("Input.Eligibility", "I Comuni aderenti."), ("Input.HowToJoin", HowToJoin), ("Input.Fees", "Gratuito."), ("Input.OfficeSector", "ambiente"),
            ("Input.OfficeName", "Ufficio gare"), ("Input.FirstAnswerDays", "3"), ("Input.ResolutionDays", "20"), ("Input.Documents", "Determina\nCapitolato"), ("Input.Active", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var service = await admin.GetJson($"/api/v1/services/{slug}");
        Assert.Equal("In breve, dalla pagina.", service.GetProperty("summary").GetString());
        Assert.Equal(2, service.GetProperty("documents").GetArrayLength());

        // The office opens the request and turns it into a procedure.
        var sectorPages = await fx.App.SignedIn(Demo.Sector);
        Assert.Contains($"/casa-dei-comuni/procedure/nuova?richiesta={request}", await sectorPages.Html($"/casa-dei-comuni/richieste/{request}"), StringComparison.Ordinal);
        Assert.Contains(subject, await sectorPages.Html($"/casa-dei-comuni/procedure/nuova?richiesta={request}"), StringComparison.Ordinal);
        var fields = new List<(string, string)>
        {
            ("richiesta", request.ToString()), ("Input.Object", subject), ("Input.Municipalities", Demo.Rho), ("Input.Cigs", "B1234567AB"), ("Input.Amount", "120000"),
            ("Input.ProcedureType", "procedura-aperta"), ("Input.AwardCriterion", "minor-prezzo"), ("Input.RequestedOn", DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd")),
        };
        var created = await sectorPages.SubmitAsync($"/casa-dei-comuni/procedure/nuova?richiesta={request}", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var procedure = (await fx.App.Anonymous().GetJson($"/api/v1/procurements?municipality={Demo.Rho}&limit=200")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("requestId").ValueKind == System.Text.Json.JsonValueKind.Number && p.GetProperty("requestId").GetInt64() == request);
        var id = procedure.GetProperty("id").GetInt64();

        // Phases out of order: the form again with the field's message, nothing saved; in order: saved.
        var editUrl = $"/casa-dei-comuni/procedure/{id}/modifica";
        Assert.NotEqual(HttpStatusCode.OK, (await (await fx.App.SignedIn(Demo.RhoOfficer)).GetAsync(editUrl)).StatusCode);
        fields.RemoveAt(0);
        var wrong = await sectorPages.SubmitAsync(editUrl, [.. fields, ("Version", procedure.GetProperty("version").ToString()), ("Input.DecisionOn", DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Null((await fx.App.Anonymous().GetJson($"/api/v1/procurements/{id}")).GetProperty("decisionOn").GetString());
        var right = await sectorPages.SubmitAsync(editUrl, [.. fields, ("Version", procedure.GetProperty("version").ToString()), ("Input.DecisionOn", DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"))]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("decision", (await fx.App.Anonymous().GetJson($"/api/v1/procurements/{id}")).GetProperty("phase").GetString());
    }
}
