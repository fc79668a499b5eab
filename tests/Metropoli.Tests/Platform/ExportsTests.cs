using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Metropoli.StrategicPlan.Model;
using Metropoli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Platform;

/// <summary>Issue 18, point 10 (ADR 0034): every list download in its three forms — the machine CSV at the existing
/// URL (BOM, <c>,</c>, English codes), <c>?formato=it</c> (BOM, <c>;</c>, decimal commas, Italian headers) and
/// <c>?formato=xlsx</c> (frozen header, column widths, full sheet name) — with a descriptive file name in
/// Content-Disposition, and HEAD answered with the same headers and no body.</summary>
[Trait("Database", "Sqlite")]
public sealed class ExportsTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>A list download: its URL (with {plan} for the plan with most actions), the machine header's first
    /// cell, the Italian one, the file name's start, the sheet title, and whether its rows carry decimals.</summary>
    public sealed record ListDownload(string Url, string Code, string Label, string FileStart, string Sheet, bool Decimals);

    private async Task<(long Id, string Name, int Start, int End)> PlanAsync() =>
        await fx.App.WithDb(async db =>
        {
            var id = await db.Set<PlanAction>().GroupBy(a => a.PlanId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var plan = await db.Set<Plan>().SingleAsync(p => p.Id == id);
            return (id, plan.Name, plan.StartYear, plan.EndYear);
        });

    private async Task<List<ListDownload>> DownloadsAsync()
    {
        var plan = await PlanAsync();
        return
        [
            new("/comuni/export.csv", "istat_code", "Codice ISTAT", "comuni-", "Comuni della Città metropolitana", false),
            new("/organizzazioni/export.csv?limit=200", "id", "Id", "organizzazioni-", "Organizzazioni", false),
            new($"/piano/{plan.Id}/azioni/export.csv", "plan", "Piano", $"azioni-piano-{plan.Start}-{plan.End}-", "Azioni " + plan.Name, true),
            new("/intese/export.csv", "id", "Id", "intese-", "Registro delle intese", true),
            new($"/piano/{plan.Id}/cruscotto?handler=indicatori", "code", "Codice", "indicatori-cruscotto-", "Indicatori " + plan.Name, false),
        ];
    }

    private static string With(string url, string format) => url + (url.Contains('?') ? "&" : "?") + "formato=" + format;

    private static void AssertDisposition(HttpResponseMessage response, string fileStart, string extension)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        var name = disposition.FileName?.Trim('"') ?? "";
        Assert.Matches("^[a-z0-9-]+\\." + extension + "$", name);
        Assert.StartsWith(fileStart, name);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    /// <summary>HEAD: 200, no body, the GET's type and disposition, and its length (a workbook is zipped anew on each
    /// request, so for XLSX only a length is required).</summary>
    private static async Task AssertHeadAsync(HttpClient client, string url, HttpResponseMessage get, byte[] body)
    {
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Content.Headers.ContentDisposition?.ToString(), head.Content.Headers.ContentDisposition?.ToString());
        if (get.Content.Headers.ContentType?.MediaType == "text/csv") Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        else Assert.True(head.Content.Headers.ContentLength > 0, $"HEAD {url}: no Content-Length");
    }

    [Fact]
    public async Task Machine_csv_keeps_its_url_header_and_separator_with_a_bom_a_descriptive_name_and_head()
    {
        var client = await fx.As(Demo.Admin);
        foreach (var d in await DownloadsAsync())
        {
            using var response = await client.GetAsync(d.Url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{d.Url}: {(int)response.StatusCode}");
            Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.True(body.AsSpan().StartsWith(Bom), $"{d.Url}: no UTF-8 BOM");
            var header = Encoding.UTF8.GetString(body).TrimStart('\uFEFF').Split("\r\n")[0];
            Assert.StartsWith(d.Code + ",", header);
            AssertDisposition(response, d.FileStart, "csv");
            Assert.Matches(@"-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
            await AssertHeadAsync(client, d.Url, response, body);
        }
    }

    [Fact]
    public async Task Italian_csv_has_a_bom_semicolons_decimal_commas_and_italian_headers()
    {
        var client = await fx.As(Demo.Admin);
        foreach (var d in await DownloadsAsync())
        {
            var url = With(d.Url, "it");
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(body.AsSpan().StartsWith(Bom), $"{url}: no UTF-8 BOM");
            var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
            var header = text.Split("\r\n")[0].Split(';');
            Assert.True(header.Length > 3, $"{url}: the header is not ;-separated: {header[0]}");
            Assert.Equal(d.Label, header[0]);
            Assert.DoesNotContain(header, h => h.Contains('_'));
            // The lists with amounts show them with decimal commas.
            if (d.Decimals) Assert.Matches(@"(^|;)-?\d+,\d+(;|\r\n)", text);
            Assert.DoesNotMatch(@"(^|;)\d{4}-\d{2}-\d{2}(;|\r\n)", text);
            AssertDisposition(response, d.FileStart, "csv");
            await AssertHeadAsync(client, url, response, body);
        }
    }

    [Fact]
    public async Task Xlsx_has_a_frozen_header_column_widths_and_the_full_sheet_name()
    {
        var client = await fx.As(Demo.Admin);
        foreach (var d in await DownloadsAsync())
        {
            var url = With(d.Url, "xlsx");
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            var (names, titles) = AssertWorkbook(body, url);
            AssertWordPrefix(d.Sheet, Assert.Single(names));
            Assert.Equal(d.Label, Assert.Single(titles));
            AssertDisposition(response, d.FileStart, "xlsx");
            await AssertHeadAsync(client, url, response, body);
        }
    }

    [Fact]
    public async Task Monitoring_report_files_are_named_after_the_campaign_sheets_are_not_cut_mid_word_and_answer_head()
    {
        var client = await fx.As(Demo.Admin);
        var (id, name) = await fx.App.WithDb(async db =>
        {
            var cid = await db.Set<CampaignActionSnapshot>().GroupBy(s => s.CampaignId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            return (cid, (await db.Set<MonitoringCampaign>().SingleAsync(c => c.Id == cid)).Name);
        });
        var slug = "rapporto-monitoraggio-" + Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');

        var xlsxUrl = $"/api/v1/monitoring-campaigns/{id}/report/xlsx";
        using var xlsx = await client.GetAsync(xlsxUrl);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        AssertDisposition(xlsx, slug, "xlsx");
        var (names, _) = AssertWorkbook(bytes, xlsxUrl);
        Assert.Contains(names, n => n.Length < 31 && n.StartsWith("Azioni dichiarate in ritardo", StringComparison.Ordinal));
        Assert.All(names, n => Assert.True(n.Length <= 31));
        Assert.Contains("Azioni dichiarate in ritardo o", names);
        await AssertHeadAsync(client, xlsxUrl, xlsx, bytes);

        var csvUrl = $"/api/v1/monitoring-campaigns/{id}/report/csv?table=azioni";
        using var csv = await client.GetAsync(csvUrl);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        AssertDisposition(csv, slug, "csv");
        Assert.True(csvBytes.AsSpan().StartsWith(Bom));
        await AssertHeadAsync(client, csvUrl, csv, csvBytes);

        using var it = await client.GetAsync(csvUrl + "&formato=it");
        var itText = Encoding.UTF8.GetString(await it.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.Contains(';', itText.Split("\r\n")[0]);
    }

    [Fact]
    public async Task Italian_files_show_status_labels_and_sector_names_while_the_machine_csv_keeps_the_codes()
    {
        var client = await fx.As(Demo.Admin);
        var plan = await PlanAsync();
        var sectorName = await fx.App.WithDb(db => db.Set<Metropoli.Platform.Sectors.Sector>().Where(x => x.Code == "ambiente").Select(x => x.NameIt).SingleAsync());
        var url = $"/piano/{plan.Id}/azioni/export.csv";
        var machine = Encoding.UTF8.GetString(await client.GetByteArrayAsync(url));
        var italian = Encoding.UTF8.GetString(await client.GetByteArrayAsync(url + "?formato=it"));
        Assert.Contains(",ambiente,", machine);
        Assert.Matches(",(on-track|not-started|at-risk|late|completed|suspended),", machine);
        Assert.Contains(";" + sectorName + ";", italian);
        Assert.DoesNotContain(";ambiente;", italian);
        Assert.DoesNotMatch(";(on-track|not-started|at-risk|late|completed|suspended);", italian);
        Assert.Matches(";(in linea|non avviata|a rischio|in ritardo|completata|sospesa);", italian);

        var register = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/intese/export.csv?formato=it"));
        Assert.DoesNotContain(";in-force;", register);
        Assert.Contains(";in vigore;", register);

        // The monitoring report names the sector, in the reader's language, never its code.
        var campaign = await fx.App.WithDb(db => db.Set<CampaignActionSnapshot>().Where(x => x.OwnerSector == "ambiente").Select(x => x.CampaignId).FirstAsync());
        var report = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/monitoring-campaigns/{campaign}/report/csv?table=azioni"));
        Assert.Contains(sectorName, report);
        Assert.DoesNotContain(",ambiente,", report);
    }

    /// <summary>Each sheet: header row frozen (pane split after row 1), widths set on every column; returns the
    /// sheet names and each sheet's first header cell.</summary>
    private static (List<string> Names, List<string> FirstHeaders) AssertWorkbook(byte[] bytes, string url)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var names = new List<string>();
        var headers = new List<string>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!.Value!);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var pane = part.Worksheet.Descendants<Pane>().SingleOrDefault();
            Assert.True(pane is not null, $"{url} «{sheet.Name}»: the header is not frozen");
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            var firstRow = part.Worksheet.Descendants<Row>().First().Elements<Cell>().ToList();
            var columns = part.Worksheet.Descendants<Column>().ToList();
            Assert.True(columns.Count == firstRow.Count && columns.All(c => c.CustomWidth?.Value == true && c.Width!.Value >= 8),
                $"{url} «{sheet.Name}»: column widths missing");
            headers.Add(firstRow[0].InnerText);
        }
        return (names, headers);
    }

    /// <summary>The sheet name is the title, or the title cut at a word boundary within 31 characters.</summary>
    private static void AssertWordPrefix(string title, string name)
    {
        Assert.True(name.Length <= 31, name);
        Assert.StartsWith(name, title);
        Assert.True(name.Length == title.Length || title[name.Length] == ' ', $"«{name}» cuts «{title}» mid-word");
    }
}
