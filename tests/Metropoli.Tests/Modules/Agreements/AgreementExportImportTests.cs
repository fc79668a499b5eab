using System.Net;
using System.Text;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Modules.Agreements;

/// <summary>The register's downloads open in a spreadsheet (UTF-8 with BOM, formulas neutralised), and
/// the CSV import is all or nothing with every error on its line.</summary>
// On PostgreSQL too: the all-or-nothing import is one transaction.
[Trait("Database", "Both")]
public sealed class AgreementExportImportTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private const string Header = "number,title,type,status,approval_act_body,approval_act_number,approval_act_date,signature_date,effective_date,expiry_date,themes,zones,parties";

    [Fact]
    public async Task The_csv_has_a_bom_iso_dates_and_neutralised_formulas_and_no_drafts()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, _, _) = await InForceAsync(fx.App, office, Demo.Rho);
        var url = $"/api/v1/agreements/{id}";
        await (await office.PutJson(url, new { title = "=HYPERLINK(\"http://x\";\"clic\") Città", type = "protocol", effectiveDate = "2025-02-01" }, await ETagAsync(office, url)))
            .ShouldBe(HttpStatusCode.NoContent);
        await CreateAsync(office); // a draft, never exported to the public

        var response = await fx.App.Anonymous().GetAsync("/intese/export.csv?limit=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,number,title,type,status", lines[0], StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith(id + ",", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\") Città\"", row, StringComparison.Ordinal);
        Assert.Contains(",2025-02-01,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",proposal,", text, StringComparison.Ordinal);

        var json = await fx.App.Anonymous().GetJson("/intese/export.json");
        Assert.Equal(json.GetProperty("total").GetInt32(), json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_import_with_one_bad_row_adds_nothing_and_reports_every_error_with_its_line()
    {
        var office = await fx.As(Demo.PlanOffice);
        var n = Guid.NewGuid().ToString("N")[..8];
        var csv = Header + "\n"
            + $"IMP-{n}-1,Intesa importata uno {n},protocol,in-force,Consiglio metropolitano,3/2024,2024-01-10,2024-01-20,2024-02-01,2030-12-31,qualita-aria,nord-ovest,\"08911820960=promoter; Comune di Rho=signatory\"\n"
            + $"IMP-{n}-1,Intesa ripetuta {n},protocol,,,,,,,,,,Comune di Rho\n"
            + $"IMP-{n}-3,Intesa tre {n},trattato,signed,,,,,,,temi-ignoti,,Ente inesistente=signatory\n";
        var problem = await (await office.PostCsv("/api/v1/agreements/import", csv)).ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "number"), errors);
        Assert.Contains((4, "type"), errors);
        Assert.Contains((4, "themes"), errors);
        Assert.Contains((4, "parties"), errors);
        Assert.Contains((4, "approval_act_body"), errors);
        Assert.DoesNotContain(errors, e => e.Line == 2);
        var none = await office.GetJson($"/api/v1/agreements?q=IMP-{n}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());

        var good = Header + "\n"
            + $"IMP-{n}-1,Intesa importata uno {n},protocol,in-force,Consiglio metropolitano,3/2024,2024-01-10,2024-01-20,2024-02-01,2030-12-31,qualita-aria,nord-ovest,\"08911820960=promoter; Comune di Rho=signatory\"\n"
            + $"IMP-{n}-2,Intesa importata due {n},pact,,,,,,,,,,Comune di Rho\n";
        var imported = await (await office.PostCsv("/api/v1/agreements/import", good)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, imported.GetProperty("agreements").GetInt32());
        Assert.Equal(3, imported.GetProperty("parties").GetInt32());
        var list = await fx.App.Anonymous().GetJson($"/api/v1/agreements?q=IMP-{n}");
        Assert.Equal(1, list.GetProperty("total").GetInt32()); // the proposal is not public
        await (await office.PostCsv("/api/v1/agreements/import", good, "application/json")).ShouldBeProblem(415);
        await (await (await fx.As(Demo.Sector)).PostCsv("/api/v1/agreements/import", good)).ShouldBeProblem(403);
    }
}
