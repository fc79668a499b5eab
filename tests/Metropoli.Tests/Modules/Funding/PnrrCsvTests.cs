using Metropoli.Funding.Import;

namespace Metropoli.Tests.Modules.Funding;

/// <summary>The portal's files as they are: BOM, semicolons, trailing spaces in names, Italian numbers, N/D, quoted
/// fields over several lines; and the all-or-nothing check with file, line and column.</summary>
public sealed class PnrrCsvTests
{
    private static readonly HashSet<string> Known = ["015182", "015146"];

    private const string ProjectsHeader = "\uFEFFProgramma;Missione;CUP ;Titolo progetto ;FINANZIAMENTO _UE;FINANZIAMENTO_PNRR;FINANZ_TOTALE \n";

    [Fact]
    public void Italian_numbers_missing_values_and_dates_are_read()
    {
        Assert.True(PnrrCsv.TryAmount("114.000.000", out var a));
        Assert.Equal(114_000_000m, a);
        Assert.True(PnrrCsv.TryAmount("1.234,56", out var b));
        Assert.Equal(1234.56m, b);
        Assert.True(PnrrCsv.TryAmount("N/D", out var nd));
        Assert.Null(nd);
        Assert.True(PnrrCsv.TryAmount("N/A", out _));
        Assert.False(PnrrCsv.TryAmount("mille", out _));
        Assert.True(PnrrCsv.TryDate("20/6/2022", out var d));
        Assert.Equal(new DateOnly(2022, 6, 20), d);
        Assert.False(PnrrCsv.TryDate("2022-13-01", out _));
    }

    [Fact]
    public void Header_names_are_trimmed_and_quoted_fields_keep_their_lines()
    {
        var (header, rows, errors) = PnrrCsv.Read(ProjectsHeader + "PNRR;M1;E81B21010100006;\"Titolo su\ndue righe\";N/D;150.000;150.000\nPNRR;M1;E41B21011710006;Altro;N/D;1.000;1.000\n");
        Assert.Empty(errors);
        Assert.Contains("CUP", header);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Titolo su\ndue righe", rows[0]["Titolo progetto"]);
        Assert.Equal(4, rows[1].Line); // the first record spans lines 2 and 3
    }

    [Fact]
    public void Bad_rows_are_reported_with_file_line_and_column_and_nothing_is_kept()
    {
        var projects = ProjectsHeader
            + "PNRR;M1;E81B21010100006;Buono;N/D;150.000;150.000\n"
            + "PNRR;M1;NONVALIDO;Cup errato;N/D;1;1\n"
            + "PNRR;M1;E41B21011710006;Non torna;100;150.000;999\n"
            + "PNRR;M1;E81B21010100006;Ripetuto;N/D;1;1\n";
        var places = "\uFEFFCodice Univoco submisura;CUP ;Provincia;Comune;Descrizione Comune\nX;E81B21010100006;015;999;NESSUNO\n";
        var (_, errors) = PnrrImport.Parse(new PnrrFiles(projects, places, null, null), Known);
        Assert.Contains(errors, e => e.File == PnrrImport.ProjectsFile && e.Line == 3 && e.Column == "CUP");
        Assert.Contains(errors, e => e.File == PnrrImport.ProjectsFile && e.Line == 4 && e.Column == "FINANZ_TOTALE");
        Assert.Contains(errors, e => e.File == PnrrImport.ProjectsFile && e.Line == 5 && e.Column == "CUP");
        Assert.Contains(errors, e => e.File == PnrrImport.LocalisationFile && e.Line == 2 && e.Column == "Comune");
        Assert.DoesNotContain(errors, e => e.Line == 2 && e.File == PnrrImport.ProjectsFile);
    }

    [Fact]
    public void The_shipped_portal_files_read_without_errors()
    {
        using var stream = typeof(Metropoli.Territory.TerritoryModule).Assembly.GetManifestResourceStream("Metropoli.Territory.comuni-mi.csv")!;
        using var reader = new StreamReader(stream);
        var comuni = reader.ReadToEnd().Split('\n').Skip(1).Where(l => l.Length > 6).Select(l => l[..6]).ToHashSet();
        Assert.Equal(133, comuni.Count);
        var (data, errors) = PnrrImport.Parse(PnrrImport.Embedded(), comuni);
        Assert.Empty(errors);
        Assert.Equal(494, data.Projects.Count);
        Assert.Equal(65, data.Projects.SelectMany(p => p.Comuni).Distinct().Count());
        Assert.Equal(245, data.Calls.Count); // 328 physical lines: some quoted fields span several lines
        Assert.All(data.Projects, p => Assert.Equal(p.Project.TotalCost, p.Lines.Sum(l => l.Amount)));
    }
}
