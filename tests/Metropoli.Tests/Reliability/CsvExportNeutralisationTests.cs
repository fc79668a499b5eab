using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Metropoli.Tests.Infrastructure;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Reliability;

/// <summary>CSV injection on the way out: for every CSV export of the app (found from the endpoints and
/// the page handlers, so a new one fails here until it is listed), text fields the export includes are
/// set straight in the database to values a spreadsheet would run (= + - @ tab CR), the file is
/// downloaded, and every such value must come back as text with a leading apostrophe; no cell of any
/// export may start with a formula character unless it is a number. The XLSX report must hold no formula.</summary>
public sealed class CsvExportNeutralisationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly string[] Leads = ["=", "+", "-", "@", "\t", "\r"];

    private static string[] Payloads(string tag) => [.. Leads.Select((lead, i) => $"{lead}{(lead.Length == 1 && char.IsWhiteSpace(lead[0]) ? "=" : "")}1+1 {tag}{i}")];

    /// <summary>An export: how to put the payloads in rows it includes (returns the URLs to download).</summary>
    private sealed record CsvExport(string Key, Func<AppDbContext, string[], Task<string[]>> Store);

    /// <summary>Puts payload i in row i (or, with fewer rows than payloads, in the next field of the rows).</summary>
    private static async Task Assign<T>(AppDbContext db, IQueryable<T> rows, string[] payloads, params Action<T, string>[] fields) where T : class
    {
        var needed = (payloads.Length + fields.Length - 1) / fields.Length;
        var list = await rows.Take(payloads.Length).ToListAsync();
        Assert.True(list.Count >= needed, $"only {list.Count} {typeof(T).Name} rows to carry {payloads.Length} payloads in {fields.Length} fields");
        for (var i = 0; i < payloads.Length; i++) fields[i / list.Count](list[i % list.Count], payloads[i]);
        await db.SaveChangesAsync();
    }

    private static readonly CsvExport[] Exports =
    [
        new("GET /comuni/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Municipality>().OrderBy(m => m.IstatCode), p, (m, v) => m.Name = v);
            return ["/comuni/export.csv"];
        }),
        new("GET /organizzazioni/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Organisation>().OrderBy(o => o.Id), p, (o, v) => o.Name = v);
            return ["/organizzazioni/export.csv?limit=200"];
        }),
        new("GET /piano/{id}/azioni/export.csv", async (db, p) =>
        {
            var plan = await db.Set<PlanAction>().GroupBy(a => a.PlanId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await Assign(db, db.Set<PlanAction>().Where(a => a.PlanId == plan).OrderBy(a => a.Id), p, (a, v) => a.Title = v);
            return [$"/piano/{plan}/azioni/export.csv"];
        }),
        new("GET /piano/in-vigore/azioni.csv", async (db, p) =>
        {
            var plan = (await Metropoli.StrategicPlan.Desk.PlanDesk.CurrentPlanAsync(db, default))!.Value.Id;
            await Assign(db, db.Set<PlanAction>().Where(a => a.PlanId == plan).OrderByDescending(a => a.Id), p, (a, v) => a.Title = v);
            return ["/piano/in-vigore/azioni.csv"];
        }),
        new("GET /intese/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Agreement>().OrderBy(a => a.Id), p, (a, v) => a.Title = v);
            return ["/intese/export.csv"];
        }),
        new("GET /api/v1/monitoring-campaigns/{id}/report/csv", async (db, p) =>
        {
            var campaign = await db.Set<CampaignActionSnapshot>().GroupBy(s => s.CampaignId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await Assign(db, db.Set<CampaignActionSnapshot>().Where(s => s.CampaignId == campaign).OrderBy(s => s.ActionId), p, (s, v) => s.Title = v);
            return [.. new[] { "sintesi", "stato-azioni", "aree", "stato-indicatori", "indicatori", "ritardi", "azioni" }
                .Select(t => $"/api/v1/monitoring-campaigns/{campaign}/report/csv?table={t}")];
        }),
        new("GET /finanziamenti/bandi/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Funding.Model.FundingCall>().OrderBy(c => c.Id), p, (c, v) => c.Title = v);
            return ["/finanziamenti/bandi/export.csv"];
        }),
        new("GET /finanziamenti/spesa/export.csv", async (db, p) =>
        {
            var cups = await db.Set<Metropoli.Funding.Model.FundingProject>().OrderBy(x => x.Cup).Select(x => x.Cup).Take(p.Length).ToListAsync();
            db.AddRange(cups.Select(cup => new Metropoli.Funding.Model.FundingExpenditure
            {
                Cup = cup, Amount = 1, PaidOn = new DateOnly(2026, 1, 15), Description = "Spesa", FileName = "f.pdf", StoredName = "f", ContentType = "application/pdf",
                Sha256 = new string('0', 64), Status = Metropoli.Funding.Model.ReportStatuses.Validated, EnteredAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
            await Assign(db, db.Set<Metropoli.Funding.Model.FundingProject>().OrderBy(x => x.Cup), p, (x, v) => x.Title = v);
            return ["/finanziamenti/spesa/export.csv"];
        }),
        new("GET /finanziamenti/comuni-inattivi/export.csv", async (db, p) =>
        {
            // The small Comuni's names and the titles of the calls open to them (the demo's small-Comuni call admits them all).
            await Assign(db, db.Set<Municipality>().Where(m => m.Population > 0 && m.Population < 5000).OrderBy(m => m.IstatCode), p, (m, v) => m.Name = v);
            return ["/finanziamenti/comuni-inattivi/export.csv?mesi=36"];
        }),
        new("GET /finanziamenti/progetti/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Funding.Model.FundingProject>().OrderBy(x => x.Cup), p, (x, v) => x.Title = v);
            return ["/finanziamenti/progetti/export.csv"];
        }),
        new("GET /casa-dei-comuni/procedure/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Services.Model.Procurement>().OrderBy(x => x.Id), p, (x, v) => x.Object = v, (x, v) => x.Cigs = v, (x, v) => x.Cup = v);
            return ["/casa-dei-comuni/procedure/export.csv"];
        }),
        new("GET /casa-dei-comuni/concorsi/export.csv", async (db, p) =>
        {
            var first = await db.Set<Metropoli.Services.Model.Competition>().OrderBy(x => x.Id).FirstAsync();
            db.Add(new Metropoli.Services.Model.Competition { ServiceId = first.ServiceId, Title = "Seconda", Profile = "Secondo", Area = first.Area, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await Assign(db, db.Set<Metropoli.Services.Model.Competition>().OrderBy(x => x.Id), p, (x, v) => x.Title = v, (x, v) => x.Profile = v, (x, v) => x.NoticeReference = v);
            return ["/casa-dei-comuni/concorsi/export.csv"];
        }),
        new("GET /atti-tipo/export.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Knowledge.Model.StandardAct>().OrderBy(x => x.Id), p, (x, v) => x.Title = v, (x, v) => x.Kind = v, (x, v) => x.Theme = v);
            return ["/atti-tipo/export.csv"];
        }),
        new("GET /atti-tipo/adozioni.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Knowledge.Model.Adoption>().OrderBy(x => x.Id), p, (x, v) => x.ActNumber = v, (x, v) => x.Link = v);
            return ["/atti-tipo/adozioni.csv"];
        }),
        new("GET /partecipazione/organismi.csv", async (db, p) =>
        {
            await Assign(db, db.Set<Metropoli.Participation.Model.Body>().OrderBy(x => x.Id), p, (x, v) => x.Name = v);
            return ["/partecipazione/organismi.csv"];
        }),
        new("GET /partecipazione/membri.csv", async (db, p) =>
        {
            var members = db.Set<Metropoli.Participation.Model.BodyMember>();
            await Assign(db, db.Set<Metropoli.Participation.Model.Body>().Where(b => members.Any(m => m.BodyId == b.Id)).OrderBy(x => x.Id), p,
                (x, v) => x.Name = v, (x, v) => x.Description = v);
            await Assign(db, db.Set<Organisation>().Where(o => members.Any(m => m.OrganisationId == o.Id)).OrderBy(o => o.Id), p, (o, v) => o.Name = v);
            return ["/partecipazione/membri.csv"];
        }),
        new("GET /partecipazione/riunioni.csv", async (db, p) =>
        {
            // The demo has one meeting: two more like it, so that each payload has a cell.
            var meetings = db.Set<Metropoli.Participation.Model.Meeting>();
            var first = await meetings.OrderBy(x => x.Id).AsNoTracking().FirstAsync();
            for (var i = 0; i < 2; i++)
            {
                meetings.Add(new Metropoli.Participation.Model.Meeting
                {
                    BodyId = first.BodyId, Title = first.Title, StartsAt = first.StartsAt.AddDays(i + 1), EndsAt = first.EndsAt.AddDays(i + 1),
                    Agenda = first.Agenda, ConvenedBy = first.ConvenedBy, CreatedAt = first.CreatedAt, UpdatedAt = first.UpdatedAt,
                });
            }
            await db.SaveChangesAsync();
            await Assign(db, meetings.OrderBy(x => x.Id), p, (x, v) => x.Title = v, (x, v) => x.Place = v, (x, v) => x.Link = v);
            return ["/partecipazione/riunioni.csv"];
        }),
        new("GET /partecipazione/proposte.csv", async (db, p) =>
        {
            await Assign(db, VisibleProposals(db), p, (x, v) => x.Title = v, (x, v) => x.AnswerReason = v, (x, v) => x.Text = v);
            return ["/partecipazione/proposte.csv"];
        }),
        new("GET /partecipazione/consultazioni/{id}/resoconto.csv", async (db, p) =>
        {
            var consultation = await BusiestConsultation(db);
            await Assign(db, VisibleProposals(db).Where(x => x.ConsultationId == consultation), p, (x, v) => x.Title = v, (x, v) => x.AnswerReason = v, (x, v) => x.Text = v);
            return [$"/partecipazione/consultazioni/{consultation}/resoconto.csv"];
        }),
        new("GET /api/v1/consultations/{id}/report", async (db, p) =>
        {
            var consultation = await BusiestConsultation(db);
            await Assign(db, VisibleProposals(db).Where(x => x.ConsultationId == consultation), p, (x, v) => x.Title = v, (x, v) => x.AnswerReason = v, (x, v) => x.Text = v);
            return [$"/api/v1/consultations/{consultation}/report"];
        }),
        new("Metropoli.StrategicPlan.Dashboard.IndexModel?handler=Indicatori", async (db, p) =>
        {
            var plan = await db.Set<Indicator>().GroupBy(i => i.PlanId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await Assign(db, db.Set<Indicator>().Where(i => i.PlanId == plan).OrderBy(i => i.Id), p, (i, v) => i.Name = v, (i, v) => i.Unit = v);
            return [$"/piano/{plan}/cruscotto?handler=indicatori"];
        }),
    ];

    private static IQueryable<Metropoli.Participation.Model.Proposal> VisibleProposals(AppDbContext db) =>
        db.Set<Metropoli.Participation.Model.Proposal>().Where(x => !x.IsHidden && !x.IsWithdrawn).OrderBy(x => x.Id);

    private static Task<long> BusiestConsultation(AppDbContext db) =>
        VisibleProposals(db).GroupBy(x => x.ConsultationId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();

    private static string Normalise(string raw) => Regex.Replace("/" + raw.Trim('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}");

    /// <summary>The CSV exports the app has: routes ending in .csv or declaring text/csv, and named GET page handlers.</summary>
    private List<string> DiscoveredExports()
    {
        var routes = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.ContentTypes.Any(c => c.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)))))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => m + " " + Normalise(e.RoutePattern.RawText!)));
        // Named page handlers (?handler=…) are the pages' downloads; every one is listed here until it is classified.
        var handlers = AppAssemblies.Types.Where(t => typeof(PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name is not ("OnGet" or "OnGetAsync"))
                .Select(m => Regex.Match(m.Name, "^OnGet([A-Z][A-Za-z0-9]*?)(Async)?$")).Where(m => m.Success)
                .Select(m => $"{t.FullName}?handler={m.Groups[1].Value}"));
        return [.. routes.Concat(handlers).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_csv_export_and_page_download_of_the_app_is_checked()
    {
        var discovered = DiscoveredExports();
        Assert.True(discovered.Count >= 5, "the export discovery found almost nothing: it is broken");
        Assert.Equal(discovered, Exports.Select(e => e.Key).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Every_export_neutralises_formula_cells_in_text_fields()
    {
        var admin = await fx.As(Demo.Admin);
        var failures = new List<string>();
        var checkedCells = 0;
        for (var k = 0; k < Exports.Length; k++)
        {
            var export = Exports[k];
            var payloads = Payloads("X" + k + "-");
            var urls = await fx.App.WithDb(db => export.Store(db, payloads));
            var cells = new List<string>();
            foreach (var url in urls)
            {
                using var response = await admin.GetAsync(url);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(300, bytes.Length)))}");
                Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.MediaType);
                foreach (var row in CsvText.Parse(bytes))
                {
                    foreach (var cell in row)
                    {
                        cells.Add(cell);
                        if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) && !decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        {
                            failures.Add($"{url}: the cell «{Escape(cell)}» would run as a formula");
                        }
                    }
                }
            }
            checkedCells += cells.Count;
            foreach (var p in payloads.Where(p => !cells.Contains("'" + p)))
            {
                failures.Add($"{export.Key}: «{Escape(p)}» is not in the file as «'{Escape(p)}»");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCells > 1000, $"only {checkedCells} cells read");
    }

    [Fact]
    public async Task The_xlsx_report_writes_formula_text_as_strings_never_as_formulas()
    {
        var payloads = Payloads("XLSX-");
        var campaign = await fx.App.WithDb(async db =>
        {
            var id = await db.Set<CampaignActionSnapshot>().GroupBy(s => s.CampaignId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            await Assign(db, db.Set<CampaignActionSnapshot>().Where(s => s.CampaignId == id).OrderByDescending(s => s.ActionId), payloads, (s, v) => s.Title = v);
            return id;
        });
        using var response = await (await fx.As(Demo.Admin)).GetAsync($"/api/v1/monitoring-campaigns/{campaign}/report/xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = SpreadsheetDocument.Open(stream, false);
        var cells = doc.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<Cell>()).ToList();
        Assert.NotEmpty(cells);
        Assert.Empty(doc.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<CellFormula>()));
        var texts = cells.Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText).ToHashSet(StringComparer.Ordinal);
        // XML turns a lone CR into LF when read back; the text is the same cell either way.
        Assert.All(payloads, p => Assert.True(texts.Contains(p) || texts.Contains(p.Replace('\r', '\n')), $"«{Escape(p)}» is not an inline string of the workbook"));
    }

    private static string Escape(string s) => s.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
