using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>One problem of an import: the physical line where the row starts (null for the whole file),
/// the CSV column, and what is wrong.</summary>
/// <summary>One refused row; <see cref="Text"/> keeps the message for a reader of another language.</summary>
public sealed record MeasurementImportError(int? Line, string? Column, string Message, [property: System.Text.Json.Serialization.JsonIgnore] Metropoli.Platform.Ui.LocalText? Text = null);

public abstract record MeasurementImportResult
{
    public sealed record Imported(int Count) : MeasurementImportResult;
    public sealed record Rejected(IReadOnlyList<MeasurementImportError> Errors) : MeasurementImportResult;
    public sealed record Forbidden : MeasurementImportResult;
}

public sealed record MeasurementImportResponse(int Imported);

/// <summary>How big a file may be: the page and the API keep the web limits; the command line
/// (<c>import measurements</c>) lifts them for files beyond the HTTP body limit.</summary>
public sealed record MeasurementImportLimits(int MaxBytes, int MaxRows)
{
    public static readonly MeasurementImportLimits Web = new(ImportMeasurements.MaxBytes, ImportMeasurements.MaxRows);
    public static readonly MeasurementImportLimits Unlimited = new(int.MaxValue, int.MaxValue);
}

/// <summary>Loads measurements of one plan's indicators from a UTF-8 CSV file, all or nothing: every row
/// is checked first (against the plan's indicators and the values already waiting for review, both read
/// once into memory) and every problem reported with its line; only a file without problems is saved, in
/// one transaction, by a bulk insert (prepared statement on SQLite, binary COPY on PostgreSQL) and one
/// audit entry for the whole import that names the file's SHA-256 and the range of ids it created
/// (docs/adr/0015). Imported values are submitted, not validated: they enter the same review queue as
/// the values typed one by one, so that every counted value has been validated by an explicit act.</summary>
public static class ImportMeasurements
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const string AuditEntityType = "MeasurementImport";

    public static readonly string[] Columns = ["indicator_code", "period", "value", "note"];
    private static readonly string[] RequiredColumns = ["indicator_code", "period", "value"];

    /// <summary>A checked row, small: a million of them are held between validation and insert.</summary>
    private readonly record struct Accepted(long IndicatorId, string Period, DateOnly PeriodEnd, decimal Value, string? Note);

    public static Task<MeasurementImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, byte[] content,
        NumberStyle numbers, CancellationToken ct) =>
        HandleAsync(db, user, clock, planId, content, numbers, MeasurementImportLimits.Web, ct);

    /// <param name="numbers">The file's declared number format; <see cref="NumberStyle.Undeclared"/> refuses the values the two rules read differently.</param>
    public static async Task<MeasurementImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, byte[] content,
        NumberStyle numbers, MeasurementImportLimits limits, CancellationToken ct)
    {
        if (!PlanAccess.CanManage(user)) return new MeasurementImportResult.Forbidden();
        var plan = await db.Set<Plan>().AsNoTracking().Where(p => p.Id == planId).Select(p => p.Status).SingleOrDefaultAsync(ct);
        if (plan is null) return Reject(null, null, "Il piano indicato non esiste.");
        if (plan == PlanStatuses.Archived) return Reject(null, null, Plans.SavePlan.ArchivedReason);
        if (content.Length > limits.MaxBytes) return Reject(null, null, "Il file supera la dimensione massima di 2 MB: dividilo in più file.");
        if (CsvUpload.Decode(content, out var text) is { } unreadable) return Reject(unreadable.Line, null, unreadable.Message);

        var indicators = (await db.Set<Indicator>().AsNoTracking().Where(i => i.PlanId == planId)
                .Select(i => new { i.Id, i.Code, i.Frequency }).ToListAsync(ct))
            .ToDictionary(i => i.Code, i => (i.Id, i.Frequency), StringComparer.Ordinal);
        var pending = (await (from m in db.Set<Measurement>().AsNoTracking()
                              join i in db.Set<Indicator>() on m.IndicatorId equals i.Id
                              where i.PlanId == planId && m.Status == MeasurementStatuses.Submitted
                              select new { m.IndicatorId, m.Period }).ToListAsync(ct))
            .Select(m => (m.IndicatorId, m.Period)).ToHashSet();

        var errors = new List<MeasurementImportError>();
        var accepted = new List<Accepted>();
        var firstLine = new Dictionary<(long, string), int>();
        // Period keys repeat across rows; one string per distinct key keeps a million rows small.
        var periods = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, int>? header = null;
        var rows = 0;
        foreach (var (line, record, malformed) in CsvUpload.Records(text))
        {
            if (header is null)
            {
                header = ReadHeader(record, line, errors);
                if (header is null) return new MeasurementImportResult.Rejected(errors);
                continue;
            }
            if (malformed)
            {
                errors.Add(new(line, null, CsvUpload.BadQuotes));
                continue;
            }
            if (++rows > limits.MaxRows) return new MeasurementImportResult.Rejected([new(line, null, CsvUpload.TooManyRows(limits.MaxRows))]);
            if (record.Length != header.Count)
            {
                errors.Add(new(line, null, CsvUpload.WrongFieldCount(record.Length, header.Count)));
                continue;
            }
            string? Field(string column) => header.TryGetValue(column, out var i) ? record[i] : null;
            CheckRow(line, Field("indicator_code"), Field("period"), Field("value"), Field("note"));
        }
        if (header is null) errors.Add(new(null, null, CsvUpload.Empty));
        else if (rows == 0 && errors.Count == 0) errors.Add(new(null, null, CsvUpload.HeaderOnly));
        if (errors.Count > 0)
        {
            return new MeasurementImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var author = CurrentUser.Of(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The audit head first, as SaveChanges does: it serialises writers (and takes SQLite's write lock).
        var head = await AuditRecorder.LockHeadAsync(db, ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        if (BulkInsert.IsPostgres(connection))
        {
            // Keys are assigned here, so no one else may insert measurements until this commits.
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE plan_measurements IN SHARE ROW EXCLUSIVE MODE", ct);
        }
        var firstId = (await db.Set<Measurement>().MaxAsync(m => (long?)m.Id, ct) ?? 0) + 1;
        var id = firstId;
        var count = await BulkInsert.WriteAsync(db.Model, connection, transaction, accepted.Select(a => new Measurement
        {
            Id = id++, IndicatorId = a.IndicatorId, Period = a.Period, PeriodEnd = a.PeriodEnd, Value = a.Value, Note = a.Note,
            Status = MeasurementStatuses.Submitted, SubmittedBy = author.Id ?? "", SubmittedAt = now, UpdatedAt = now, Version = 1,
        }), null, ct);
        var summary = JsonSerializer.Serialize(new
        {
            PlanId = planId, Rows = count, FirstId = firstId, LastId = firstId + count - 1,
            Status = MeasurementStatuses.Submitted, FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        });
        await AuditRecorder.AppendSummaryAsync(db, head, author.Id, author.Name,
            AuditEntityType, string.Create(CultureInfo.InvariantCulture, $"{firstId}-{firstId + count - 1}"), "create", summary, ct);
        await tx.CommitAsync(ct);
        return new MeasurementImportResult.Imported((int)count);

        void CheckRow(int line, string? rawCode, string? rawPeriod, string? rawValue, string? note)
        {
            var code = Structure.StructureRules.NormalizeCode(rawCode);
            if (code is null || !indicators.TryGetValue(code, out var indicator))
            {
                if (code is null) errors.Add(new(line, "indicator_code", "Indica il codice dell'indicatore."));
                else
                {
                    var text = new LocalText("Nel piano non c'è un indicatore con codice {0}.", code);
                    errors.Add(new(line, "indicator_code", text.ToString(), text));
                }
                return;
            }
            if (!IndicatorRules.TryParseNumber(rawValue, numbers, out var value, out var numberError))
            {
                errors.Add(new(line, "value", numberError!.ToString(), numberError.Text));
                return;
            }
            var fieldErrors = SubmitMeasurement.Check(indicator.Frequency, new MeasurementRequest { Period = rawPeriod, Value = value, Note = note });
            if (fieldErrors.Count > 0)
            {
                foreach (var (field, messages) in fieldErrors)
                {
                    errors.AddRange(messages.Select(m => new MeasurementImportError(line, field, m)));
                }
                return;
            }
            var key = Periods.Normalize(rawPeriod!);
            if (!periods.TryGetValue(key, out var period)) periods[key] = period = key;
            if (firstLine.TryGetValue((indicator.Id, period), out var first))
            {
                errors.Add(new(line, "period", $"Indicatore e periodo ripetuti nel file: compaiono già alla riga {first}."));
                return;
            }
            firstLine[(indicator.Id, period)] = line;
            if (pending.Contains((indicator.Id, period)))
            {
                errors.Add(new(line, "period", SubmitMeasurement.Pending));
                return;
            }
            accepted.Add(new Accepted(indicator.Id, period, Periods.End(indicator.Frequency, period)!.Value, value!.Value, Structure.StructureRules.Blank(note)));
        }
    }

    private static MeasurementImportResult.Rejected Reject(int? line, string? column, string message) => new([new MeasurementImportError(line, column, message)]);

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
