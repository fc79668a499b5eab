using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Metropoli.Platform.Exports;

/// <summary>A sheet: its title (the sheet name, shortened at a word boundary), the header and the rows.</summary>
public sealed record XlsxSheet(string Title, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>The one XLSX writer: bold header row frozen, column widths from the content, numbers as numbers,
/// text as inline strings (never evaluated as formulas), sheet names of at most 31 characters cut at a word.</summary>
public static class Xlsx
{
    public const int MaxSheetName = 31;

    public static byte[] Workbook(IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = workbook.Workbook.AppendChild(new Sheets());
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var rows = sheet.Rows.ToList();
                var widths = sheet.Headers.Select(h => (double)h.Length).ToArray();
                var data = new SheetData();
                data.AppendChild(Row([.. sheet.Headers], header: true, widths));
                foreach (var row in rows) data.AppendChild(Row(row, header: false, widths));
                var columns = new Columns(widths.Select((w, i) => new Column
                {
                    Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(w + 2, 8, 60), CustomWidth = true,
                }));
                var view = new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                    { WorkbookViewId = 0 });
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(view, columns, data);
                var name = Unique(SheetName(sheet.Title), used);
                list.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A valid sheet name: characters Excel refuses become spaces, and a title longer than 31 characters
    /// is cut at the last word boundary that fits (never mid-word).</summary>
    public static string SheetName(string title)
    {
        var clean = string.Join(' ', new string([.. title.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch)])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('\'');
        if (clean.Length == 0) return "Foglio";
        if (clean.Length <= MaxSheetName) return clean;
        var cut = clean.LastIndexOf(' ', MaxSheetName);
        var shortened = (cut > 0 ? clean[..cut] : clean[..MaxSheetName]).TrimEnd(' ', ',', ';', '—', '-', '–', '(');
        return shortened.Length == 0 ? clean[..MaxSheetName] : shortened;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
            candidate = (name.Length + suffix.Length > MaxSheetName ? name[..(MaxSheetName - suffix.Length)].TrimEnd() : name) + suffix;
        }
        return candidate;
    }

    private static Row Row(IReadOnlyList<object?> cells, bool header, double[] widths)
    {
        var row = new Row();
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            var (cell, text) = value switch
            {
                int n => (new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) }, n.ToString(CultureInfo.InvariantCulture)),
                long n => (new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) }, n.ToString(CultureInfo.InvariantCulture)),
                decimal d => (new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) }, d.ToString(CultureInfo.InvariantCulture)),
                double d => (new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) }, d.ToString(CultureInfo.InvariantCulture)),
                null => (new Cell(), ""),
                _ => Text(value switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    bool b => b ? "sì" : "no",
                    _ => value.ToString() ?? "",
                }),
            };
            if (header) cell.StyleIndex = 1;
            if (i < widths.Length) widths[i] = Math.Max(widths[i], text.Length);
            row.AppendChild(cell);
        }
        return row;
    }

    // Inline strings are never evaluated as formulas, so "=cmd|…" stays text.
    private static (Cell, string) Text(string s) =>
        (new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) }, s);

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
