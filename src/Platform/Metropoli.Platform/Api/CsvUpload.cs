using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Metropoli.Platform.Api;

/// <summary>One non-blank record of an uploaded CSV, with the physical line where it starts (the header
/// is line 1), so quoted fields with line breaks do not shift the numbers reported to the user.</summary>
public sealed record CsvRecord(int Line, string[] Fields, bool Malformed);

/// <summary>A problem of the file as a whole, with the physical line where it shows.</summary>
public sealed record CsvFileError(int Line, string Message);

/// <summary>What every all-or-nothing CSV import shares: strict UTF-8 decoding, RFC 4180 reading with
/// exact line numbers, and the messages for the structural errors.</summary>
public static partial class CsvUpload
{
    public const string NotUtf8 = "Il file non è in UTF-8. Salvalo come «CSV UTF-8 (delimitato da virgole)» e riprova.";
    public const string BadQuotes = "Virgolette non corrette: un campo che contiene virgolette va racchiuso tra virgolette e le virgolette interne vanno raddoppiate.";
    public const string Empty = "Il file è vuoto: serve almeno la riga di intestazione e una riga di dati.";
    public const string HeaderOnly = "Il file contiene solo l'intestazione: non c'è nulla da importare.";

    public const string NulCharacter = "Il file contiene un carattere nullo (NUL): probabilmente non è un file di testo o è danneggiato. Salvalo di nuovo come «CSV UTF-8 (delimitato da virgole)».";
    public const string Semicolons = "Le colonne sono separate da punti e virgola (;): servono le virgole. In Excel salva il file come «CSV UTF-8 (delimitato da virgole)».";

    public static string WrongFieldCount(int fields, int header) => $"La riga ha {fields} campi invece di {header}, come l'intestazione.";

    public static string TooManyRows(int max) => $"Il file contiene più di {max} righe: dividilo in più file.";

    /// <summary>Strict UTF-8 (an optional BOM is dropped): a file saved as Windows-1252 would otherwise
    /// turn "Università" into mojibake without any error.</summary>
    public static bool TryDecode(byte[] content, out string text)
    {
        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Decodes the upload and checks what makes the whole file unreadable, naming the line where it
    /// shows: bytes that are not UTF-8 (a file saved as Windows-1252), a NUL character (a binary file; no
    /// database column can hold it), a header separated by semicolons (Excel's "CSV" in Italian settings).</summary>
    public static CsvFileError? Decode(byte[] content, out string text)
    {
        if (!TryDecode(content, out text))
        {
            return new CsvFileError(FirstInvalidUtf8Line(content), NotUtf8);
        }
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            return new CsvFileError(LineAt(text, nul), NulCharacter);
        }
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = text.IndexOfAny(['\r', '\n'], start);
        var header = text[start..(end < 0 ? text.Length : end)];
        if (header.Contains(';', StringComparison.Ordinal) && !header.Contains(',', StringComparison.Ordinal))
        {
            return new CsvFileError(LineAt(text, start), Semicolons);
        }
        return null;
    }

    private static int LineAt(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static int FirstInvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        while (!bytes.IsEmpty && Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
        {
            if (rune.Value == '\n') line++;
            bytes = bytes[consumed..];
        }
        return line;
    }

    /// <summary>The non-blank records (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    public static IEnumerable<CsvRecord> Records(string text)
    {
        var badData = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = ",",
            // Blank lines are read (and skipped below) so that the physical line count stays exact.
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            BadDataFound = _ => badData = true,
            MissingFieldFound = null,
        };
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        using var csv = new CsvReader(reader, config);
        var previousLastLine = 0;
        while (csv.Read())
        {
            var line = previousLastLine + 1;
            previousLastLine = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            var malformed = badData;
            badData = false;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return new CsvRecord(line, record, malformed);
        }
    }
}
