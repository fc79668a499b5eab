using Metropoli.StrategicPlan;
using Metropoli.StrategicPlan.Import;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Reading the structure file: RFC 4180 quoting, BOM, blank lines, and the physical line of each row.</summary>
public sealed class PlanImportParsingTests
{
    private const string Header = "area_code,area_title,objective_code,objective_title,action_code,action_title,owner_sector,start_date,end_date,budget,dup_mission,dup_programme,zones,municipalities";

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_physical_line()
    {
        var text = "\uFEFF" + Header + "\r\n"
            + "A1,\"Area, con virgola\",A1.1,Obiettivo,A1.1.1,\"Titolo \"\"citato\"\"\",ambiente,2025-01-01,2025-12-31,\"1.250,50\",09,09.02,nord-ovest,015182 015146\r\n"
            + "\r\n"
            + "A1,,A1.1,,A1.1.2,\"Titolo su\ndue righe\",ambiente,,,,,,,\r\n"
            + "A2,Seconda,A2.1,Ob,A2.1.1,Ultima,mobilita,,,,,,,\r\n";
        var (rows, errors) = ImportPlanStructure.Parse(text);
        Assert.Empty(errors);
        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal("Area, con virgola", rows[0].Get("area_title"));
        Assert.Equal("Titolo \"citato\"", rows[0].Get("action_title"));
        Assert.Equal("Titolo su\ndue righe", rows[1].Get("action_title"));
        Assert.Equal("015182 015146", rows[0].Get("municipalities"));
    }

    [Fact]
    public void A_header_with_unknown_or_missing_columns_is_reported_on_line_1()
    {
        var (rows, errors) = ImportPlanStructure.Parse("area_code,colonna_strana\nA1,x\n");
        Assert.Empty(rows);
        Assert.All(errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(errors, e => e.Message.Contains("colonna_strana", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("action_code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_with_its_line()
    {
        var (rows, errors) = ImportPlanStructure.Parse(Header + "\nA1,T,A1.1,O,A1.1.1,Azione,ambiente,,,,,,,\nA1,T\n");
        Assert.Single(rows);
        Assert.Equal(3, Assert.Single(errors).Line);
    }

    [Fact]
    public void An_empty_file_and_a_header_alone_are_errors()
    {
        Assert.NotEmpty(ImportPlanStructure.Parse("").Errors);
        Assert.NotEmpty(ImportPlanStructure.Parse(Header + "\n").Errors);
    }

    [Theory]
    [InlineData("1250000", 1250000)]
    [InlineData("1.250.000,50", 1250000.50)]
    [InlineData("1250000,5", 1250000.5)]
    [InlineData("€ 1.250", 1250)]
    [InlineData("0,99", 0.99)]
    public void Amounts_are_read_in_the_shapes_people_write(string text, double expected)
    {
        Assert.True(Formats.TryParseEuro(text, NumberStyle.Italian, out var amount, out _));
        Assert.Equal((decimal)expected, amount);
    }

    [Fact]
    public void A_file_that_declares_no_format_reads_a_lone_decimal_point_and_refuses_a_lone_group()
    {
        Assert.True(Formats.TryParseEuro("1250000.5", NumberStyle.Undeclared, out var amount, out _));
        Assert.Equal(1250000.5m, amount);
        Assert.False(Formats.TryParseEuro("€ 1.250", NumberStyle.Undeclared, out _, out var error));
        Assert.Contains("1,25", error!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("dieci")]
    [InlineData("1,2,3")]
    public void Other_amounts_are_refused(string text) => Assert.False(Formats.TryParseEuro(text, NumberStyle.Italian, out _, out _));

    [Fact]
    public void A_file_that_is_not_utf8_is_refused() =>
        Assert.False(Metropoli.Platform.Api.CsvUpload.TryDecode([0x41, 0x74, 0x74, 0x69, 0x76, 0x69, 0x74, 0xE0, 0x2C], out _));
}
