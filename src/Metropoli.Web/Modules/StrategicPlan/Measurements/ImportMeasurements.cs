using System.Globalization;
using System.Security.Claims;
using Metropoli.Web.Modules.StrategicPlan.Indicators;
using Metropoli.Web.Modules.StrategicPlan.Model;
using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Web.Modules.StrategicPlan.Measurements;

/// <summary>One problem of an import: the physical line where the row starts (null for the whole file),
/// the CSV column, and what is wrong.</summary>
public sealed record MeasurementImportError(int? Line, string? Column, string Message);

public abstract record MeasurementImportResult
{
    public sealed record Imported(int Count) : MeasurementImportResult;
    public sealed record Rejected(IReadOnlyList<MeasurementImportError> Errors) : MeasurementImportResult;
    public sealed record Forbidden : MeasurementImportResult;
}

public sealed record MeasurementImportResponse(int Imported);

/// <summary>Loads measurements of one plan's indicators from a UTF-8 CSV file, all or nothing: every row
/// is checked first and every problem reported with its line; only a file without problems is saved, in
/// one transaction. Imported values are submitted, not validated: they enter the same review queue as
/// the values typed one by one, so that every counted value has been validated by an explicit act.</summary>
public static class ImportMeasurements
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    public static readonly string[] Columns = ["indicator_code", "period", "value", "note"];
    private static readonly string[] RequiredColumns = ["indicator_code", "period", "value"];

    private sealed record Row(int Line, string? Code, string? Period, string? Value, string? Note);

    public static async Task<MeasurementImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, byte[] content, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user)) return new MeasurementImportResult.Forbidden();
        var plan = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.Status).SingleOrDefaultAsync(ct);
        if (plan is null) return Reject(null, null, "Il piano indicato non esiste.");
        if (plan == PlanStatuses.Archived) return Reject(null, null, Plans.SavePlan.ArchivedReason);
        if (content.Length > MaxBytes) return Reject(null, null, "Il file supera la dimensione massima di 2 MB: dividilo in più file.");
        if (!CsvUpload.TryDecode(content, out var text)) return Reject(null, null, CsvUpload.NotUtf8);
        var (rows, errors) = Parse(text);
        if (errors.Count > 0 && rows.Count == 0) return new MeasurementImportResult.Rejected(errors);

        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == planId)
            .Select(i => new { i.Id, i.Code, i.Frequency }).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var ids = indicators.Values.Select(i => i.Id).ToList();
        var pending = (await db.Set<Measurement>().AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && m.Status == MeasurementStatuses.Submitted)
                .Select(m => new { m.IndicatorId, m.Period }).ToListAsync(ct))
            .Select(m => (m.IndicatorId, m.Period)).ToHashSet();
        var firstLine = new Dictionary<(long, string), int>();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = SubmitMeasurement.UserId(user);
        var accepted = new List<Measurement>();
        foreach (var row in rows)
        {
            var code = Structure.StructureRules.NormalizeCode(row.Code);
            if (code is null || !indicators.TryGetValue(code, out var indicator))
            {
                errors.Add(new(row.Line, "indicator_code", code is null ? "Indica il codice dell'indicatore." : $"Nel piano non c'è un indicatore con codice {code}."));
                continue;
            }
            if (!IndicatorRules.TryParseNumber(row.Value, out var value))
            {
                errors.Add(new(row.Line, "value", "Il valore deve essere un numero, per esempio 1250 oppure 12,5 (senza separatore delle migliaia)."));
                continue;
            }
            var request = new MeasurementRequest { Period = row.Period, Value = value, Note = row.Note };
            var fieldErrors = SubmitMeasurement.Check(indicator.Frequency, request);
            foreach (var (field, messages) in fieldErrors)
            {
                errors.AddRange(messages.Select(m => new MeasurementImportError(row.Line, field, m)));
            }
            if (fieldErrors.Count > 0) continue;
            var period = Periods.Normalize(row.Period!);
            if (firstLine.TryGetValue((indicator.Id, period), out var first))
            {
                errors.Add(new(row.Line, "period", $"Indicatore e periodo ripetuti nel file: compaiono già alla riga {first}."));
                continue;
            }
            firstLine[(indicator.Id, period)] = row.Line;
            if (pending.Contains((indicator.Id, period)))
            {
                errors.Add(new(row.Line, "period", SubmitMeasurement.Pending));
                continue;
            }
            accepted.Add(new Measurement
            {
                IndicatorId = indicator.Id, Period = period, PeriodEnd = Periods.End(indicator.Frequency, period)!.Value, Value = value!.Value,
                Note = Structure.StructureRules.Blank(row.Note), Status = MeasurementStatuses.Submitted, SubmittedBy = userId, SubmittedAt = now, UpdatedAt = now,
            });
        }
        if (errors.Count > 0)
        {
            return new MeasurementImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }
        db.AddRange(accepted);
        // One SaveChanges is one transaction (with its audit entries): every row or none.
        await db.SaveChangesAsync(ct);
        return new MeasurementImportResult.Imported(accepted.Count);
    }

    private static MeasurementImportResult.Rejected Reject(int? line, string? column, string message) => new([new MeasurementImportError(line, column, message)]);


    /// <summary>Header and rows (RFC 4180); each row carries the physical line where it starts, the header
    /// being line 1, so quoted fields with line breaks do not shift the numbers.</summary>
    private static (List<Row> Rows, List<MeasurementImportError> Errors) Parse(string text)
    {
        var rows = new List<Row>();
        var errors = new List<MeasurementImportError>();
        Dictionary<string, int>? header = null;
        foreach (var (line, record, malformed) in CsvUpload.Records(text))
        {
            if (header is null)
            {
                header = ReadHeader(record, line, errors);
                if (header is null) return (rows, errors);
                continue;
            }
            if (malformed)
            {
                errors.Add(new(line, null, CsvUpload.BadQuotes));
                continue;
            }
            if (rows.Count + 1 > MaxRows) return ([], [new(line, null, CsvUpload.TooManyRows(MaxRows))]);
            if (record.Length != header.Count)
            {
                errors.Add(new(line, null, CsvUpload.WrongFieldCount(record.Length, header.Count)));
                continue;
            }
            string? Field(string column) => header.TryGetValue(column, out var i) ? record[i] : null;
            rows.Add(new Row(line, Field("indicator_code"), Field("period"), Field("value"), Field("note")));
        }
        if (header is null) errors.Add(new(null, null, CsvUpload.Empty));
        else if (rows.Count == 0 && errors.Count == 0) errors.Add(new(null, null, CsvUpload.HeaderOnly));
        return (rows, errors);
    }

    private static Dictionary<string, int>? ReadHeader(string[] record, int line, List<MeasurementImportError> errors)
    {
        var names = record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        var missing = RequiredColumns.Where(c => !names.Contains(c)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0) errors.Add(new(line, null, $"Colonne sconosciute nell'intestazione: {string.Join(", ", unknown)}. Colonne ammesse: {string.Join(",", Columns)}."));
        if (missing.Count > 0) errors.Add(new(line, null, $"Mancano le colonne obbligatorie: {string.Join(", ", missing)}."));
        if (repeated.Count > 0) errors.Add(new(line, null, $"Colonne ripetute nell'intestazione: {string.Join(", ", repeated)}."));
        if (unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0) return null;
        return names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    }
}
