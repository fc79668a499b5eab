using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Report;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Exports;
using Microsoft.Extensions.Options;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed record TaskResponse(TaskRow Task, string CampaignName, string CampaignStatus, DateOnly Deadline, int Year, string? Narrative,
    string? ReviewNote, DateTime? ReviewedAt, string? ReviewedBy, bool CanReport, bool CanReview);

/// <summary>One row of a report table: its cells in the order of the headers, as text (numbers with a dot,
/// dates as YYYY-MM-DD, null when empty) — the same values as the CSV, without its formula guard.</summary>
public sealed record ReportRowResponse(IReadOnlyList<string?> Cells);

public sealed record ReportTableResponse(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<ReportRowResponse> Rows);

public sealed record ReportResponse(CampaignRow Campaign, string PlanName, IReadOnlyList<ReportTableResponse> Tables);

/// <summary>Campaigns, tasks, timelines and the monitoring report over HTTP; the pages call the same handlers.</summary>
public static class CampaignsApi
{
    private const string Tag = "Piano strategico – monitoraggio";

    public static void MapCampaignsApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        api.MapGet("/plans/{id:long}/campaigns", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
                await CampaignQueries.ListAsync(db, user, id, ct) is { } rows
                    ? TypedResults.Ok(new Paged<CampaignRow>(rows, rows.Count, rows.Count, 0))
                    : OutcomeHttp.NotFound(PlanAccess.PlanNotFound))
            .AllowAnonymous().WithTags(Tag)
            .WithName("listPlanCampaigns").WithSummary("Le campagne di monitoraggio di un piano, con lo stato delle attività e, se chiuse, le cifre congelate.")
            .Produces<Paged<CampaignRow>>().ProducesProblem(404);
        api.MapPost("/plans/{id:long}/campaigns", async Task<IResult> (long id, OpenCampaignRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var (outcome, created) = await OpenCampaign.HandleAsync(db, user, clock, id, request, ct);
                var body = outcome is Outcome.Done ? await CampaignQueries.GetAsync(db, user, created, ct) : null;
                return OutcomeHttp.Created(outcome, context, $"/api/v1/monitoring-campaigns/{created}", body);
            })
            .RequireAuthorization(Policies.PlanOffice).WithTags(Tag)
            .WithName("openPlanCampaign").WithSummary("Apre una campagna di monitoraggio: un'attività per ogni azione non completata, notificata ai settori (ufficio di piano).")
            .Produces<CampaignDetail>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        var campaigns = api.MapGroup("/monitoring-campaigns").WithTags(Tag);
        campaigns.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var detail = await CampaignQueries.GetAsync(db, user, id, ct);
                if (detail is null) return OutcomeHttp.NotFound("Nessuna campagna con questo identificativo.");
                ETags.Set(context, detail.Campaign.Version);
                return TypedResults.Ok(detail);
            })
            .AllowAnonymous()
            .WithName("getMonitoringCampaign").WithSummary("Una campagna con le sue attività (visibili all'ufficio di piano e, per il proprio settore, ai referenti).")
            .Produces<CampaignDetail>().ProducesProblem(404);
        campaigns.MapPost("/{id:long}/close", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("la campagna");
                return OutcomeHttp.ToHttp(await CloseCampaign.HandleAsync(db, user, clock, id, version, ct), context);
            })
            .RequireAuthorization(Policies.PlanOffice)
            .WithName("closeMonitoringCampaign").WithSummary("Chiude la campagna e ne congela i dati (cruscotto e stato delle azioni), da cui si genera il rapporto. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(428);

        campaigns.MapGet("/{id:long}/report", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var (model, conflict) = await MonitoringReport.BuildAsync(db, user, id, ct);
                if (model is null) return ReportMissing(conflict);
                return TypedResults.Ok(new ReportResponse(model.Campaign, model.PlanName, MonitoringReport.Tables(model, s => s)
                    .Select(t => new ReportTableResponse(t.Key, t.Title, t.Headers, t.Rows.Select(r => new ReportRowResponse(r.Select(Text).ToList())).ToList())).ToList()));
            })
            .AllowAnonymous()
            .WithName("getMonitoringReport").WithSummary("Il rapporto di monitoraggio di una campagna chiusa: le tabelle con tutte le cifre.")
            .Produces<ReportResponse>().ProducesProblem(404).ProducesProblem(409);
        campaigns.MapGet("/{id:long}/report/csv", async Task<IResult> (long id, [Description("Tabella: sintesi, stato-azioni, aree, stato-indicatori, indicatori, ritardi, azioni.")] string? table,
                [Description("it: la variante per Excel in italiano (separatore ;, virgola decimale, date gg/mm/aaaa); assente: il CSV con la virgola.")] string? formato,
                ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var (model, conflict) = await MonitoringReport.BuildAsync(db, user, id, ct);
                if (model is null) return ReportMissing(conflict);
                var tables = MonitoringReport.Tables(model, s => s);
                var key = string.IsNullOrWhiteSpace(table) ? "azioni" : table.Trim();
                var chosen = tables.FirstOrDefault(t => t.Key == key);
                if (chosen is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["table"] = [$"Tabella sconosciuta. Valori ammessi: {string.Join(", ", tables.Select(t => t.Key))}."] });
                }
                var italian = string.Equals(formato?.Trim(), "it", StringComparison.OrdinalIgnoreCase);
                return Results.File(ReportFiles.Csv(chosen, italian), Downloads.CsvType, ReportFileName(model, chosen.Key + (italian ? "-it" : "")) + ".csv");
            })
            .AllowAnonymous()
            .WithName("getMonitoringReportCsv").WithSummary("Una tabella del rapporto in CSV (UTF-8 con BOM).")
            .Produces(200, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        campaigns.MapGet("/{id:long}/report/xlsx", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var (model, conflict) = await MonitoringReport.BuildAsync(db, user, id, ct);
                if (model is null) return ReportMissing(conflict);
                return Results.File(ReportFiles.Xlsx(MonitoringReport.Tables(model, s => s)),
                    Downloads.XlsxType, ReportFileName(model) + ".xlsx");
            })
            .AllowAnonymous()
            .WithName("getMonitoringReportXlsx").WithSummary("Tutte le tabelle del rapporto in un file XLSX, un foglio per tabella.")
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(404).ProducesProblem(409);
        campaigns.MapGet("/{id:long}/report/pdf", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, IOptions<ReportOptions> options, CancellationToken ct) =>
            {
                var (model, conflict) = await MonitoringReport.BuildAsync(db, user, id, ct);
                if (model is null) return ReportMissing(conflict);
                var (pdf, error) = await ReportFiles.PdfAsync(StandaloneHtml(model, s => s, CultureInfo.GetCultureInfo("it-IT"), null), options.Value, ct);
                return pdf is null
                    ? ReportFiles.PdfUnavailable.Result(error!)
                    : Results.File(pdf, "application/pdf", ReportFileName(model) + ".pdf");
            })
            .AllowAnonymous()
            .WithName("getMonitoringReportPdf").WithSummary("Il rapporto in PDF, stampato dal rapporto HTML (richiede Chromium sul server; altrimenti 503).")
            .Produces(200, contentType: "application/pdf").ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);

        var tasks = api.MapGroup("/campaign-tasks").WithTags(Tag).RequireAuthorization(Policies.Authenticated);
        tasks.MapGet("/mine", async (ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var rows = await CampaignQueries.MineAsync(db, user, ct);
                return TypedResults.Ok(new Paged<TaskRow>(rows, rows.Count, rows.Count, 0));
            })
            .WithName("listMyCampaignTasks").WithSummary("Le attività che aspettano l'utente: del suo settore da compilare, o per l'ufficio di piano da esaminare.")
            .Produces<Paged<TaskRow>>();
        tasks.MapGet("/{id:long}", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var t = await CampaignQueries.GetTaskAsync(db, user, id, ct);
                if (t is null) return OutcomeHttp.NotFound("Nessuna attività con questo identificativo.");
                ETags.Set(context, t.Task.Version);
                return TypedResults.Ok(new TaskResponse(t.Task, t.Campaign.Name, t.Campaign.Status, t.Campaign.Deadline, t.Campaign.Year, t.Narrative,
                    t.ReviewNote, t.ReviewedAt, t.ReviewedBy, t.CanReport, t.CanReview));
            })
            .WithName("getCampaignTask").WithSummary("Un'attività di una campagna (ufficio di piano; referente del settore responsabile).")
            .Produces<TaskResponse>().ProducesProblem(404);
        tasks.MapPut("/{id:long}/report", async Task<IResult> (long id, TaskReportRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("l'attività");
                return OutcomeHttp.ToHttp(await TaskWork.SubmitAsync(db, user, clock, id, version, request, ct), context);
            })
            .WithName("submitCampaignTask").WithSummary("Il settore invia l'aggiornamento: stato, avanzamento e stato di attuazione dell'azione. Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);
        tasks.MapPost("/{id:long}/review", async Task<IResult> (long id, TaskReviewRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpContext context, CancellationToken ct) =>
            {
                var version = ETags.FromIfMatch(context.Request);
                if (version is null) return OutcomeHttp.PreconditionRequired("l'attività");
                return OutcomeHttp.ToHttp(await TaskWork.ReviewAsync(db, user, clock, id, version, request, ct), context);
            })
            .WithName("reviewCampaignTask").WithSummary("L'ufficio di piano accetta l'aggiornamento (decision=accept) o lo restituisce con una nota (decision=return). Richiede If-Match.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(428);

        api.MapGet("/plan-actions/{id:long}/timeline", async Task<IResult> (long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
            {
                var planId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                    db.Set<Model.PlanAction>().Where(a => a.Id == id).Select(a => (long?)a.PlanId), ct);
                if (planId is null || await Structure.StructureRules.PlanStatusAsync(db, user, planId.Value, ct) is null)
                {
                    return OutcomeHttp.NotFound("Nessuna azione con questo identificativo.");
                }
                var points = await CampaignQueries.TimelineAsync(db, id, ct);
                return TypedResults.Ok(new Paged<TimelinePoint>(points, points.Count, points.Count, 0));
            })
            .AllowAnonymous().WithTags(Tag)
            .WithName("getPlanActionTimeline").WithSummary("L'avanzamento dell'azione alla chiusura di ogni campagna, comprese quelle dei piani da cui è stata riportata.")
            .Produces<Paged<TimelinePoint>>().ProducesProblem(404);
    }

    public static string StandaloneHtml(ReportModel model, Func<string, string> label, CultureInfo culture, string? nonce)
    {
        var tables = MonitoringReport.Tables(model, label, culture.TwoLetterISOLanguageName == "en");
        var charts = DashboardCharts.Build(model.Figures, label, "report");
        return ReportHtml.Document(model, tables, charts, label, culture, nonce);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>"rapporto-monitoraggio-campagna-2025[-azioni]": the report's files named after the campaign, not its id.</summary>
    private static string ReportFileName(ReportModel model, string? part = null) =>
        Downloads.FileName("rapporto-monitoraggio", model.Campaign.Name, model.Campaign.Name.Contains(model.Campaign.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? null : model.Campaign.Year.ToString(CultureInfo.InvariantCulture), part);

    private static IResult ReportMissing(string? conflict) => conflict is null
        ? OutcomeHttp.NotFound("Nessuna campagna con questo identificativo.")
        : OutcomeHttp.Refused(conflict);
}
