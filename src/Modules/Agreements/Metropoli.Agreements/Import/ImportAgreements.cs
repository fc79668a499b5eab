using System.Globalization;
using System.Security.Claims;
using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Import;

/// <summary>One refused row; <see cref="Text"/> keeps the message for a reader of another language.</summary>
public sealed record AgreementImportError(int? Line, string? Column, string Message, [property: System.Text.Json.Serialization.JsonIgnore] Metropoli.Platform.Ui.LocalText? Text = null);

public abstract record AgreementImportResult
{
    public sealed record Imported(int Agreements, int Parties) : AgreementImportResult;
    public sealed record Rejected(IReadOnlyList<AgreementImportError> Errors) : AgreementImportResult;
    public sealed record Forbidden : AgreementImportResult;
}

/// <summary>Loads agreements and their parties from a UTF-8 CSV file, one row per agreement, all or
/// nothing: every row is checked with the same rules as the form (plus the guards of the status it
/// declares) and every problem is reported with its line; only a file without problems is written, in one
/// transaction. Parties are written as <c>reference=role</c> separated by semicolons, where the reference
/// is the organisation's codice fiscale or its exact name in the registry.</summary>
public static class ImportAgreements
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static readonly string[] Columns =
    [
        "number", "title", "type", "status", "subject", "legal_basis", "approval_act_body", "approval_act_number", "approval_act_date",
        "signature_date", "effective_date", "expiry_date", "duration_months", "auto_renewal", "value", "funding", "visibility",
        "owner_sector", "themes", "municipalities", "zones", "parties",
    ];

    private static readonly string[] Required = ["title", "type", "parties"];

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["number"] = "number", ["title"] = "title", ["type"] = "type", ["subject"] = "subject", ["legalBasis"] = "legal_basis",
        ["approvalActBody"] = "approval_act_body", ["approvalActNumber"] = "approval_act_number", ["expiryDate"] = "expiry_date",
        ["durationMonths"] = "duration_months", ["value"] = "value", ["funding"] = "funding", ["visibility"] = "visibility",
        ["ownerSector"] = "owner_sector", ["alertDays"] = "alert_days", ["themes"] = "themes", ["municipalities"] = "municipalities", ["zones"] = "zones",
    };

    private sealed record Row(int Line, AgreementRequest Request, string Status, List<(long OrganisationId, string Role)> Parties);

    public static async Task<AgreementImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, byte[] content, NumberStyle numberStyle, CancellationToken ct)
    {
        if (!AgreementAccess.CanManageAll(user)) return new AgreementImportResult.Forbidden();
        if (content.Length > MaxBytes) return Reject("Il file supera la dimensione massima di 2 MB: dividilo in più file.");
        if (CsvUpload.Decode(content, out var text) is { } unreadable) return new AgreementImportResult.Rejected([new(unreadable.Line, null, unreadable.Message)]);

        var errors = new List<AgreementImportError>();
        string[]? header = null;
        var raw = new List<(int Line, Dictionary<string, string> Fields)>();
        foreach (var (line, record, malformed) in CsvUpload.Records(text))
        {
            if (header is null)
            {
                header = record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                var unknown = header.Where(h => !Columns.Contains(h)).ToList();
                var missing = Required.Where(c => !header.Contains(c)).ToList();
                if (unknown.Count > 0) errors.Add(new(line, null, $"Colonne sconosciute nell'intestazione: {string.Join(", ", unknown)}. Colonne ammesse: {string.Join(",", Columns)}."));
                if (missing.Count > 0) errors.Add(new(line, null, $"Mancano le colonne obbligatorie: {string.Join(", ", missing)}."));
                if (header.Distinct().Count() != header.Length) errors.Add(new(line, null, "Colonne ripetute nell'intestazione."));
                if (errors.Count > 0) return new AgreementImportResult.Rejected(errors);
                continue;
            }
            if (malformed) { errors.Add(new(line, null, CsvUpload.BadQuotes)); continue; }
            if (raw.Count + 1 > MaxRows) return new AgreementImportResult.Rejected([new(line, null, CsvUpload.TooManyRows(MaxRows))]);
            if (record.Length != header.Length) { errors.Add(new(line, null, CsvUpload.WrongFieldCount(record.Length, header.Length))); continue; }
            raw.Add((line, header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => record[x.i].Trim(), StringComparer.Ordinal)));
        }
        if (header is null) return Reject(CsvUpload.Empty);
        if (raw.Count == 0 && errors.Count == 0) return Reject(CsvUpload.HeaderOnly);

        var orgs = await db.Reads<ITerritoryQueries>().Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.FiscalCode }).ToListAsync(ct);
        var byFiscal = orgs.Where(o => o.FiscalCode != null).ToDictionary(o => o.FiscalCode!, o => o.Id, StringComparer.OrdinalIgnoreCase);
        var byName = orgs.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(o => o.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        var today = CivilClock.Today(clock);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var (line, f) in raw)
        {
            void Error(string? column, string message) => errors.Add(new(line, column, message));
            string Get(string c) => f.TryGetValue(c, out var v) ? v : "";
            DateOnly? Date(string c)
            {
                if (Formats.TryParseDate(Get(c), out var d)) return d;
                Error(c, Formats.DateError);
                return null;
            }
            var approvalDate = Date("approval_act_date");
            var signature = Date("signature_date");
            var effective = Date("effective_date");
            var expiry = Date("expiry_date");
            int? months = null;
            if (Get("duration_months") is { Length: > 0 } dm)
            {
                if (int.TryParse(dm, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) months = m;
                else Error("duration_months", "La durata è un numero intero di mesi.");
            }
            if (!Formats.TryParseEuro(Get("value"), numberStyle, out var value, out var valueError)) errors.Add(new(line, "value", valueError!.ToString(), valueError.Text));
            var auto = Get("auto_renewal").ToLowerInvariant();
            if (auto is not ("" or "0" or "1" or "true" or "false" or "si" or "sì" or "no")) Error("auto_renewal", "Rinnovo tacito: sì oppure no.");
            var request = new AgreementRequest
            {
                Number = Get("number"), Title = Get("title"), Type = Get("type"), Subject = Get("subject"), LegalBasis = Get("legal_basis"),
                ApprovalActBody = Get("approval_act_body"), ApprovalActNumber = Get("approval_act_number"), ApprovalActDate = approvalDate,
                SignatureDate = signature, EffectiveDate = effective, ExpiryDate = expiry, DurationMonths = months,
                AutoRenewal = auto is "1" or "true" or "si" or "sì", Value = value, Funding = Get("funding"),
                Visibility = Get("visibility") is { Length: > 0 } v ? v : AgreementVisibility.Public, OwnerSector = Get("owner_sector"),
                Themes = Split(Get("themes")), Municipalities = Split(Get("municipalities")), Zones = Split(Get("zones")),
            };
            foreach (var (field, messages) in await SaveAgreement.ValidateAsync(db, request, null, ct))
                foreach (var m in messages) Error(ColumnOfField.GetValueOrDefault(field, field), m);
            if (SaveAgreement.Blank(request.Number) is { } number)
            {
                if (numbers.TryGetValue(number, out var first)) Error("number", $"Numero ripetuto nel file: compare già alla riga {first}.");
                else numbers[number] = line;
            }

            var parties = new List<(long, string)>();
            foreach (var entry in Get("parties").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = entry.LastIndexOf('=');
                var reference = eq < 0 ? entry : entry[..eq].Trim();
                var role = eq < 0 ? PartyRoles.Signatory : entry[(eq + 1)..].Trim().ToLowerInvariant();
                if (!PartyRoles.IsKnown(role)) { Error("parties", $"Ruolo sconosciuto «{role}» per {reference}. Valori ammessi: {string.Join(", ", PartyRoles.All)}."); continue; }
                long? id = byFiscal.TryGetValue(reference, out var byCf) ? byCf
                    : byName.TryGetValue(reference, out var named) && named.Count == 1 ? named[0] : null;
                if (id is null)
                {
                    Error("parties", byName.TryGetValue(reference, out var many) && many.Count > 1
                        ? $"Più organizzazioni si chiamano «{reference}»: indica il codice fiscale."
                        : $"Organizzazione non trovata nel registro: «{reference}». Indica il codice fiscale o il nome esatto, oppure registrala prima.");
                    continue;
                }
                if (parties.Any(p => p.Item1 == id)) Error("parties", $"L'organizzazione «{reference}» è ripetuta.");
                else parties.Add((id.Value, role));
            }

            var status = Get("status") is { Length: > 0 } s ? s.ToLowerInvariant() : AgreementStatuses.Proposal;
            if (!AgreementStatuses.IsKnown(status)) Error("status", "Stato sconosciuto. Valori ammessi: " + string.Join(", ", AgreementStatuses.All) + ".");
            else
            {
                var order = AgreementStatuses.All.ToList();
                var past = (string s2) => order.IndexOf(status) >= order.IndexOf(s2) && status != AgreementStatuses.Withdrawn;
                if (past(AgreementStatuses.Approved) && (SaveAgreement.Blank(request.ApprovalActBody) is null || SaveAgreement.Blank(request.ApprovalActNumber) is null || approvalDate is null))
                    Error("approval_act_body", "Un'intesa approvata o successiva ha l'atto di approvazione: indica organo, numero e data.");
                if (past(AgreementStatuses.Signed) && parties.Count < 2) Error("parties", "Un'intesa sottoscritta ha almeno due parti.");
                if (past(AgreementStatuses.Signed) && signature is null) Error("signature_date", "Un'intesa sottoscritta ha la data di sottoscrizione.");
                if (past(AgreementStatuses.InForce) && effective is null) Error("effective_date", "Un'intesa in vigore ha la data di decorrenza.");
                if (status == AgreementStatuses.InForce && effective is { } e && e > today) Error("effective_date", "Un'intesa non è in vigore prima della decorrenza.");
            }
            rows.Add(new Row(line, request, status, parties));
        }
        if (errors.Count > 0)
        {
            return new AgreementImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var row in rows)
            {
                var a = new Agreement { Status = row.Status, CreatedAt = now };
                SaveAgreement.Apply(a, row.Request, now);
                db.Add(a);
                await db.SaveChangesAsync(ct);
                foreach (var (org, role) in row.Parties) db.Add(new AgreementParty { AgreementId = a.Id, OrganisationId = org, Role = role, UpdatedAt = now });
                foreach (var t in SaveAgreement.Distinct(row.Request.Themes)) db.Add(new AgreementThemeLink { AgreementId = a.Id, ThemeCode = t });
                foreach (var m in SaveAgreement.Distinct(row.Request.Municipalities)) db.Add(new AgreementMunicipality { AgreementId = a.Id, IstatCode = m });
                foreach (var z in SaveAgreement.Distinct(row.Request.Zones)) db.Add(new AgreementZone { AgreementId = a.Id, ZoneCode = z });
                db.Add(new AgreementStatusChange
                {
                    AgreementId = a.Id, FromStatus = "", ToStatus = row.Status, Reason = $"Importazione da file CSV (riga {row.Line}).",
                    ChangedBy = CurrentUser.Of(user).Name, ChangedAt = now,
                });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Reject("Nel frattempo un altro utente ha registrato un'intesa con uno dei numeri del file. Non è stato importato nulla: riprova.");
        }
        return new AgreementImportResult.Imported(rows.Count, rows.Sum(r => r.Parties.Count));
    }

    private static List<string> Split(string s) => s.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static AgreementImportResult.Rejected Reject(string message) => new([new AgreementImportError(null, null, message)]);
}
