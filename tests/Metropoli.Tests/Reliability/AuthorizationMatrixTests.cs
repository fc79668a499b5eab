using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Platform.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Metropoli.Tests.Reliability;

/// <summary>Two sets of records for the route parameters of the matrix, built once through the real API.
/// «Own» records sit inside the demo accounts' scopes: sector «ambiente», Comune Rho, zone Nord Ovest, an
/// adopted plan. «Other» records sit outside them: sector «mobilita», Comune Milano, zone Milano, a plan
/// still in draft. The non-public ones carry a marker in their names, so that a body that leaks them shows.</summary>
public sealed class AuthorizationMatrixFixture : AppFixture
{
    public const string DraftMarker = "MATRICE-BOZZA-RISERVATA", RhoMarker = "MATRICE-RHO-RISERVATA", MilanoMarker = "MATRICE-MILANO-RISERVATA",
        InboxP = "MATRICE-NOTIFICA-PIANO", InboxR = "MATRICE-NOTIFICA-RHO";

    /// <summary>Marker → the callers who may read it (see the caller keys of the matrix).</summary>
    public static readonly (string Marker, string Readers)[] Markers =
        [(DraftMarker, "AP"), (RhoMarker, "APSR"), (MilanoMarker, "APS"), (InboxP, "P"), (InboxR, "R")];

