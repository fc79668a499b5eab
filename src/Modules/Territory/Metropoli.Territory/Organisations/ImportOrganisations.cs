using System.Globalization;
using System.Security.Claims;
using Metropoli.Territory.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

/// <summary>One problem of an import: the physical line of the file where the row starts (null for
/// the file as a whole), the CSV column, and what is wrong.</summary>
/// <summary>One refused row; <see cref="Text"/> keeps the message for a reader of another language.</summary>
public sealed record ImportError(int? Line, string? Column, string Message, [property: System.Text.Json.Serialization.JsonIgnore] Metropoli.Platform.Ui.LocalText? Text = null);

public abstract record ImportResult
{
    public sealed record Imported(int Count) : ImportResult;
    public sealed record Rejected(IReadOnlyList<ImportError> Errors) : ImportResult;
    public sealed record Forbidden : ImportResult;
}

/// <summary>Loads organisations from a UTF-8 CSV file, all or nothing: every row is checked first
/// (fields, fiscal codes repeated in the file or already in the registry) and every problem is
/// reported with its line; only a file without problems is inserted, in one transaction.</summary>
public static class ImportOrganisations
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>The columns of the file, in the documented order; only name and type are required,
    /// and the order in the file does not matter.</summary>
    public static readonly string[] Columns =
        ["name", "type", "fiscal_code", "vat_number", "ipa_code", "address", "postal_code", "city", "email", "pec", "phone", "website"];

    private static readonly string[] RequiredColumns = ["name", "type"];

    // The handler's field names (API, camelCase) and the file's column names.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["type"] = "type", ["fiscalCode"] = "fiscal_code", ["vatNumber"] = "vat_number", ["ipaCode"] = "ipa_code",
        ["address"] = "address", ["postalCode"] = "postal_code", ["city"] = "city", ["email"] = "email", ["pec"] = "pec",
        ["phone"] = "phone", ["website"] = "website",
    };

    public static async Task<ImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, byte[] content, CancellationToken ct)
    {
        if (!CreateOrganisation.CanEdit(user)) return new ImportResult.Forbidden();
        if (content.Length > MaxBytes)
        {
            return Reject(null, null, "Il file supera la dimensione massima di 2 MB: dividilo in più file.");
        }
        if (CsvUpload.Decode(content, out var text) is { } unreadable)
        {
            return Reject(unreadable.Line, null, unreadable.Message);
        }
        var (rows, errors) = Parse(text);
        if (errors.Count > 0 && rows.Count == 0)
        {
            return new ImportResult.Rejected(errors);
        }

        var checkedRows = new List<(int Line, OrganisationRequest Values)>();
        var firstLineOfFiscalCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, request) in rows)
        {
            var (fieldErrors, values) = OrganisationRules.Check(request);
            foreach (var (field, messages) in fieldErrors)
            {
                errors.AddRange(messages.Select(m => new ImportError(line, ColumnOfField.GetValueOrDefault(field, field), m)));
            }
            if (values.FiscalCode is { } fc && !fieldErrors.ContainsKey("fiscalCode"))
            {
                if (firstLineOfFiscalCode.TryGetValue(fc, out var first))
                {
                    errors.Add(new ImportError(line, "fiscal_code", $"Codice fiscale ripetuto nel file: compare già alla riga {first}."));
                }
                else
                {
                    firstLineOfFiscalCode[fc] = line;
                }
            }
            checkedRows.Add((line, values));
        }

        var codes = firstLineOfFiscalCode.Keys.ToList();
        if (codes.Count > 0)
        {
            var stored = await db.Set<Organisation>().AsNoTracking().Where(o => o.FiscalCode != null && codes.Contains(o.FiscalCode))
                .Select(o => o.FiscalCode!).ToListAsync(ct);
            errors.AddRange(stored.Select(fc => new ImportError(firstLineOfFiscalCode[fc], "fiscal_code", OrganisationRules.DuplicateFiscalCode)));
        }
        if (errors.Count > 0)
        {
            return new ImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (_, values) in checkedRows)
        {
            var o = new Organisation();
            OrganisationRules.Apply(values, o, now);
            db.Add(o);
        }
        try
        {
            // One SaveChanges is one transaction (with its audit entries): every row or none.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Reject(null, "fiscal_code", "Nel frattempo un altro utente ha inserito un'organizzazione con uno di questi codici fiscali. Non è stato importato nulla: riprova.");
        }
        return new ImportResult.Imported(checkedRows.Count);
    }

    private static ImportResult.Rejected Reject(int? line, string? column, string message) => new([new ImportError(line, column, message)]);


    /// <summary>Reads the header and the rows (RFC 4180: quoted fields may hold commas, quotes and line
    /// breaks). Each row carries the physical line where it starts, counting the header as line 1.</summary>
    public static (List<(int Line, OrganisationRequest Request)> Rows, List<ImportError> Errors) Parse(string text)
    {
        var rows = new List<(int, OrganisationRequest)>();
        var errors = new List<ImportError>();
        Dictionary<string, int>? header = null;
        foreach (var (line, record, malformed) in CsvUpload.Records(text))
        {
            if (header is null)
            {
                header = ReadHeader(record, line, errors);
                if (header is null)
                {
                    return (rows, errors);
                }
                continue;
            }
            if (malformed)
            {
                errors.Add(new ImportError(line, null, CsvUpload.BadQuotes));
                continue;
            }
            if (rows.Count + 1 > MaxRows)
            {
                return ([], [new ImportError(line, null, CsvUpload.TooManyRows(MaxRows))]);
            }
            if (record.Length != header.Count)
            {
                errors.Add(new ImportError(line, null, CsvUpload.WrongFieldCount(record.Length, header.Count)));
                continue;
            }
            string? Field(string column) => header.TryGetValue(column, out var i) ? record[i] : null;
            rows.Add((line, new OrganisationRequest
            {
                Name = Field("name"), Type = Field("type"), FiscalCode = Field("fiscal_code"), VatNumber = Field("vat_number"),
                IpaCode = Field("ipa_code"), Address = Field("address"), PostalCode = Field("postal_code"), City = Field("city"),
                Email = Field("email"), Pec = Field("pec"), Phone = Field("phone"), Website = Field("website"),
            }));
        }
        if (header is null)
        {
            errors.Add(new ImportError(null, null, CsvUpload.Empty));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(null, null, CsvUpload.HeaderOnly));
        }
        return (rows, errors);
    }

    private static Dictionary<string, int>? ReadHeader(string[] record, int line, List<ImportError> errors)
    {
        var names = record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        var missing = RequiredColumns.Where(c => !names.Contains(c)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new ImportError(line, null, $"Colonne sconosciute nell'intestazione: {string.Join(", ", unknown)}. Colonne ammesse: {string.Join(",", Columns)}."));
        }
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(line, null, $"Mancano le colonne obbligatorie: {string.Join(", ", missing)}."));
        }
        if (repeated.Count > 0)
        {
            errors.Add(new ImportError(line, null, $"Colonne ripetute nell'intestazione: {string.Join(", ", repeated)}."));
        }
        if (unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0)
        {
            return null;
        }
        return names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    }
}
