using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Reliability;

/// <summary>Records owned by the demo accounts' scopes (Rho, sector «ambiente») that fill the route
/// parameters of the matrix, built once through the real API.</summary>
public sealed class AuthorizationMatrixFixture : AppFixture
{
    public Dictionary<string, string> Ids { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var office = await As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031, adopt: true);
        Ids["plan"] = tree.PlanId.ToString();
        Ids["area"] = tree.AreaId.ToString();
        Ids["objective"] = tree.ObjectiveId.ToString();
        Ids["action"] = tree.ActionId.ToString();
        var indicator = (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = "I1", name = "Indicatore della matrice", unit = "numero", direction = "increase", frequency = "annual",
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Ids["indicator"] = indicator.ToString();
        var sector = await As(Demo.Sector);
        Ids["measurement"] = (await (await sector.PostAsync($"/api/v1/indicators/{indicator}/measurements", Http.JsonBody(new { period = "2031", value = 5 })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64().ToString();
        var campaign = await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Http.JsonBody(new
        {
            name = "Campagna della matrice", year = 2031, deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created);
        Ids["campaign"] = campaign.GetProperty("campaign").GetProperty("id").GetInt64().ToString();
        var detail = await office.GetJson($"/api/v1/monitoring-campaigns/{Ids["campaign"]}");
        Ids["task"] = detail.GetProperty("tasks")[0].GetProperty("id").GetInt64().ToString();

        // An agreement followed by the sector «ambiente» with Rho as a party, still a proposal (not public).
        var agreement = await AgreementBuilders.CreateAsync(office, "public", "ambiente");
        Ids["agreement"] = agreement.ToString();
        var party = await AgreementBuilders.AddPartyAsync(office, agreement, await AgreementBuilders.OrganisationOfComuneAsync(App, Demo.Rho));
        Ids["party"] = party.ToString();
        Ids["obligation"] = (await AgreementBuilders.AddObligationAsync(office, agreement, party, new DateOnly(2031, 6, 30))).ToString();
        var body = await (await office.PostAsync($"/api/v1/agreements/{agreement}/bodies", Http.JsonBody(new { name = "Cabina di regia", kind = "steering" }))).ShouldBe(HttpStatusCode.Created);
        Ids["body"] = body.GetProperty("id").GetInt64().ToString();
        var meeting = await office.PostAsync($"/api/v1/agreement-bodies/{Ids["body"]}/meetings", Http.JsonBody(new { date = "2031-03-01", title = "Prima riunione" }));
        Ids["meeting"] = meeting.IsSuccessStatusCode ? (await meeting.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64().ToString() : "1";
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 prova"u8.ToArray()) { Headers = { { "Content-Type", "application/pdf" } } }, "file", "testo.pdf" },
            { new StringContent("annex"), "kind" },
            { new StringContent("Allegato"), "title" },
        };
        Ids["document"] = (await (await office.PostAsync($"/api/v1/agreements/{agreement}/documents", upload)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64().ToString();

        var admin = await As(Demo.Admin);
        Ids["organisation"] = (await AgreementBuilders.OrganisationOfComuneAsync(App, Demo.Rho)).ToString();
        var association = await admin.PostAsync("/api/v1/associations", Http.JsonBody(new { name = "Unione della matrice", kind = "union", members = new[] { Demo.Rho, "015146" } }));
        Ids["association"] = association.IsSuccessStatusCode ? (await association.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetString() ?? "1" : "1";
        // A spare account and a spare token: the matrix may disable or revoke them without touching its callers.
        Ids["user"] = (await App.CreateUserAsync()).Id;
        var spare = await (await admin.PostAsync("/api/v1/access-tokens", Http.JsonBody(new { name = "spare", expiresInDays = 5 }))).ShouldBe(HttpStatusCode.Created);
        Ids["token"] = spare.GetProperty("id").GetInt64().ToString();
    }
}

/// <summary>Issue 7, part 1: every API endpoint and page × every caller → the expected answer, from a
/// table keyed by the endpoint list, so a new endpoint without an entry fails here.</summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFixture fx, ITestOutputHelper output) : IClassFixture<AuthorizationMatrixFixture>
{
    // Callers: N anonymous, A administrator, P plan office, S sector officer (ambiente), R municipality
    // officer of Rho, Z zone coordinator (Nord Ovest), F forum member.
    private static readonly (char Key, string? Email)[] Callers =
        [('N', null), ('A', Demo.Admin), ('P', Demo.PlanOffice), ('S', Demo.Sector), ('R', Demo.RhoOfficer), ('Z', Demo.ZoneCoordinator), ('F', Demo.Forum)];

    private const string All = "NAPSRZF", SignedIn = "APSRZF", Admin = "A", Office = "AP", OfficeSector = "APS", AdminRho = "AR";

    /// <summary>Who may call each endpoint on the fixture's records (own sector «ambiente», own Comune Rho).</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        // Platform
        ["GET /status"] = All, ["GET /openapi/{documentName}.json"] = All, ["GET /lingua"] = All,
        ["GET /api/v1/me"] = SignedIn,
        ["GET /api/v1/users/"] = Admin, ["GET /api/v1/users/{id}"] = Admin,
        ["GET /api/v1/audit-entries/"] = Admin, ["GET /api/v1/audit-entries/verification"] = Admin,
        ["GET /api/v1/access-tokens/"] = SignedIn, ["POST /api/v1/access-tokens/"] = SignedIn,
        ["DELETE /api/v1/access-tokens/{id:long}"] = Admin, // the spare token is the administrator's: others get 404
        ["GET /api/v1/notifications"] = SignedIn, ["POST /api/v1/notifications/{id:long}/read"] = SignedIn, ["POST /api/v1/notifications/read-all"] = SignedIn,
        // Territory
        ["GET /api/v1/municipalities/"] = All, ["GET /api/v1/municipalities/{istatCode}"] = All,
        ["PUT /api/v1/municipalities/{istatCode}/contacts"] = AdminRho,
        ["GET /api/v1/municipalities/{istatCode}/mayor/"] = All, ["PUT /api/v1/municipalities/{istatCode}/mayor/"] = AdminRho,
        ["GET /api/v1/municipalities/{istatCode}/zone-memberships/"] = All, ["POST /api/v1/municipalities/{istatCode}/zone-memberships/"] = Admin,
        ["POST /api/v1/municipalities/{istatCode}/zone-memberships/confirmation"] = Admin,
        ["GET /api/v1/municipalities/boundaries"] = All, ["GET /api/v1/municipalities/{istatCode}/boundary"] = All,
        ["GET /api/v1/zones/"] = All, ["GET /api/v1/zones/{code}"] = All, ["GET /api/v1/zones/{code}/coordinators"] = All,
        ["GET /api/v1/zones/{code}/rotation"] = All, ["PUT /api/v1/zones/{code}/rotation"] = Admin, ["POST /api/v1/zones/{code}/coordinator-overrides"] = Admin,
        ["GET /api/v1/associations/"] = All, ["GET /api/v1/associations/{id:long}"] = All,
        ["POST /api/v1/associations/"] = Admin, ["PUT /api/v1/associations/{id:long}"] = Admin,
        ["GET /api/v1/organizations/"] = All, ["GET /api/v1/organizations/{id:long}"] = All,
        ["POST /api/v1/organizations/"] = Admin, ["PUT /api/v1/organizations/{id:long}"] = Admin, ["POST /api/v1/organizations/import"] = Admin,
        ["GET /comuni/export.csv"] = All, ["GET /organizzazioni/export.csv"] = All, ["GET /organizzazioni/export.json"] = All,
        // Strategic plan
        ["GET /api/v1/dup-missions"] = All, ["GET /api/v1/plan-tags"] = All,
        ["GET /api/v1/plans/"] = All, ["POST /api/v1/plans/"] = Office, ["GET /api/v1/plans/{id:long}"] = All, ["PUT /api/v1/plans/{id:long}"] = Office,
        ["POST /api/v1/plans/{id:long}/transitions"] = Office, ["GET /api/v1/plans/{id:long}/areas"] = All, ["POST /api/v1/plans/{id:long}/areas"] = Office,
        ["POST /api/v1/plans/{id:long}/import"] = Office, ["GET /api/v1/plans/{id:long}/dashboard"] = All,
        ["GET /api/v1/plans/{id:long}/indicator-thresholds"] = All, ["PUT /api/v1/plans/{id:long}/indicator-thresholds"] = Office,
        ["GET /api/v1/plan-areas/{id:long}"] = All, ["PUT /api/v1/plan-areas/{id:long}"] = Office, ["DELETE /api/v1/plan-areas/{id:long}"] = Office,
        ["POST /api/v1/plan-objectives/"] = Office, ["GET /api/v1/plan-objectives/{id:long}"] = All,
        ["PUT /api/v1/plan-objectives/{id:long}"] = Office, ["DELETE /api/v1/plan-objectives/{id:long}"] = Office,
        ["GET /api/v1/plan-actions/"] = All, ["POST /api/v1/plan-actions/"] = Office, ["GET /api/v1/plan-actions/{id:long}"] = All,
        ["PUT /api/v1/plan-actions/{id:long}"] = OfficeSector, ["PUT /api/v1/plan-actions/{id:long}/progress"] = OfficeSector,
        ["DELETE /api/v1/plan-actions/{id:long}"] = Office, ["POST /api/v1/plan-actions/{id:long}/carry-over"] = Office,
        ["GET /api/v1/plan-actions/{id:long}/timeline"] = All, ["GET /piano/{id:long}/azioni/export.csv"] = All,
        ["GET /api/v1/indicators/"] = All, ["POST /api/v1/indicators/"] = Office, ["GET /api/v1/indicators/{id:long}"] = All,
        ["PUT /api/v1/indicators/{id:long}"] = Office, ["DELETE /api/v1/indicators/{id:long}"] = Office,
        ["GET /api/v1/indicators/{id:long}/measurements"] = All, ["POST /api/v1/indicators/{id:long}/measurements"] = OfficeSector,
        ["GET /api/v1/measurements/pending"] = Office, ["PUT /api/v1/measurements/{id:long}"] = OfficeSector,
        ["DELETE /api/v1/measurements/{id:long}"] = OfficeSector, // the plan office, or who submitted it (the sector officer)
        ["POST /api/v1/measurements/{id:long}/validation"] = Office, ["POST /api/v1/measurements/{id:long}/rejection"] = Office,
        ["GET /api/v1/measurements/{id:long}/evidence"] = OfficeSector, ["POST /api/v1/measurements/import"] = Office,
        ["GET /api/v1/plans/{id:long}/campaigns"] = All, ["POST /api/v1/plans/{id:long}/campaigns"] = Office,
        ["GET /api/v1/monitoring-campaigns/{id:long}"] = All, ["POST /api/v1/monitoring-campaigns/{id:long}/close"] = Office,
        ["GET /api/v1/monitoring-campaigns/{id:long}/report"] = All, ["GET /api/v1/monitoring-campaigns/{id:long}/report/csv"] = All,
        ["GET /api/v1/monitoring-campaigns/{id:long}/report/xlsx"] = All, ["GET /api/v1/monitoring-campaigns/{id:long}/report/pdf"] = All,
        ["GET /api/v1/campaign-tasks/mine"] = SignedIn, ["GET /api/v1/campaign-tasks/{id:long}"] = OfficeSector,
        ["PUT /api/v1/campaign-tasks/{id:long}/report"] = OfficeSector, ["POST /api/v1/campaign-tasks/{id:long}/review"] = Office,
        // Agreements (the fixture's agreement is a proposal: not public; Rho is a party)
        ["GET /api/v1/agreements/"] = All, ["GET /api/v1/agreements/dashboard"] = All, ["GET /intese/export.csv"] = All, ["GET /intese/export.json"] = All,
        ["POST /api/v1/agreements/"] = OfficeSector, ["GET /api/v1/agreements/{id:long}"] = "APSR",
        ["PUT /api/v1/agreements/{id:long}"] = OfficeSector, ["POST /api/v1/agreements/{id:long}/transitions"] = OfficeSector,
        ["POST /api/v1/agreements/{id:long}/renewal"] = OfficeSector, ["POST /api/v1/agreements/import"] = Office,
        ["POST /api/v1/agreements/{id:long}/parties"] = OfficeSector, ["DELETE /api/v1/agreements/{id:long}/parties/{party:long}"] = OfficeSector,
        ["POST /api/v1/agreements/{id:long}/obligations"] = OfficeSector, ["POST /api/v1/agreements/{id:long}/amendments"] = OfficeSector,
        ["POST /api/v1/agreements/{id:long}/documents"] = OfficeSector, ["POST /api/v1/agreements/{id:long}/bodies"] = OfficeSector,
        ["GET /api/v1/agreement-obligations/{id:long}"] = "APSR", ["PUT /api/v1/agreement-obligations/{id:long}"] = OfficeSector,
        ["PUT /api/v1/agreement-obligations/{id:long}/status"] = "APSR",
        ["POST /api/v1/agreement-bodies/{id:long}/meetings"] = OfficeSector, ["PUT /api/v1/agreement-meetings/{id:long}"] = OfficeSector,
        ["GET /api/v1/agreement-documents/{id:long}/file"] = "APSR",
        ["GET /api/v1/agreement-themes/"] = All, ["POST /api/v1/agreement-themes/"] = Admin, ["PUT /api/v1/agreement-themes/{code}"] = Admin,

        // Pages (GET): who may open them on the fixture's records.
        ["PAGE /"] = All, ["PAGE /accesso-negato"] = All, ["PAGE /privacy"] = All, ["PAGE /errore/{code:int}"] = All,
        ["PAGE /dichiarazione-accessibilita"] = All, ["PAGE /note-legali"] = All, ["PAGE /segnalazioni"] = All,
        ["PAGE /accedi"] = All, ["PAGE /accedi/codice"] = All, ["PAGE /esci"] = All,
        ["PAGE /account"] = SignedIn, ["PAGE /account/password"] = SignedIn, ["PAGE /account/token"] = SignedIn, ["PAGE /account/due-fattori"] = SignedIn,
        ["PAGE /notifiche"] = SignedIn,
        ["PAGE /admin/utenti"] = Admin, ["PAGE /admin/utenti/nuovo"] = Admin, ["PAGE /admin/utenti/{id}"] = Admin,
        ["PAGE /admin/segnalazioni"] = Admin, ["PAGE /admin/posta"] = Admin, ["PAGE /admin/registro"] = Admin,
        ["PAGE /comuni"] = All, ["PAGE /comuni/{istatCode}"] = All, ["PAGE /comuni/{istatCode}/contatti"] = AdminRho,
        ["PAGE /comuni/{istatCode}/sindaco"] = AdminRho, ["PAGE /comuni/{istatCode}/zona"] = Admin,
        ["PAGE /zone"] = All, ["PAGE /zone/{code}"] = All, ["PAGE /zone/{code}/rotazione"] = Admin, ["PAGE /territorio/mappa"] = All,
        ["PAGE /associazioni"] = All, ["PAGE /associazioni/{id:long}"] = All, ["PAGE /associazioni/nuova"] = Admin, ["PAGE /associazioni/{id:long}/modifica"] = Admin,
        ["PAGE /organizzazioni"] = All, ["PAGE /organizzazioni/{id:long}"] = All, ["PAGE /organizzazioni/nuova"] = Admin,
        ["PAGE /organizzazioni/{id:long}/modifica"] = Admin, ["PAGE /organizzazioni/importa"] = Admin,
        ["PAGE /piano"] = All, ["PAGE /piano/{id:long}"] = All, ["PAGE /piano/nuovo"] = Office, ["PAGE /piano/{id:long}/modifica"] = Office,
        ["PAGE /piano/{id:long}/stato"] = Office, ["PAGE /piano/{id:long}/importa"] = Office, ["PAGE /piano/{id:long}/cruscotto"] = All,
        ["PAGE /piano/{id:long}/soglie"] = Office, ["PAGE /piano/{planId:long}/aree/nuova"] = Office, ["PAGE /piano/aree/{id:long}/modifica"] = Office,
        ["PAGE /piano/aree/{areaId:long}/obiettivi/nuovo"] = Office, ["PAGE /piano/obiettivi/{id:long}"] = All, ["PAGE /piano/obiettivi/{id:long}/modifica"] = Office,
        ["PAGE /piano/{id:long}/azioni"] = All, ["PAGE /piano/azioni/{id:long}"] = All, ["PAGE /piano/obiettivi/{objectiveId:long}/azioni/nuova"] = Office,
        ["PAGE /piano/azioni/{id:long}/modifica"] = Office, ["PAGE /piano/azioni/{id:long}/avanzamento"] = OfficeSector,
        ["PAGE /piano/indicatori/nuovo"] = Office, ["PAGE /piano/indicatori/{id:long}"] = All, ["PAGE /piano/indicatori/{id:long}/modifica"] = Office,
        ["PAGE /piano/indicatori/{id:long}/elimina"] = Office, ["PAGE /piano/indicatori/{id:long}/misurazioni/nuova"] = OfficeSector,
        ["PAGE /piano/misurazioni/importa"] = Office, ["PAGE /piano/misurazioni/da-validare"] = Office,
        ["PAGE /piano/misurazioni/{measurement:long}/correggi"] = OfficeSector, ["PAGE /piano/misurazioni/{measurement:long}/elimina"] = OfficeSector,
        ["PAGE /piano/{id:long}/campagne"] = All, ["PAGE /piano/{id:long}/campagne/nuova"] = Office, ["PAGE /piano/campagne/{id:long}"] = All,
        ["PAGE /piano/attivita"] = SignedIn, ["PAGE /piano/campagne/attivita/{id:long}"] = OfficeSector,
        ["PAGE /piano/campagne/{id:long}/rapporto"] = All, ["PAGE /piano/campagne/{id:long}/rapporto/stampa"] = All,
        ["PAGE /intese"] = All, ["PAGE /intese/cruscotto"] = All, ["PAGE /intese/nuova"] = OfficeSector, ["PAGE /intese/importa"] = Office,
        ["PAGE /intese/temi"] = Admin, ["PAGE /intese/{id:long}"] = "APSR", ["PAGE /intese/{id:long}/modifica"] = OfficeSector,
        ["PAGE /intese/{id:long}/stato"] = OfficeSector, ["PAGE /intese/obblighi/{id:long}"] = "APSR",
    };

    // Statuses some routes answer on the fixture's records for reasons other than authorization (for
    // example the report of a campaign that is still open); an allowed caller getting them is fine.
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private sealed record Target(string Key, string Method, string Path);

    private List<Target> EndpointList()
    {
        var endpoints = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var list = new List<Target>();
        foreach (var e in endpoints)
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/api/docs", StringComparison.Ordinal)) continue; // Swagger UI's static assets
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                if (raw == "/Index" || raw.EndsWith("/Index", StringComparison.Ordinal)) continue; // the same page under its file name
                list.Add(new Target("PAGE " + raw, "GET", raw));
                continue;
            }
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add(new Target($"{method} {raw}", method, raw));
            }
        }
        return list.DistinctBy(t => t.Key).ToList();
    }

    private string Fill(string path)
    {
        string Id(string kind) => fx.Ids[kind];
        return Parameter().Replace(path, m =>
        {
            var name = m.Groups[1].Value;
            var before = path[..m.Index].TrimEnd('/');
            var segment = before[(before.LastIndexOf('/') + 1)..];
            return name switch
            {
                "istatCode" => Demo.Rho,
                "documentName" => "v1",
                "code" when segment is "errore" => "404",
                "code" when segment is "agreement-themes" => "qualita-aria",
                "code" => "nord-ovest",
                "measurement" => Id("measurement"),
                "areaId" => Id("area"),
                "objectiveId" => Id("objective"),
                "planId" => Id("plan"),
                "party" => Id("party"),
                _ => segment switch
                {
                    "plans" or "piano" => Id("plan"),
                    "plan-areas" or "aree" => Id("area"),
                    "plan-objectives" or "obiettivi" => Id("objective"),
                    "plan-actions" or "azioni" => Id("action"),
                    "indicators" or "indicatori" => Id("indicator"),
                    "measurements" or "misurazioni" => Id("measurement"),
                    "monitoring-campaigns" or "campagne" => Id("campaign"),
                    "campaign-tasks" or "attivita" => Id("task"),
                    "agreements" or "intese" => Id("agreement"),
                    "agreement-obligations" or "obblighi" => Id("obligation"),
                    "agreement-documents" => Id("document"),
                    "agreement-bodies" => Id("body"),
                    "agreement-meetings" => Id("meeting"),
                    "associations" or "associazioni" => Id("association"),
                    "organizations" or "organizzazioni" => Id("organisation"),
                    "users" or "utenti" => Id("user"),
                    "access-tokens" => Id("token"),
                    "notifications" => "1",
                    _ => throw new InvalidOperationException($"No fixture record for {{{name}}} in {path}: add it to Fill()."),
                },
            };
        });
    }

    [Fact]
    public void Every_endpoint_and_page_has_a_rule_and_every_rule_an_endpoint()
    {
        var keys = EndpointList().Select(t => t.Key).ToHashSet();
        var missing = keys.Where(k => !Rules.ContainsKey(k)).Order().ToList();
        var stale = Rules.Keys.Where(k => !keys.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints without a rule:\n  {string.Join("\n  ", missing)}\nRules without an endpoint:\n  {string.Join("\n  ", stale)}");
    }

    [Fact]
    public async Task Every_endpoint_and_page_answers_each_caller_as_its_rule_says()
    {
        var targets = EndpointList().Where(t => Rules.ContainsKey(t.Key))
            // Signing out would end the cookie sessions of the callers that follow: it goes last.
            .OrderBy(t => t.Key == "PAGE /esci").ThenBy(t => t.Method == "DELETE").ThenBy(t => t.Key).ToList();
        var clients = new Dictionary<char, (HttpClient Api, HttpClient Page)>();
        foreach (var (key, email) in Callers)
        {
            clients[key] = email is null
                ? (fx.App.Anonymous(), fx.App.Anonymous())
                : (await fx.As(email), await fx.App.SignedIn(email));
        }

        var failures = new List<string>();
        var inconclusive = new List<string>();
        int requests = 0, allowedCount = 0, deniedCount = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var path = Fill(target.Path);
            var rule = Rules[target.Key];
            var isPage = target.Key.StartsWith("PAGE ", StringComparison.Ordinal);
            foreach (var (key, _) in Callers)
            {
                var client = isPage ? clients[key].Page : clients[key].Api;
                var request = new HttpRequestMessage(new HttpMethod(target.Method), path);
                if (target.Method is "POST" or "PUT" or "PATCH" or "DELETE")
                {
                    // A version that never matches: an update that passes authorization stops at the
                    // version check (409), so the matrix changes nothing in the database.
                    request.Headers.TryAddWithoutValidation("If-Match", "\"999999\"");
                    if (target.Method != "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request);
                requests++;
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var denial = status is 401 or 403 or 404
                    || (status is 302 && (location.Contains("/accedi", StringComparison.Ordinal) || location.Contains("/accesso-negato", StringComparison.Ordinal)));
                var line = $"{key} {target.Method} {path} → {status} {location}";
                if (status >= 500)
                {
                    failures.Add("server error: " + line);
                }
                else if (rule.Contains(key))
                {
                    allowedCount++;
                    if (denial && !(status == 404 && target.Method == "DELETE" && key == 'A' && target.Key.Contains("access-tokens")))
                        failures.Add($"allowed caller denied: {line}");
                }
                else
                {
                    deniedCount++;
                    if (denial) continue;
                    if (status is 400 or 413 or 415 or 422 or 428) inconclusive.Add(line);
                    else failures.Add($"UNEXPECTED SUCCESS: {line}");
                }
            }
        }
        output.WriteLine($"{targets.Count} endpoints and pages × {Callers.Length} callers = {requests} requests in {watch.Elapsed.TotalSeconds:F1} s: " +
            $"{allowedCount} allowed, {deniedCount} denied, {failures.Count(f => f.StartsWith("UNEXPECTED", StringComparison.Ordinal))} unexpected successes, " +
            $"{inconclusive.Count} denials answered by validation before authorization");
        foreach (var i in inconclusive) output.WriteLine("  validation first: " + i);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