    public Dictionary<string, string> Own { get; } = new();
    public Dictionary<string, string> Other { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var office = await As(Demo.PlanOffice);
        var sector = await As(Demo.Sector);
        var admin = await As(Demo.Admin);

        // An adopted plan with one action of «ambiente» and one of «mobilita», an indicator and a
        // measurement on each, and a campaign with one task per action.
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        var otherAction = await PlanBuilders.CreateActionAsync(office, tree.ObjectiveId, "A1.1.2", "mobilita");
        await (await PlanBuilders.Transition(office, tree.PlanId, "adopted")).ShouldBe(HttpStatusCode.NoContent);
        Set("plan", tree.PlanId, null);
        // Funding (issue 20): a call written by the funding office (the plan office, ADR 0041).
        Set("fundingCall", (await (await office.PostAsync("/api/v1/funding-calls", Http.JsonBody(new
        {
            title = "Bando della matrice", issuer = "Città metropolitana di Milano", programme = "own", rules = new[] { new { kind = "recipients", parameter = "Comuni" } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64(), null);
        // Applications: a draft of Rho (its officer's) and one of Milano (the office's), seen only by their Comune and the office.
        var rhoOfficer = await As(Demo.RhoOfficer);
        Set("fundingApplication", (await (await rhoOfficer.PostAsync("/api/v1/funding-applications", Http.JsonBody(new
        {
            callId = long.Parse(Own["fundingCall"]), leadIstat = Demo.Rho, title = RhoMarker + " domanda", requestedAmount = 1000m,
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64(), (await (await office.PostAsync("/api/v1/funding-applications", Http.JsonBody(new
        {
            callId = long.Parse(Own["fundingCall"]), leadIstat = Demo.Milano, title = DraftMarker + " domanda di Milano", requestedAmount = 1000m,
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64());
        // A document on each draft; an expenditure and a milestone of a demo project (no implementing Comune: the office reports).
        async Task<long> ApplicationDocumentAsync(HttpClient client, string application) =>
            (await (await client.PostAsync($"/api/v1/funding-applications/{application}/documents", new MultipartFormDataContent { { Pdf(), "file", "domanda.pdf" } }))
                .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Set("fundingDocument", await ApplicationDocumentAsync(rhoOfficer, Own["fundingApplication"]), await ApplicationDocumentAsync(office, Other["fundingApplication"]));
        Set("fundingExpenditure", (await (await office.PostAsync("/api/v1/projects/E81B21010100006/expenditures", new MultipartFormDataContent
        {
            { new StringContent("1"), "amount" }, { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "paidOn" },
            { new StringContent("Spesa della matrice"), "description" }, { Pdf(), "file", "fattura.pdf" },
        })).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64(), null);
        Set("fundingMilestone", (await (await office.PostAsync("/api/v1/projects/E81B21010100006/milestones", Http.JsonBody(new
        {
            kind = "milestone", title = "Milestone della matrice", dueOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64(), null);
        Set("area", tree.AreaId, null);
        Set("objective", tree.ObjectiveId, null);
        Set("action", tree.ActionId, otherAction);
        var indicator = await IndicatorAsync(office, tree.ActionId, "I1");
        var otherIndicator = await IndicatorAsync(office, otherAction, "I2");
        Set("indicator", indicator, otherIndicator);
        Set("measurement", await MeasurementAsync(sector, indicator), await MeasurementAsync(office, otherIndicator));
        var campaign = (await (await office.PostAsync($"/api/v1/plans/{tree.PlanId}/campaigns", Http.JsonBody(new
        {
            name = "Campagna della matrice", year = 2031, deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("campaign").GetProperty("id").GetInt64();
        Own["campaign"] = campaign.ToString();
        var tasks = (await office.GetJson($"/api/v1/monitoring-campaigns/{campaign}")).GetProperty("tasks").EnumerateArray().ToList();
        Set("task", TaskOf(tasks, tree.ActionId), TaskOf(tasks, otherAction));

        // A plan still in draft: only the plan office and administrators may see it and its tree.
        var draft = (await (await office.PostAsync("/api/v1/plans", Http.JsonBody(new { name = DraftMarker + " piano", startYear = 2034, endYear = 2036 })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var draftArea = (await (await office.PostAsync($"/api/v1/plans/{draft}/areas", Http.JsonBody(new { code = "B1", title = DraftMarker + " area", kind = "area" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var draftObjective = (await (await office.PostAsync("/api/v1/plan-objectives", Http.JsonBody(new { areaId = draftArea, code = "B1.1", title = DraftMarker + " obiettivo" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Other["plan"] = draft.ToString();
        Other["area"] = draftArea.ToString();
        Other["objective"] = draftObjective.ToString();

        // Two proposals (not public): one of «ambiente» with Rho as a party, one of «mobilita» with Milano.
        await AgreementAsync(office, "ambiente", Demo.Rho, RhoMarker, Own);
        await AgreementAsync(office, "mobilita", Demo.Milano, MilanoMarker, Other);

        // Shared services (issue 21): a service run by «ambiente» that Rho has joined, one run by «mobilita» that Milano has
        // joined, a request of each Comune (a municipality officer of Milano sends the other) and a procedure of each office.
        var milanoOfficer = await App.CreateUserAsync(Metropoli.Platform.Auth.Roles.MunicipalityOfficer, municipality: Demo.Milano);
        var ownService = await Modules.Services.ServiceBuilders.ServiceAsync(admin, (await AgreementBuilders.InForceAsync(App, office, Demo.Rho)).Id, "ambiente", "procurement");
        var otherService = await Modules.Services.ServiceBuilders.ServiceAsync(admin, (await AgreementBuilders.InForceAsync(App, office, Demo.Milano)).Id, "mobilita", "procurement");
        Own["slug"] = ownService;
        Set("servicerequest", await Modules.Services.ServiceBuilders.RequestAsync(await As(Demo.RhoOfficer), ownService, RhoMarker + " richiesta"),
            await Modules.Services.ServiceBuilders.RequestAsync(await As(milanoOfficer.Email!), otherService, MilanoMarker + " richiesta"));
        async Task<long> AttachAsync(string email, string request) =>
            (await (await (await As(email)).PostAsync($"/api/v1/service-requests/{request}/attachments", new MultipartFormDataContent { { Pdf(), "file", "quesito.pdf" } }))
                .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Set("attachment", await AttachAsync(Demo.RhoOfficer, Own["servicerequest"]), await AttachAsync(milanoOfficer.Email!, Other["servicerequest"]));
        var mobilityOfficer = await App.CreateUserAsync(Metropoli.Platform.Auth.Roles.SectorOfficer, sector: "mobilita");
        Set("procurement", await ProcurementAsync(await As(Demo.Sector), ownService, Demo.Rho), await ProcurementAsync(await As(mobilityOfficer.Email!), otherService, Demo.Milano));
        // Joint recruitment: a recruitment office of «ambiente» that Rho joined, one of «mobilita» that Milano joined; a need of each
        // Comune (marked), a competition serving it and its approved list.
        var ownRecruitment = await Modules.Services.JointRecruitmentTests.RecruitmentServiceAsync(App, admin, office, "ambiente", Demo.Rho);
        var otherRecruitment = await Modules.Services.JointRecruitmentTests.RecruitmentServiceAsync(App, admin, office, "mobilita", Demo.Milano);
        var ownNeed = await Modules.Services.JointRecruitmentTests.NeedAsync(await As(Demo.RhoOfficer), ownRecruitment, "Istruttore della matrice", 1, RhoMarker + " fabbisogno");
        var otherNeed = await Modules.Services.JointRecruitmentTests.NeedAsync(await As(milanoOfficer.Email!), otherRecruitment, "Istruttore della matrice", 1, MilanoMarker + " fabbisogno");
        var ownCompetition = await Modules.Services.JointRecruitmentTests.CompetitionWithListAsync(await As(Demo.Sector), ownRecruitment, ownNeed, 20);
        var otherCompetition = await Modules.Services.JointRecruitmentTests.CompetitionWithListAsync(await As(mobilityOfficer.Email!), otherRecruitment, otherNeed, 20);
        Set("competition", ownCompetition.Competition, otherCompetition.Competition);
        Set("rankinglist", ownCompetition.List, otherCompetition.List);

        Own["istatCode"] = Demo.Rho;
        Other["istatCode"] = Demo.Milano;
        Own["zone"] = "nord-ovest";
        Other["zone"] = "alto-milanese";
        foreach (var istat in new[] { Demo.Rho, Demo.Milano })
        {
            await (await admin.PutJson($"/api/v1/municipalities/{istat}/mayor", new { name = "Sindaco della matrice", termStart = "2024-06-10" }, "\"0\""))
                .ShouldBe(HttpStatusCode.NoContent);
        }
        Set("organisation", await AgreementBuilders.OrganisationOfComuneAsync(App, Demo.Rho), await AgreementBuilders.OrganisationOfComuneAsync(App, Demo.Milano));
        Own["association"] = (await (await admin.PostAsync("/api/v1/associations", Http.JsonBody(new
        {
            name = "Unione della matrice", kind = "unione", members = new[] { new { istatCode = Demo.Rho }, new { istatCode = "015181" } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").ToString();

        // A spare account and spare tokens: the matrix may disable or revoke them without touching its callers.
        Own["user"] = (await App.CreateUserAsync()).Id;
        Set("token", await SpareTokenAsync(Demo.Admin), await SpareTokenAsync(Demo.PlanOffice));
        Set("notification", await NotificationAsync(Demo.PlanOffice, InboxP), await NotificationAsync(Demo.RhoOfficer, InboxR));
        await ParticipationAsync(office);
        await KnowledgeAsync(office);
        Own["feedback"] = (await App.WithDb(async db =>
        {
            var entry = new Metropoli.Platform.Feedback.FeedbackEntry { CreatedAt = DateTime.UtcNow, PagePath = "/", Category = "other", Message = "Segnalazione della matrice" };
            db.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        })).ToString();
    }

    private static async Task<long> ProcurementAsync(HttpClient office, string service, string istat) =>
        (await (await office.PostAsync("/api/v1/procurements", Http.JsonBody(new
        {
            service, @object = "Procedura della matrice", municipalities = new[] { istat }, cigs = new[] { "B1234567AB" }, amount = 50000,
            procedureType = "affidamento-diretto", awardCriterion = "minor-prezzo", requestedOn = "2026-01-15",
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    /// <summary>Participation: the forum member acts for an organisation; a body with a meeting and a membership request,
    /// an open consultation (members only) with the forum member's proposal and comment.</summary>
    private async Task ParticipationAsync(HttpClient office)
    {
        await App.WithDb(async db =>
        {
            var org = await db.Reads<IOrganisationRegistry>().FindOrAddAsync("Organizzazione della matrice", OrganisationTypes.ThirdSector, null, DateTime.UtcNow, CancellationToken.None);
            var user = await db.Users.SingleAsync(u => u.Email == Demo.Forum);
            user.OrganisationId = org;
            await db.SaveChangesAsync();
        });
        var forum = await As(Demo.Forum);
        var body = (await (await office.PostAsync("/api/v1/bodies", Http.JsonBody(new { kind = "forum", name = "Forum della matrice" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Own["pbody"] = body.ToString();
        Own["pmeeting"] = (await (await office.PostAsync($"/api/v1/bodies/{body}/meetings", Http.JsonBody(new
        {
            title = "Riunione della matrice", startsAt = DateTimeOffset.UtcNow.AddDays(10), place = "Palazzo Isimbardi", agenda = "Ordine del giorno della matrice",
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").ToString();
        Own["pdocument"] = (await (await office.PostAsync($"/api/v1/meetings/{Own["pmeeting"]}/documents", new MultipartFormDataContent { { Pdf(), "file", "allegato.pdf" } }))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").ToString();
        Own["membershipRequest"] = (await (await forum.PostAsync($"/api/v1/bodies/{body}/membership-requests", Http.JsonBody(new { category = "third-sector" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").ToString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var consultation = (await (await office.PostAsync("/api/v1/consultations", Http.JsonBody(new
        {
            title = "Consultazione della matrice", description = "Descrizione", subject = "free",
            opensOn = today.AddDays(-1), closesOn = today.AddDays(30), answerBy = today.AddDays(60),
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Own["consultation"] = consultation.ToString();
        var proposal = (await (await forum.PostAsync($"/api/v1/consultations/{consultation}/proposals", Http.JsonBody(new { title = "Proposta della matrice", text = "Testo" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Own["proposal"] = proposal.ToString();
        await (await forum.PostAsync($"/api/v1/proposals/{proposal}/comments", Http.JsonBody(new { text = "Commento della matrice" }))).ShouldBe(HttpStatusCode.NoContent);
        Own["comment"] = (await App.WithDb(db => db.Set<Metropoli.Participation.Model.ProposalComment>().Where(c => c.ProposalId == proposal).Select(c => c.Id).SingleAsync())).ToString();
    }

    /// <summary>Knowledge: a standard act with one version (public, like every act).</summary>
    private async Task KnowledgeAsync(HttpClient office)
    {
        var act = await Modules.Knowledge.StandardActsTests.ActAsync(office, "Atto tipo della matrice");
        await Modules.Knowledge.StandardActsTests.VersionAsync(office, act);
        Own["standardAct"] = act.ToString();
        var rhoPractice = await Modules.Knowledge.PracticesTests.DraftAsync(await As(Demo.RhoOfficer), RhoMarker + " pratica");
        var milanoOfficer = await App.CreateUserAsync(Metropoli.Platform.Auth.Roles.MunicipalityOfficer, municipality: Demo.Milano);
        Set("practice", rhoPractice, await Modules.Knowledge.PracticesTests.DraftAsync(await As(milanoOfficer.Email!), MilanoMarker + " pratica"));
        Own["standardActVersion"] = (await App.WithDb(db => db.Set<Metropoli.Knowledge.Model.StandardActVersion>().Where(v => v.ActId == act).Select(v => v.Id).SingleAsync())).ToString();
    }

    private void Set(string kind, long own, long? other)
    {
        Own[kind] = own.ToString();
        if (other is { } o) Other[kind] = o.ToString();
    }

    private static long TaskOf(List<System.Text.Json.JsonElement> tasks, long action) =>
        tasks.Single(t => t.GetProperty("actionId").GetInt64() == action).GetProperty("id").GetInt64();

    private static async Task<long> IndicatorAsync(HttpClient office, long action, string code) =>
        (await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = action, code, name = "Indicatore della matrice " + code, unit = "numero", direction = "increase", frequency = "annual",
            baselineValue = 0, baselineYear = 2030, targets = new[] { new { year = 2031, value = 10 } },
        }))).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>A measurement with an evidence file, so that the evidence route has something to serve.</summary>
    private static async Task<long> MeasurementAsync(HttpClient client, long indicator)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("2031"), "period" },
            { new StringContent("5"), "value" },
            { Pdf(), "evidence", "evidenza.pdf" },
        };
        return (await (await client.PostAsync($"/api/v1/indicators/{indicator}/measurements", form)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
    }

    private static ByteArrayContent Pdf() => new("%PDF-1.4 prova"u8.ToArray()) { Headers = { { "Content-Type", "application/pdf" } } };

    private Task<long> SpareTokenAsync(string email) => App.WithDb(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return (await Metropoli.Platform.Auth.AccessTokens.CreateAsync(db, user.Id, new("spare", 5), DateTime.UtcNow, CancellationToken.None)).Id;
    });

    private async Task<long> NotificationAsync(string email, string subject) => await App.WithDb(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var n = new Notification { UserId = user.Id, Subject = subject, Body = subject, DedupKey = subject, CreatedAt = DateTime.UtcNow };
        db.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    private async Task AgreementAsync(HttpClient office, string sector, string istat, string marker, Dictionary<string, string> ids)
    {
        var agreement = await AgreementBuilders.CreateAsync(office, "public", sector, new { title = marker + " intesa" });
        var party = await AgreementBuilders.AddPartyAsync(office, agreement, await AgreementBuilders.OrganisationOfComuneAsync(App, istat));
        var obligation = await AgreementBuilders.AddObligationAsync(office, agreement, party, new DateOnly(2031, 6, 30), marker + " obbligo");
        var body = (await (await office.PostAsync($"/api/v1/agreements/{agreement}/bodies", Http.JsonBody(new { name = marker + " cabina di regia" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var meeting = (await (await office.PostAsync($"/api/v1/agreement-bodies/{body}/meetings", Http.JsonBody(new { date = "2031-03-01", agenda = marker + " ordine del giorno" })))
            .ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var upload = new MultipartFormDataContent
        {
            { Pdf(), "file", "testo.pdf" },
            { new StringContent("annex"), "kind" },
            { new StringContent(marker + " allegato"), "title" },
        };
        var document = (await (await office.PostAsync($"/api/v1/agreements/{agreement}/documents", upload)).ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        foreach (var (kind, id) in new[] { ("agreement", agreement), ("party", party), ("obligation", obligation), ("body", body), ("meeting", meeting), ("document", document) })
        {
            ids[kind] = id.ToString();
        }
    }
}

/// <summary>Issue 7, part 1: every API endpoint and page handler × every caller × a record inside and
/// one outside the caller's scope → the expected answer, from a table keyed by the endpoint list, so a
/// new endpoint or page handler without an entry fails here.</summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixFixture fx, ITestOutputHelper output) : IClassFixture<AuthorizationMatrixFixture>
{
    // Callers: N anonymous, A administrator, P plan office, S sector officer (ambiente), R municipality
    // officer of Rho, Z zone coordinator (Nord Ovest), F forum member.
    private static readonly (char Key, string? Email)[] Callers =
        [('N', null), ('A', Demo.Admin), ('P', Demo.PlanOffice), ('S', Demo.Sector), ('R', Demo.RhoOfficer), ('Z', Demo.ZoneCoordinator), ('F', Demo.Forum)];

    private const string All = "NAPSRZF", SignedIn = "APSRZF", Admin = "A", Office = "AP", OfficeSector = "APS", AdminRho = "AR";

    // A rule is the set of callers who may act on the «own» records, then, after «|», those who may act
    // on the «other» records; a rule without «|» is the same for both. Routes whose parameters have no
    // «other» record are called once.
    /// <summary>Who may call each endpoint on the fixture's records (own sector «ambiente», own Comune Rho).</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        // Platform
        ["GET /status"] = All, ["GET /health/live"] = All, ["GET /health/ready"] = All, ["GET /openapi/{documentName}.json"] = All, ["GET /lingua"] = All,
        ["GET /api/v1/me"] = SignedIn,
        ["GET /api/v1/users/"] = Admin, ["GET /api/v1/users/{id}"] = Admin,
        ["GET /api/v1/audit-entries/"] = Admin, ["GET /api/v1/audit-entries/verification"] = Admin,
        // Only a signed-in session lists and creates tokens: the matrix calls the API with tokens, so nobody (issue 18, point 13).
        ["GET /api/v1/access-tokens/"] = "", ["POST /api/v1/access-tokens/"] = "",
        ["DELETE /api/v1/access-tokens/{id:long}"] = "A|AP", // the administrator's spare token, then the plan office's: others get 404
        ["GET /api/v1/notifications/"] = SignedIn, ["POST /api/v1/notifications/{id:long}/read"] = "P|R", ["POST /api/v1/notifications/read-all"] = SignedIn,
        // Territory
        ["GET /api/v1/municipalities/"] = All, ["GET /api/v1/municipalities/{istatCode}"] = All,
        ["PUT /api/v1/municipalities/{istatCode}/contacts"] = "AR|A",
        ["GET /api/v1/municipalities/{istatCode}/mayor/"] = All, ["PUT /api/v1/municipalities/{istatCode}/mayor/"] = "AR|A",
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
        ["GET /api/v1/plans/"] = All, ["POST /api/v1/plans/"] = Office, ["GET /api/v1/plans/{id:long}"] = "NAPSRZF|AP", ["PUT /api/v1/plans/{id:long}"] = Office,
        ["POST /api/v1/plans/{id:long}/transitions"] = Office, ["GET /api/v1/plans/{id:long}/areas"] = "NAPSRZF|AP", ["POST /api/v1/plans/{id:long}/areas"] = Office,
        ["POST /api/v1/plans/{id:long}/import"] = Office, ["GET /api/v1/plans/{id:long}/dashboard"] = "NAPSRZF|AP",
        ["GET /api/v1/plans/{id:long}/indicator-thresholds"] = "NAPSRZF|AP", ["PUT /api/v1/plans/{id:long}/indicator-thresholds"] = Office,
        ["GET /api/v1/plan-areas/{id:long}"] = "NAPSRZF|AP", ["PUT /api/v1/plan-areas/{id:long}"] = Office, ["DELETE /api/v1/plan-areas/{id:long}"] = Office,
        ["POST /api/v1/plan-objectives/"] = Office, ["GET /api/v1/plan-objectives/{id:long}"] = "NAPSRZF|AP",
        ["PUT /api/v1/plan-objectives/{id:long}"] = Office, ["DELETE /api/v1/plan-objectives/{id:long}"] = Office,
        ["GET /api/v1/plan-actions/"] = All, ["POST /api/v1/plan-actions/"] = Office, ["GET /api/v1/plan-actions/{id:long}"] = All,
        ["PUT /api/v1/plan-actions/{id:long}"] = "APS|AP", ["PUT /api/v1/plan-actions/{id:long}/progress"] = "APS|AP",
        ["DELETE /api/v1/plan-actions/{id:long}"] = Office, ["POST /api/v1/plan-actions/{id:long}/carry-over"] = Office,
        ["GET /api/v1/plan-actions/{id:long}/timeline"] = All, ["GET /piano/{id:long}/azioni/export.csv"] = "NAPSRZF|AP",
        ["GET /api/v1/indicators/"] = All, ["POST /api/v1/indicators/"] = Office, ["GET /api/v1/indicators/{id:long}"] = All,
        ["PUT /api/v1/indicators/{id:long}"] = Office, ["DELETE /api/v1/indicators/{id:long}"] = Office,
        ["GET /api/v1/indicators/{id:long}/measurements"] = All, ["POST /api/v1/indicators/{id:long}/measurements"] = "APS|AP",
        ["GET /api/v1/measurements/pending"] = Office, ["PUT /api/v1/measurements/{id:long}"] = "APS|AP",
        ["DELETE /api/v1/measurements/{id:long}"] = "APS|AP", // the plan office, or who submitted it (the sector officer)
        ["POST /api/v1/measurements/{id:long}/validation"] = Office, ["POST /api/v1/measurements/{id:long}/rejection"] = Office,
        ["GET /api/v1/measurements/{id:long}/evidence"] = "APS|AP", ["POST /api/v1/measurements/import"] = Office,
        ["GET /api/v1/plans/{id:long}/campaigns"] = "NAPSRZF|AP", ["POST /api/v1/plans/{id:long}/campaigns"] = Office,
        ["GET /api/v1/monitoring-campaigns/{id:long}"] = All, ["POST /api/v1/monitoring-campaigns/{id:long}/close"] = Office,
        ["GET /api/v1/monitoring-campaigns/{id:long}/report"] = All, ["GET /api/v1/monitoring-campaigns/{id:long}/report/csv"] = All,
        ["GET /api/v1/monitoring-campaigns/{id:long}/report/xlsx"] = All, ["GET /api/v1/monitoring-campaigns/{id:long}/report/pdf"] = All,
        ["GET /api/v1/campaign-tasks/mine"] = SignedIn, ["GET /api/v1/campaign-tasks/{id:long}"] = "APS|AP",
        ["PUT /api/v1/campaign-tasks/{id:long}/report"] = "APS|AP", ["POST /api/v1/campaign-tasks/{id:long}/review"] = Office,
        // Agreements (the fixture's agreement is a proposal: not public; Rho is a party)
        ["GET /api/v1/agreements/"] = All, ["GET /api/v1/agreements/dashboard"] = All, ["GET /intese/export.csv"] = All, ["GET /intese/export.json"] = All,
        ["POST /api/v1/agreements/"] = OfficeSector, ["GET /api/v1/agreements/{id:long}"] = "APSR|APS",
        ["PUT /api/v1/agreements/{id:long}"] = "APS|AP", ["POST /api/v1/agreements/{id:long}/transitions"] = "APS|AP",
        ["POST /api/v1/agreements/{id:long}/renewal"] = "APS|AP", ["POST /api/v1/agreements/import"] = Office,
        ["POST /api/v1/agreements/{id:long}/parties"] = "APS|AP", ["DELETE /api/v1/agreements/{id:long}/parties/{party:long}"] = "APS|AP",
        ["POST /api/v1/agreements/{id:long}/obligations"] = "APS|AP", ["POST /api/v1/agreements/{id:long}/amendments"] = "APS|AP",
        ["POST /api/v1/agreements/{id:long}/documents"] = "APS|AP", ["POST /api/v1/agreements/{id:long}/bodies"] = "APS|AP",
        ["GET /api/v1/agreement-obligations/{id:long}"] = "APSR|APS", ["PUT /api/v1/agreement-obligations/{id:long}"] = "APS|AP",
        ["PUT /api/v1/agreement-obligations/{id:long}/status"] = "APSR|AP",
        ["POST /api/v1/agreement-bodies/{id:long}/meetings"] = "APS|AP", ["PUT /api/v1/agreement-meetings/{id:long}"] = "APS|AP",
        ["GET /api/v1/agreement-documents/{id:long}/file"] = "APSR|APS", ["POST /api/v1/agreement-documents/{id:long}/acceptance"] = "APS|AP",
        // The sectors registry: anyone reads it, the administrator keeps it (issue 18.3).
        ["GET /api/v1/sectors"] = All,
        ["GET /piano/cruscotto"] = All, // the home page's entry to the dashboard of the plan in force
        ["GET /piano/in-vigore/azioni.csv"] = All, // the catalogue's stable address of the plan in force's actions
        ["GET /dati/catalogo.ttl"] = All, ["GET /dati/catalogo.rdf"] = All, ["GET /dati/catalogo.jsonld"] = All, // DCAT-AP_IT (ADR 0044)
        // Shared services (issue 21): the catalogue and the procedures are public; a request is its Comune's and its office's.
        ["GET /api/v1/services/"] = All, ["GET /api/v1/services/{slug}"] = All, ["POST /api/v1/services/"] = Admin, ["PUT /api/v1/services/{slug}"] = Admin,
        ["GET /api/v1/service-requests/"] = SignedIn, ["POST /api/v1/service-requests/"] = "R",
        ["GET /api/v1/service-requests/{id:long}"] = "ASR|A", ["POST /api/v1/service-requests/{id:long}/transitions"] = "ASR|A",
        ["POST /api/v1/service-requests/{id:long}/messages"] = "ASR|A",
        ["POST /api/v1/service-requests/{id:long}/attachments"] = "ASR|A", ["GET /api/v1/service-request-attachments/{id:long}/file"] = "ASR|A",
        ["PAGE POST /casa-dei-comuni/servizi/{slug}"] = "R", ["PAGE POST /casa-dei-comuni/richieste/{id:long}?handler=Move"] = "ASR|A",
        ["PAGE POST /casa-dei-comuni/richieste/{id:long}?handler=Message"] = "ASR|A", ["PAGE POST /casa-dei-comuni/richieste/{id:long}?handler=Attach"] = "ASR|A",
        ["GET /api/v1/procurements/"] = All, ["GET /api/v1/procurements/{id:long}"] = All, ["POST /api/v1/procurements/"] = "AS",
        ["PUT /api/v1/procurements/{id:long}"] = "AS|A", ["GET /casa-dei-comuni/procedure/export.csv"] = All, ["GET /casa-dei-comuni/procedure/export.json"] = All,
        ["PAGE /casa-dei-comuni"] = All, ["PAGE /casa-dei-comuni/servizi/{slug}"] = All, ["PAGE /casa-dei-comuni/richieste"] = SignedIn,
        ["PAGE /casa-dei-comuni/richieste/{id:long}"] = "ASR|A", ["PAGE /casa-dei-comuni/procedure"] = All, ["PAGE /casa-dei-comuni/procedure/cruscotto"] = All,
        // Joint recruitment: needs are their Comune's and the office's; competitions and the lists' aggregate data are public; a
        // Comune draws for itself (on another office's list it passes authorization and is refused for want of a convention).
        ["GET /api/v1/staffing-needs/"] = SignedIn, ["POST /api/v1/staffing-needs/"] = "R",
        ["GET /api/v1/competitions/"] = All, ["GET /api/v1/competitions/{id:long}"] = All, ["POST /api/v1/competitions/"] = "AS", ["PUT /api/v1/competitions/{id:long}"] = "AS|A",
        ["GET /api/v1/ranking-lists/"] = All, ["GET /api/v1/ranking-lists/{id:long}"] = All, ["POST /api/v1/ranking-lists/"] = "AS",
        ["GET /api/v1/ranking-lists/{id:long}/draws"] = All, ["POST /api/v1/ranking-lists/{id:long}/draws"] = "ASR|AR",
        ["GET /casa-dei-comuni/concorsi/export.csv"] = All, ["GET /casa-dei-comuni/concorsi/export.json"] = All,
        ["PAGE /casa-dei-comuni/concorsi"] = All, ["PAGE /casa-dei-comuni/concorsi/{id:long}"] = All, ["PAGE /casa-dei-comuni/graduatorie/{id:long}"] = All,
        ["PAGE /casa-dei-comuni/concorsi/fabbisogni"] = SignedIn, ["PAGE POST /casa-dei-comuni/concorsi/fabbisogni"] = "R",
        ["PAGE POST /casa-dei-comuni/concorsi/fabbisogni?handler=Aggregate"] = "AS",
        ["PAGE POST /casa-dei-comuni/concorsi/{id:long}?handler=Edit"] = "AS|A", ["PAGE POST /casa-dei-comuni/concorsi/{id:long}?handler=Approve"] = "AS|A",
        ["PAGE POST /casa-dei-comuni/graduatorie/{id:long}"] = "ASR|AR",
        // Editing pages: the catalogue is the administrator's, a procedure its office's.
        ["PAGE /casa-dei-comuni/servizi/{slug}/modifica"] = Admin, ["PAGE POST /casa-dei-comuni/servizi/{slug}/modifica"] = Admin,
        ["PAGE /casa-dei-comuni/procedure/nuova"] = "AS", ["PAGE POST /casa-dei-comuni/procedure/nuova"] = "AS",
        ["PAGE /casa-dei-comuni/procedure/{id:long}/modifica"] = "AS|A", ["PAGE POST /casa-dei-comuni/procedure/{id:long}/modifica"] = "AS|A",
        ["GET /api/v1/agreement-themes/"] = All, ["POST /api/v1/agreement-themes/"] = Admin, ["PUT /api/v1/agreement-themes/{code}"] = Admin,
        // Funding (issue 20): public reading; calls written by the plan office and the administrator (ADR 0041).
        ["GET /api/v1/funding-calls/"] = All, ["GET /api/v1/funding-calls/{id:long}"] = All, ["GET /api/v1/funding-calls/{id:long}/eligibility"] = All,
        ["POST /api/v1/funding-calls/"] = Office, ["PUT /api/v1/funding-calls/{id:long}"] = Office, ["GET /finanziamenti/bandi/export.csv"] = All,
        ["GET /api/v1/projects/"] = All, ["GET /api/v1/projects/{cup}"] = All, ["GET /api/v1/projects/{cup}/links"] = All, ["PUT /api/v1/projects/{cup}/links"] = Office, ["GET /finanziamenti/progetti/export.csv"] = All,
        // Participation: public reading; the secretariat (plan office, administrators) runs bodies, meetings, consultations,
        // moderation and answers; the forum member acts for their organisation (the demo zone coordinator has no Comune, so
        // no coordinator power: ParticipationTests cover that rule).
        ["GET /api/v1/bodies/"] = All, ["GET /api/v1/bodies/{id:long}"] = All, ["POST /api/v1/bodies/"] = Office,
        ["POST /api/v1/bodies/{id:long}/members"] = Office, ["GET /api/v1/bodies/{id:long}/membership-requests"] = Office,
        ["POST /api/v1/bodies/{id:long}/membership-requests"] = "F", ["POST /api/v1/membership-requests/{id:long}/decision"] = Office,
        ["POST /api/v1/bodies/{id:long}/meetings"] = Office, ["GET /api/v1/bodies/{id:long}/calendar"] = All,
        ["GET /api/v1/meetings/{id:long}"] = All, ["PUT /api/v1/meetings/{id:long}/minutes"] = Office, ["GET /api/v1/meetings/{id:long}/calendar"] = All,
        ["GET /api/v1/consultations/"] = All, ["GET /api/v1/consultations/{id:long}"] = All, ["GET /api/v1/consultations/{id:long}/proposals"] = All, ["POST /api/v1/consultations/"] = Office,
        ["POST /api/v1/consultations/{id:long}/proposals"] = "F", ["GET /api/v1/consultations/{id:long}/report"] = All,
        ["GET /api/v1/proposals/{id:long}"] = All, ["POST /api/v1/proposals/{id:long}/withdrawal"] = "F", ["POST /api/v1/proposals/{id:long}/endorsements"] = "F",
        ["POST /api/v1/proposals/{id:long}/comments"] = "F", ["POST /api/v1/proposals/{id:long}/moderation"] = Office,
        ["POST /api/v1/proposal-comments/{id:long}/moderation"] = Office, ["PUT /api/v1/proposals/{id:long}/answer"] = Office,
        ["GET /partecipazione/organismi.csv"] = All, ["GET /partecipazione/membri.csv"] = All, ["GET /partecipazione/riunioni.csv"] = All,
        ["GET /partecipazione/proposte.csv"] = All, ["GET /partecipazione/proposte.json"] = All, ["GET /partecipazione/consultazioni/{id:long}/resoconto.csv"] = All, ["GET /partecipazione/consultazioni/{id:long}/resoconto.pdf"] = All,
        ["PAGE /partecipazione"] = All, ["PAGE /partecipazione/organismi/{id:long}"] = All, ["PAGE POST /partecipazione/organismi/{id:long}"] = Office,
        ["PAGE POST /partecipazione/organismi/{id:long}?handler=Decide"] = Office, ["PAGE POST /partecipazione/riunioni/{id:long}"] = Office,
        ["PAGE /partecipazione/riunioni/{id:long}"] = All, ["PAGE /partecipazione/zone/{code}"] = "APZ|AP", ["POST /api/v1/meetings/{id:long}/documents"] = Office, ["GET /api/v1/meeting-documents/{id:long}/file"] = All,
        ["PAGE POST /partecipazione/riunioni/{id:long}?handler=Document"] = Office, ["PAGE /partecipazione/consultazioni/{id:long}"] = All,
        ["PAGE POST /partecipazione/consultazioni/{id:long}"] = "F",
        ["GET /api/v1/funding-applications/"] = All, ["POST /api/v1/funding-applications/"] = "APRZ",
        ["POST /api/v1/funding-applications/{id:long}/documents"] = "APR|AP", ["GET /api/v1/funding-application-documents/{id:long}/file"] = "APR|AP",
        ["GET /api/v1/projects/{cup}/expenditures"] = All, ["POST /api/v1/projects/{cup}/expenditures"] = Office,
        ["POST /api/v1/funding-expenditures/{id:long}/decision"] = Office, ["GET /api/v1/projects/{cup}/milestones"] = All,
        ["POST /api/v1/projects/{cup}/milestones"] = Office, ["POST /api/v1/funding-milestones/{id:long}/progress"] = Office,
        ["POST /api/v1/funding-milestones/{id:long}/decision"] = Office, ["GET /finanziamenti/spesa/export.csv"] = All, ["GET /finanziamenti/comuni-inattivi/export.csv"] = Office,
        ["GET /api/v1/funding-applications/{id:long}"] = "APR|AP", ["POST /api/v1/funding-applications/{id:long}/transitions"] = "APR|AP",
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Endorse"] = "F", ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Withdraw"] = "F",
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Moderate"] = Office, ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Answer"] = Office,

        // Pages (GET): who may open them on the fixture's records.
        ["PAGE /accesso-negato"] = "", // the denial page itself: 403 for everyone
        ["PAGE /"] = All, ["PAGE /privacy"] = All, ["PAGE /errore/{code:int}"] = All,
        ["PAGE /dichiarazione-accessibilita"] = All, ["PAGE /note-legali"] = All, ["PAGE /segnalazioni"] = All,
        ["PAGE /accedi"] = All,
        ["PAGE /accedi/identita-digitale"] = "", // SPID/CIE: 404 unless DigitalIdentity is configured (DigitalIdentityTests)
        ["PAGE /accedi/codice"] = "", // without a pending two-factor sign-in it sends everyone back to /accedi
        ["PAGE /accedi/codice-di-recupero"] = "", // the same, with a recovery code
        ["PAGE /accedi/password-dimenticata"] = All, ["PAGE /accedi/nuova-password"] = All, ["PAGE /admin/accessi"] = Admin,
        ["PAGE /esci"] = All,
        ["PAGE /account"] = SignedIn, ["PAGE /account/password"] = SignedIn, ["PAGE /account/token"] = SignedIn, ["PAGE /account/due-fattori"] = SignedIn,
        ["PAGE /notifiche"] = SignedIn,
        // Navigation, home and desk (ADR 0038): the desk is each signed-in person's; search and help are public.
        ["PAGE /scrivania"] = SignedIn, ["PAGE /cerca"] = All, ["PAGE /aiuto"] = All, ["PAGE /aiuto/glossario"] = All, ["PAGE /dati"] = All,
        ["PAGE /admin/utenti"] = Admin, ["PAGE /admin/utenti/nuovo"] = Admin, ["PAGE /admin/utenti/{id}"] = Admin,
        ["PAGE /admin/segnalazioni"] = Admin, ["PAGE /admin/posta"] = Admin, ["PAGE /admin/registro"] = Admin,
        ["PAGE /comuni"] = All, ["PAGE /comuni/{istatCode}"] = All, ["PAGE /comuni/{istatCode}/contatti"] = "AR|A",
        ["PAGE /comuni/{istatCode}/sindaco"] = "AR|A", ["PAGE /comuni/{istatCode}/zona"] = Admin,
        ["PAGE /zone"] = All, ["PAGE /zone/{code}"] = All, ["PAGE /zone/{code}/rotazione"] = Admin, ["PAGE /territorio/mappa"] = All,
        ["PAGE /associazioni"] = All, ["PAGE /associazioni/{id:long}"] = All, ["PAGE /associazioni/nuova"] = Admin, ["PAGE /associazioni/{id:long}/modifica"] = Admin,
        ["PAGE /organizzazioni"] = All, ["PAGE /organizzazioni/{id:long}"] = All, ["PAGE /organizzazioni/nuova"] = Admin,
        ["PAGE /organizzazioni/{id:long}/modifica"] = Admin, ["PAGE /organizzazioni/importa"] = Admin,
        ["PAGE /piano"] = All, ["PAGE /piano/{id:long}"] = "NAPSRZF|AP", ["PAGE /piano/nuovo"] = Office, ["PAGE /piano/{id:long}/modifica"] = Office,
        ["PAGE /piano/{id:long}/stato"] = Office, ["PAGE /piano/{id:long}/importa"] = Office, ["PAGE /piano/{id:long}/cruscotto"] = "NAPSRZF|AP",
        ["PAGE /piano/{id:long}/soglie"] = Office, ["PAGE /piano/{planId:long}/aree/nuova"] = Office, ["PAGE /piano/aree/{id:long}/modifica"] = Office,
        ["PAGE /piano/aree/{areaId:long}/obiettivi/nuovo"] = Office, ["PAGE /piano/obiettivi/{id:long}"] = "NAPSRZF|AP", ["PAGE /piano/obiettivi/{id:long}/modifica"] = Office,
        ["PAGE /piano/{id:long}/azioni"] = "NAPSRZF|AP", ["PAGE /piano/azioni/{id:long}"] = All, ["PAGE /piano/obiettivi/{objectiveId:long}/azioni/nuova"] = Office,
        ["PAGE /piano/azioni/{id:long}/modifica"] = Office, ["PAGE /piano/azioni/{id:long}/avanzamento"] = "APS|AP",
        ["PAGE /piano/indicatori/nuovo"] = Office, ["PAGE /piano/indicatori/{id:long}"] = All, ["PAGE /piano/indicatori/{id:long}/modifica"] = Office,
        ["PAGE /piano/indicatori/{id:long}/elimina"] = Office, ["PAGE /piano/indicatori/{id:long}/misurazioni/nuova"] = "APS|AP",
        ["PAGE /piano/misurazioni/importa"] = Office, ["PAGE /piano/misurazioni/da-validare"] = Office,
        ["PAGE /piano/misurazioni/{measurement:long}/correggi"] = "APS|AP", ["PAGE /piano/misurazioni/{measurement:long}/elimina"] = "APS|AP",
        ["PAGE /piano/{id:long}/campagne"] = "NAPSRZF|AP", ["PAGE /piano/{id:long}/campagne/nuova"] = Office, ["PAGE /piano/campagne/{id:long}"] = All,
        ["PAGE /piano/attivita"] = SignedIn, ["PAGE /piano/campagne/attivita/{id:long}"] = "APS|AP",
        ["PAGE /piano/campagne/{id:long}/rapporto"] = All, ["PAGE /piano/campagne/{id:long}/rapporto/stampa"] = All,
        ["PAGE /intese"] = All, ["PAGE /intese/cruscotto"] = All, ["PAGE /intese/nuova"] = OfficeSector, ["PAGE /intese/importa"] = Office,
        ["PAGE /intese/temi"] = Admin, ["PAGE /intese/{id:long}"] = "APSR|APS", ["PAGE /intese/{id:long}/modifica"] = "APS|AP",
        ["PAGE /intese/{id:long}/stato"] = "APS|AP", ["PAGE /intese/obblighi/{id:long}"] = "APSR|APS",
        ["PAGE /finanziamenti"] = All, ["PAGE /finanziamenti/bandi"] = All, ["PAGE /finanziamenti/bandi/{id:long}"] = All,
        ["PAGE /finanziamenti/bandi/nuovo"] = Office, ["PAGE /finanziamenti/bandi/{id:long}/modifica"] = Office,
        ["PAGE /finanziamenti/progetti"] = All, ["PAGE /finanziamenti/progetti/{cup}"] = All,
        ["PAGE /finanziamenti/domande"] = All, ["PAGE /finanziamenti/domande/nuova"] = "APRZ", ["PAGE /finanziamenti/domande/{id:long}"] = "APR|AP",
        ["PAGE /finanziamenti/spesa"] = All, ["PAGE /finanziamenti/comuni-inattivi"] = Office,

        // Page forms (POST, one entry per handler), sent with a valid antiforgery token and a version that never matches.
        ["PAGE POST /accedi"] = All, ["PAGE POST /accedi/codice"] = "", ["PAGE POST /accedi/codice-di-recupero"] = "",
        ["PAGE POST /accedi/password-dimenticata"] = All, ["PAGE POST /accedi/nuova-password"] = All, ["PAGE POST /esci"] = All, ["PAGE POST /errore/{code:int}"] = All, ["PAGE POST /segnalazioni"] = All,
        ["PAGE POST /account/password"] = SignedIn, ["PAGE POST /account/due-fattori?handler=Enable"] = SignedIn, ["PAGE POST /account/due-fattori?handler=Disable"] = SignedIn,
        ["PAGE POST /account/token?handler=Create"] = SignedIn, ["PAGE POST /account/token?handler=Revoke"] = SignedIn,
        ["PAGE POST /notifiche?handler=Read"] = "P|R", ["PAGE POST /notifiche?handler=ReadAll"] = SignedIn,
        ["PAGE POST /admin/registro?handler=Verify"] = Admin, ["PAGE POST /admin/segnalazioni?handler=Handled"] = Admin, ["PAGE POST /admin/utenti/nuovo"] = Admin,
        ["PAGE POST /admin/utenti/{id}?handler=Save"] = Admin, ["PAGE POST /admin/utenti/{id}?handler=ToggleDisabled"] = Admin,
        ["PAGE POST /comuni/{istatCode}/contatti"] = "AR|A", ["PAGE POST /comuni/{istatCode}/sindaco"] = "AR|A",
        ["PAGE POST /comuni/{istatCode}/zona?handler=Move"] = Admin, ["PAGE POST /comuni/{istatCode}/zona?handler=Confirm"] = Admin,
        ["PAGE POST /zone/{code}/rotazione?handler=Save"] = Admin, ["PAGE POST /zone/{code}/rotazione?handler=Replace"] = Admin,
        ["PAGE POST /associazioni/nuova"] = Admin, ["PAGE POST /associazioni/{id:long}/modifica"] = Admin,
        ["PAGE POST /organizzazioni/nuova"] = Admin, ["PAGE POST /organizzazioni/{id:long}/modifica"] = Admin, ["PAGE POST /organizzazioni/importa"] = Admin,
        ["PAGE POST /piano/nuovo"] = Office, ["PAGE POST /piano/{id:long}/modifica"] = Office, ["PAGE POST /piano/{id:long}/stato"] = Office,
        ["PAGE POST /piano/{id:long}/importa"] = Office, ["PAGE POST /piano/{id:long}/soglie"] = Office, ["PAGE POST /piano/{id:long}/campagne/nuova"] = Office,
        ["PAGE POST /piano/{planId:long}/aree/nuova"] = Office, ["PAGE POST /piano/aree/{id:long}/modifica"] = Office, ["PAGE POST /piano/aree/{id:long}/modifica?handler=Delete"] = Office,
        ["PAGE POST /piano/aree/{areaId:long}/obiettivi/nuovo"] = Office, ["PAGE POST /piano/obiettivi/{id:long}/modifica"] = Office,
        ["PAGE POST /piano/obiettivi/{id:long}/modifica?handler=Delete"] = Office, ["PAGE POST /piano/obiettivi/{objectiveId:long}/azioni/nuova"] = Office,
        ["PAGE POST /piano/azioni/{id:long}/modifica"] = Office, ["PAGE POST /piano/azioni/{id:long}/modifica?handler=Delete"] = Office,
        ["PAGE POST /piano/azioni/{id:long}?handler=CarryOver"] = Office, ["PAGE POST /piano/azioni/{id:long}/avanzamento"] = "APS|AP",
        ["PAGE POST /piano/indicatori/nuovo"] = Office, ["PAGE POST /piano/indicatori/{id:long}/modifica"] = Office, ["PAGE POST /piano/indicatori/{id:long}/elimina"] = Office,
        ["PAGE POST /piano/indicatori/{id:long}/misurazioni/nuova"] = "APS|AP", ["PAGE POST /piano/misurazioni/importa"] = Office,
        ["PAGE POST /piano/misurazioni/{measurement:long}/correggi"] = "APS|AP", ["PAGE POST /piano/misurazioni/{measurement:long}/elimina"] = "APS|AP",
        ["PAGE POST /piano/misurazioni/da-validare?handler=Validate"] = Office, ["PAGE POST /piano/misurazioni/da-validare?handler=Reject"] = Office,
        ["PAGE POST /piano/campagne/{id:long}?handler=Close"] = Office, ["PAGE POST /piano/campagne/attivita/{id:long}?handler=Report"] = "APS|AP",
        ["PAGE POST /piano/campagne/attivita/{id:long}?handler=Accept"] = Office, ["PAGE POST /piano/campagne/attivita/{id:long}?handler=Return"] = Office,
        ["PAGE POST /intese/nuova"] = OfficeSector, ["PAGE POST /intese/importa"] = Office, ["PAGE POST /intese/temi"] = Admin,
        ["PAGE POST /intese/{id:long}/modifica"] = "APS|AP", ["PAGE POST /intese/{id:long}/stato"] = "APS|AP", ["PAGE POST /intese/obblighi/{id:long}"] = "APSR|AP",
        ["PAGE POST /intese/{id:long}?handler=AddParty"] = "APS|AP", ["PAGE POST /intese/{id:long}?handler=RemoveParty"] = "APS|AP",
        ["PAGE POST /intese/{id:long}?handler=AddObligation"] = "APS|AP", ["PAGE POST /intese/{id:long}?handler=Amendment"] = "APS|AP",
        ["PAGE POST /intese/{id:long}?handler=Upload"] = "APS|AP", ["PAGE POST /intese/{id:long}?handler=AddBody"] = "APS|AP",
        ["PAGE POST /intese/{id:long}?handler=AddMeeting"] = "APS|AP", ["PAGE POST /intese/{id:long}?handler=Renew"] = "APS|AP",
        ["PAGE POST /intese/{id:long}?handler=AcceptDocument"] = "APS|AP",
        ["PAGE POST /finanziamenti/bandi/nuovo"] = Office, ["PAGE POST /finanziamenti/bandi/{id:long}/modifica"] = Office,
        ["PAGE POST /finanziamenti/domande/nuova"] = "APRZ", ["PAGE POST /finanziamenti/domande/{id:long}?handler=Move"] = "APR|AP",
        ["PAGE POST /finanziamenti/domande/{id:long}?handler=Upload"] = "APR|AP",
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=Expenditure"] = Office, ["PAGE POST /finanziamenti/progetti/{cup}?handler=Decide"] = Office,
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=Milestone"] = Office, ["PAGE POST /finanziamenti/progetti/{cup}?handler=Progress"] = Office,
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=DecideMilestone"] = Office, ["PAGE POST /finanziamenti/progetti/{cup}?handler=Links"] = Office,
        // Knowledge (issue 23): public reading; the editors (plan office, administrators) write standard acts and versions;
        // a municipality officer records their own Comune's adoptions (ADR 0048).
        ["GET /api/v1/standard-acts/"] = All, ["GET /api/v1/standard-acts/{id:long}"] = All, ["POST /api/v1/standard-acts/"] = Office,
        ["PUT /api/v1/standard-acts/{id:long}"] = Office, ["POST /api/v1/standard-acts/{id:long}/versions"] = Office,
        ["GET /api/v1/standard-act-versions/{id:long}/file"] = All, ["GET /api/v1/adoptions/"] = All, ["POST /api/v1/adoptions/"] = "R",
        ["GET /atti-tipo/export.csv"] = All, ["GET /atti-tipo/adozioni.csv"] = All,
        ["PAGE /atti-tipo"] = All, ["PAGE /atti-tipo/{id:long}"] = All, ["PAGE /atti-tipo/adozioni"] = All,
        ["PAGE /atti-tipo/nuovo"] = Office, ["PAGE POST /atti-tipo/nuovo"] = Office,
        ["PAGE /atti-tipo/{id:long}/modifica"] = Office, ["PAGE POST /atti-tipo/{id:long}/modifica"] = Office,
        ["PAGE POST /atti-tipo/{id:long}?handler=Version"] = Office, ["PAGE POST /atti-tipo/{id:long}?handler=Adopt"] = "R",
        // Best practices: the fixture's practice is a draft of Rho (own) or of Milano (other): a draft is seen only by its
        // Comune; published practices are public (the list answers everyone). Writing: Rho's officer for Rho's draft.
        ["GET /api/v1/practices/"] = All, ["GET /api/v1/practices/{id:long}"] = "R|", ["POST /api/v1/practices/"] = "APR",
        ["PUT /api/v1/practices/{id:long}"] = "R|", ["POST /api/v1/practices/{id:long}/transitions"] = "R|", ["POST /api/v1/practices/{id:long}/reuses"] = "",
        ["PAGE /buone-pratiche"] = All, ["PAGE /buone-pratiche/{id:long}"] = "R|", ["PAGE /buone-pratiche/nuova"] = "APR", ["PAGE POST /buone-pratiche/nuova"] = "APR",
        ["PAGE /buone-pratiche/{id:long}/modifica"] = "R|", ["PAGE POST /buone-pratiche/{id:long}/modifica"] = "R|",
        ["PAGE POST /buone-pratiche/{id:long}?handler=Move"] = "R|", ["PAGE POST /buone-pratiche/{id:long}?handler=Reuse"] = "",
        ["PAGE /admin/settori"] = Admin, ["PAGE /admin/settori/{code}"] = Admin, ["PAGE POST /admin/settori"] = Admin, ["PAGE POST /admin/settori/{code}"] = Admin,
    };

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    /// <param name="ContentType">What the route accepts when it is not JSON (routing answers 415, before
    /// authorization, to a body of another type).</param>
    private sealed record Target(string Key, string Method, string Path, string? Handler = null, string? ContentType = null)
    {
        public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal);
        public bool Writes => Method != "GET";
    }

    private sealed record Cell(Target Target, bool Other, char Caller, string Path, string Expected, List<KeyValuePair<string, string>> Form);

    /// <summary>The API endpoints (one target per verb) and the pages (GET, and one target per POST
    /// handler) the running app has mapped.</summary>
    private async Task<List<Target>> EndpointListAsync()
    {
        var endpoints = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var loader = fx.App.Services.GetRequiredService<PageLoader>();
        var list = new List<Target>();
        foreach (var e in endpoints)
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/api/docs", StringComparison.Ordinal)) continue; // Swagger UI's static assets
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (raw == "/Index" || raw.EndsWith("/Index", StringComparison.Ordinal)) continue; // the same page under its file name
                list.Add(new Target("PAGE " + raw, "GET", raw));
                var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
                foreach (var h in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                {
                    var suffix = h.Name is null ? "" : "?handler=" + h.Name;
                    list.Add(new Target("PAGE POST " + raw + suffix, "POST", raw, h.Name));
                }
                continue;
            }
            var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            var contentType = accepts.Count == 0 || accepts.Contains("application/json") ? null : accepts[0];
            foreach (var method in e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                list.Add(new Target($"{method} {raw}", method, raw, ContentType: contentType));
            }
        }
        return list.DistinctBy(t => t.Key).ToList();
    }

    /// <summary>The path with its parameters filled from the «own» or the «other» records.</summary>
    private string Fill(string path, bool other)
    {
        return Parameter().Replace(path, m =>
        {
            var name = m.Groups[1].Value;
            var before = path[..m.Index].TrimEnd('/');
            var segment = before[(before.LastIndexOf('/') + 1)..];
            var kind = name switch
            {
                "documentName" => "=v1",
                // The error page answers the status it shows: 429 is neither a denial nor a refused form.
                "code" when segment is "errore" => "=429",
                "code" when segment is "agreement-themes" => "=qualita-aria",
                "code" when segment is "settori" => "=ambiente",
                "cup" => "=E81B21010100006", // a project of the demo's PNRR data
                "code" => "zone",
                _ when fx.Own.ContainsKey(name) => name,
                "areaId" or "objectiveId" or "planId" or "actionId" => name[..^2],
                _ => segment switch
                {
                    "plans" or "piano" => "plan",
                    "plan-areas" or "aree" => "area",
                    "plan-objectives" or "obiettivi" => "objective",
                    "plan-actions" or "azioni" => "action",
                    "indicators" or "indicatori" => "indicator",
                    "measurements" or "misurazioni" => "measurement",
                    "monitoring-campaigns" or "campagne" => "campaign",
                    "campaign-tasks" or "attivita" => "task",
                    "agreements" or "intese" => "agreement",
                    "funding-calls" or "bandi" => "fundingCall",
                    "service-requests" or "richieste" => "servicerequest",
                    "procurements" or "procedure" => "procurement",
                    "competitions" or "concorsi" => "competition",
                    "ranking-lists" or "graduatorie" => "rankinglist",
                    "funding-applications" or "domande" => "fundingApplication",
                    "funding-application-documents" => "fundingDocument",
                    "funding-expenditures" => "fundingExpenditure",
                    "funding-milestones" => "fundingMilestone",
                    "service-request-attachments" => "attachment",
                    "agreement-obligations" or "obblighi" => "obligation",
                    "agreement-documents" => "document",
                    "agreement-bodies" => "body",
                    "agreement-meetings" => "meeting",
                    "bodies" or "organismi" => "pbody",
                    "meetings" or "riunioni" => "pmeeting",
                    "meeting-documents" => "pdocument",
                    "consultations" or "consultazioni" => "consultation",
                    "proposals" => "proposal",
                    "membership-requests" => "membershipRequest",
                    "proposal-comments" => "comment",
                    "associations" or "associazioni" => "association",
                    "organizations" or "organizzazioni" => "organisation",
                    "users" or "utenti" => "user",
                    "access-tokens" => "token",
                    "notifications" => "notification",
                    "standard-acts" or "atti-tipo" => "standardAct",
                    "standard-act-versions" => "standardActVersion",
                    "practices" or "buone-pratiche" => "practice",
                    _ => throw new InvalidOperationException($"No fixture record for {{{name}}} in {path}: add it to Fill()."),
                },
            };
            if (kind.StartsWith('=')) return kind[1..];
            return other && fx.Other.TryGetValue(kind, out var o) ? o : fx.Own[kind];
        });
    }

    /// <summary>Query strings some pages need to show anything (they answer 404 without them).</summary>
    private static readonly Dictionary<string, string> Queries = new()
    {
        ["/piano/indicatori/nuovo"] = "?azione={actionId}",
    };

    /// <summary>Form fields some page handlers need to reach their record (beside the antiforgery token,
    /// the version that never matches and the ticked confirmations every form gets).</summary>
    private static readonly Dictionary<string, (string Name, string Value)[]> FormFields = new()
    {
        ["PAGE POST /intese/{id:long}?handler=AddMeeting"] = [("BodyId", "{body}")],
        ["PAGE POST /intese/{id:long}?handler=AcceptDocument"] = [("documentId", "{document}")],
        ["PAGE POST /intese/{id:long}?handler=RemoveParty"] = [("PartyId", "{party}")], // it owes an obligation: removal is refused after authorization
        ["PAGE POST /notifiche?handler=Read"] = [("id", "{notification}")],
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Endorse"] = [("ProposalId", "{proposal}")],
        ["PAGE POST /partecipazione/organismi/{id:long}?handler=Decide"] = [("RequestId", "{membershipRequest}")],
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Withdraw"] = [("ProposalId", "{proposal}")],
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Moderate"] = [("ProposalId", "{proposal}")],
        ["PAGE POST /partecipazione/consultazioni/{id:long}?handler=Answer"] = [("ProposalId", "{proposal}")],
        ["PAGE POST /admin/segnalazioni?handler=Handled"] = [("id", "{feedback}")],
        ["PAGE POST /piano/misurazioni/da-validare?handler=Validate"] = [("MeasurementId", "{measurement}")],
        ["PAGE POST /piano/misurazioni/da-validare?handler=Reject"] = [("MeasurementId", "{measurement}")],
        ["PAGE POST /piano/indicatori/nuovo"] = [("Input.ActionId", "{actionId}")],
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=Decide"] = [("ItemId", "{fundingExpenditure}")],
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=Progress"] = [("ItemId", "{fundingMilestone}")],
        ["PAGE POST /finanziamenti/progetti/{cup}?handler=DecideMilestone"] = [("ItemId", "{fundingMilestone}")],
    };

    private List<Cell> Cells(IEnumerable<Target> targets)
    {
        var cells = new List<Cell>();
        foreach (var t in targets)
        {
            var rule = Rules[t.Key].Split('|');
            var path = t.Path + Queries.GetValueOrDefault(t.Path, "");
            var own = Fill(path, other: false);
            var other = Fill(path, other: true);
            var fields = FormFields.GetValueOrDefault(t.Key, []);
            List<KeyValuePair<string, string>> Form(bool o) => [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, Fill(f.Value, o)))];
            var distinct = other != own || !Form(true).SequenceEqual(Form(false));
            foreach (var (key, _) in Callers)
            {
                cells.Add(new Cell(t, false, key, own, rule[0], Form(false)));
                if (distinct) cells.Add(new Cell(t, true, key, other, rule[^1], Form(true)));
            }
        }
        return cells;
    }

    [Fact]
    public async Task Every_endpoint_and_page_handler_has_a_rule_and_every_rule_an_endpoint()
    {
        var targets = await EndpointListAsync();
        var keys = targets.Select(t => t.Key).ToHashSet();
        var missing = keys.Where(k => !Rules.ContainsKey(k)).Order().ToList();
        var stale = Rules.Keys.Where(k => !keys.Contains(k)).Order().ToList();
        // A rule that tells «own» from «other» must be on a route that has an «other» record to call.
        var idle = Cells(targets.Where(t => Rules.TryGetValue(t.Key, out var r) && r.Contains('|'))).GroupBy(c => c.Target.Key)
            .Where(g => !g.Any(c => c.Other)).Select(g => g.Key).ToList();
        var bad = Rules.Where(r => r.Value.Split('|') is var parts && (parts.Length > 2 || parts.Any(p => p.Any(c => !All.Contains(c))))).Select(r => r.Key).ToList();
        Assert.True(missing.Count + stale.Count + idle.Count + bad.Count == 0,
            $"Endpoints without a rule:\n  {string.Join("\n  ", missing)}\nRules without an endpoint:\n  {string.Join("\n  ", stale)}\n" +
            $"Rules with an «other» part on a route without other records:\n  {string.Join("\n  ", idle)}\nMalformed rules:\n  {string.Join("\n  ", bad)}");
    }

    [Fact]
    public async Task Every_endpoint_and_page_handler_answers_each_caller_on_own_and_other_records_as_its_rule_says()
    {
        var watch = Stopwatch.StartNew();
        var targets = (await EndpointListAsync()).Where(t => Rules.ContainsKey(t.Key)).ToList();
        var clients = new Dictionary<char, (HttpClient Api, HttpClient Page, string Antiforgery)>();
        foreach (var (key, email) in Callers)
        {
            var page = email is null ? fx.App.Anonymous() : await fx.App.SignedIn(email);
            // Any form's token serves every page of the same signed-in person: the layout's sign-out
            // form carries one, and the sign-in page for the anonymous caller.
            clients[key] = (email is null ? fx.App.Anonymous() : await fx.As(email), page, await page.AntiforgeryTokenAsync(email is null ? "/accedi" : "/"));
        }

        var failures = new ConcurrentBag<string>();
        var inconclusive = new ConcurrentBag<string>();
        int unexpected = 0, leaks = 0, allowed = 0, denied = 0;
        var cells = Cells(targets);
        // Reads first, then writes, then deletions, then signing out (it ends the callers' sessions).
        static int Phase(Cell c) => c.Target.Path == "/esci" ? 3
            : c.Target.Method == "DELETE" || c.Target.Handler == "Delete" || (c.Target.Writes && c.Target.Path.EndsWith("/elimina", StringComparison.Ordinal)) ? 2
            : c.Target.Writes ? 1 : 0;
        foreach (var phase in cells.GroupBy(Phase).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (cell, ct) =>
            {
                var (api, pageClient, antiforgery) = clients[cell.Caller];
                var t = cell.Target;
                using var request = new HttpRequestMessage(new HttpMethod(t.Method), t.Handler is null ? cell.Path : cell.Path + "?handler=" + t.Handler);
                if (t.IsPage && t.Writes)
                {
                    // A version that never matches: a change that passes authorization stops at the
                    // version check, so the matrix changes nothing it relies on.
                    request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("Version", "999999"),
                        new("Confirm", "true"), new("ConfirmDelete", "true"), .. cell.Form]);
                }
                else if (t.Writes)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", "\"999999\"");
                    request.Content = t.Method == "DELETE" ? null
                        : t.ContentType == "multipart/form-data" ? new MultipartFormDataContent { { new StringContent("annex"), "kind" } }
                        : new StringContent(t.ContentType is null ? "{}" : "", Encoding.UTF8, t.ContentType ?? "application/json");
                }
                using var response = await (t.IsPage ? pageClient : api).SendAsync(request, ct);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var denial = status is 401 or 403 or 404
                    || (status is 302 or 303 && (location.Contains("/accedi", StringComparison.Ordinal) || location.Contains("/accesso-negato", StringComparison.Ordinal)));
                var line = $"{cell.Caller} {(cell.Other ? "other" : "own")} {t.Key} → {status} {location}";
                if (status is >= 200 and < 300)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    foreach (var (marker, readers) in AuthorizationMatrixFixture.Markers)
                    {
                        if (!readers.Contains(cell.Caller) && body.Contains(marker, StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref leaks);
                            failures.Add($"LEAK of {marker}: {line}");
                        }
                    }
                }
                if (status >= 500)
                {
                    failures.Add("server error: " + line);
                }
                else if (cell.Expected.Contains(cell.Caller))
                {
                    Interlocked.Increment(ref allowed);
                    if (denial) failures.Add("allowed caller denied: " + line);
                    else if (t.IsPage && status == 400) failures.Add("page form refused (antiforgery?): " + line);
                }
                else
                {
                    Interlocked.Increment(ref denied);
                    if (denial) return;
                    if (!t.IsPage && status is 400 or 413 or 415 or 422 or 428)
                    {
                        inconclusive.Add(line);
                        return;
                    }
                    if (status is >= 200 and < 400) Interlocked.Increment(ref unexpected);
                    failures.Add((status is >= 200 and < 400 ? "UNEXPECTED SUCCESS: " : "passed authorization: ") + line);
                }
            });
        }
        var api = targets.Count(t => !t.IsPage);
        output.WriteLine($"{api} API endpoints, {targets.Count(t => t.IsPage && !t.Writes)} pages, {targets.Count(t => t.IsPage && t.Writes)} page handlers × " +
            $"{Callers.Length} callers × own/other records = {cells.Count} cells in {watch.Elapsed.TotalSeconds:F1} s: {allowed} allowed, {denied} denied, " +
            $"{unexpected} unexpected successes, {leaks} leaks, {inconclusive.Count} denials answered by validation before authorization");
        foreach (var i in inconclusive.Order()) output.WriteLine("  validation first: " + i);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order()));
    }
}
