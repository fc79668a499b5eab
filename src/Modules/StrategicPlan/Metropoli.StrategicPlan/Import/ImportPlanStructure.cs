using System.Globalization;
using System.Security.Claims;
using Metropoli.StrategicPlan.Actions;
using Metropoli.StrategicPlan.Model;
using Metropoli.StrategicPlan.Plans;
using Metropoli.StrategicPlan.Structure;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Import;

/// <summary>One problem of an import: the physical line of the file where the row starts (null for the
/// file as a whole), the CSV column, and what is wrong.</summary>
/// <summary>One refused row; <see cref="Text"/> keeps the message for a reader of another language.</summary>
public sealed record PlanImportError(int? Line, string? Column, string Message, [property: System.Text.Json.Serialization.JsonIgnore] Metropoli.Platform.Ui.LocalText? Text = null);

public abstract record PlanImportResult
{
    public sealed record Imported(int Areas, int Objectives, int Actions) : PlanImportResult;
    public sealed record Rejected(IReadOnlyList<PlanImportError> Errors) : PlanImportResult;
    public sealed record NotFound : PlanImportResult;
    public sealed record Forbidden : PlanImportResult;
    public sealed record Refused(string Reason) : PlanImportResult;
}

/// <summary>One data row of the file, as text, with the line where it starts.</summary>
public sealed record PlanImportRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string column) => Fields.TryGetValue(column, out var v) ? v.Trim() : "";
}

/// <summary>Loads a plan's structure from a UTF-8 CSV file, one row per action, all or nothing: every
/// row is checked first (fields, codes repeated in the file or already in the plan, areas and objectives
/// that disagree between rows) and every problem is reported with its line; only a file without problems
/// is written, in one transaction. Areas and objectives are created when their code is new to the plan
/// and reused when it exists; actions are always new.</summary>
public static class ImportPlanStructure
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>The documented columns, in order.</summary>
    public static readonly string[] Columns =
    [
        "area_code", "area_title", "objective_code", "objective_title", "action_code", "action_title", "owner_sector",
        "start_date", "end_date", "budget", "dup_mission", "dup_programme", "zones", "municipalities",
    ];

    /// <summary>Optional extra columns.</summary>
    public static readonly string[] OptionalColumns = ["area_kind", "action_description", "tags", "dup_objective_code"];

    private static readonly string[] RequiredColumns = ["area_code", "objective_code", "action_code", "action_title", "owner_sector"];

    // The action handler's field names and the file's column names.
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["code"] = "action_code", ["title"] = "action_title", ["description"] = "action_description", ["ownerSector"] = "owner_sector",
        ["startDate"] = "start_date", ["endDate"] = "end_date", ["budget"] = "budget", ["dupMission"] = "dup_mission",
        ["dupProgramme"] = "dup_programme", ["dupObjectiveCode"] = "dup_objective_code", ["zones"] = "zones",
        ["municipalities"] = "municipalities", ["tags"] = "tags",
    };

    private static readonly char[] ListSeparators = [' ', ',', ';', '\t', '\n', '\r'];

    private sealed record NewArea(string Code, string Title, string Kind, int Line);

    private sealed record NewObjective(string Code, string Title, string AreaCode, int Line);

    private sealed record CheckedAction(int Line, string ObjectiveCode, ActionValues Values);

    public static async Task<PlanImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long planId, byte[] content, NumberStyle numbers, CancellationToken ct)
    {
        var status = await StructureRules.PlanStatusAsync(db, user, planId, ct);
        if (status is null) return new PlanImportResult.NotFound();
        if (!PlanAccess.CanManage(user)) return new PlanImportResult.Forbidden();
        if (status == PlanStatuses.Archived) return new PlanImportResult.Refused(SavePlan.ArchivedReason);
        if (content.Length > MaxBytes) return Reject(null, null, "Il file supera la dimensione massima di 2 MB: dividilo in più file.");
        if (CsvUpload.Decode(content, out var text) is { } unreadable) return Reject(unreadable.Line, null, unreadable.Message);
        var (rows, errors) = Parse(text);
        if (rows.Count == 0) return new PlanImportResult.Rejected(errors);

        var existingAreas = await db.Set<PlanArea>().AsNoTracking().Where(a => a.PlanId == planId).ToDictionaryAsync(a => a.Code, ct);
        var existingObjectives = await db.Set<PlanObjective>().AsNoTracking().Where(o => o.PlanId == planId).ToDictionaryAsync(o => o.Code, ct);
        var areaCodeOf = existingAreas.Values.ToDictionary(a => a.Id, a => a.Code);
        var existingActions = (await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var reference = await ActionReference.LoadAsync(db, ct);

        var newAreas = new Dictionary<string, NewArea>(StringComparer.Ordinal);
        var newObjectives = new Dictionary<string, NewObjective>(StringComparer.Ordinal);
        var areaOfObjectiveInFile = new Dictionary<string, (string Area, int Line)>(StringComparer.Ordinal);
        var actionLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var actions = new List<CheckedAction>();
        foreach (var row in rows)
        {
            var line = row.Line;
            void Error(string? column, string message) => errors.Add(new PlanImportError(line, column, message));

            var areaCode = StructureRules.NormalizeCode(row.Get("area_code"));
            var objectiveCode = StructureRules.NormalizeCode(row.Get("objective_code"));
            var local = new Dictionary<string, string[]>();
            StructureRules.CheckCode(areaCode, local, "area_code");
            StructureRules.CheckCode(objectiveCode, local, "objective_code");
            foreach (var (column, messages) in local) foreach (var m in messages) Error(column, m);

            if (areaCode is not null && !local.ContainsKey("area_code"))
            {
                var title = row.Get("area_title");
                var kind = row.Get("area_kind") is { Length: > 0 } k ? k.ToLowerInvariant() : AreaKinds.Area;
                if (!AreaKinds.IsKnown(kind)) Error("area_kind", "Tipo di area sconosciuto: usa driver oppure area.");
                if (existingAreas.TryGetValue(areaCode, out var stored))
                {
                    if (title.Length > 0 && title != stored.Title)
                        Error("area_title", $"L'area {areaCode} esiste già nel piano con il titolo «{stored.Title}»: lascia vuoto il titolo o riportalo uguale.");
                }
                else if (newAreas.TryGetValue(areaCode, out var first))
                {
                    if (title.Length > 0 && title != first.Title)
                        Error("area_title", $"L'area {areaCode} ha un titolo diverso alla riga {first.Line}.");
                }
                else if (title.Length == 0)
                {
                    Error("area_title", $"L'area {areaCode} è nuova: indica il suo titolo.");
                }
                else if (title.Length > 300)
                {
                    Error("area_title", "Il titolo non può superare 300 caratteri.");
                }
                else
                {
                    newAreas[areaCode] = new NewArea(areaCode, title, kind, line);
                }
            }

            if (objectiveCode is not null && !local.ContainsKey("objective_code") && areaCode is not null)
            {
                var title = row.Get("objective_title");
                if (areaOfObjectiveInFile.TryGetValue(objectiveCode, out var seen) && seen.Area != areaCode)
                {
                    Error("objective_code", $"L'obiettivo {objectiveCode} è sotto l'area {seen.Area} alla riga {seen.Line}: un obiettivo appartiene a una sola area.");
                }
                else
                {
                    areaOfObjectiveInFile.TryAdd(objectiveCode, (areaCode, line));
                }
                if (existingObjectives.TryGetValue(objectiveCode, out var stored))
                {
                    if (areaCodeOf.GetValueOrDefault(stored.AreaId) != areaCode)
                        Error("objective_code", $"L'obiettivo {objectiveCode} esiste già nel piano sotto l'area {areaCodeOf.GetValueOrDefault(stored.AreaId)}.");
                    if (title.Length > 0 && title != stored.Title)
                        Error("objective_title", $"L'obiettivo {objectiveCode} esiste già nel piano con il titolo «{stored.Title}»: lascia vuoto il titolo o riportalo uguale.");
                }
                else if (newObjectives.TryGetValue(objectiveCode, out var first))
                {
                    if (title.Length > 0 && title != first.Title)
                        Error("objective_title", $"L'obiettivo {objectiveCode} ha un titolo diverso alla riga {first.Line}.");
                }
                else if (title.Length == 0)
                {
                    Error("objective_title", $"L'obiettivo {objectiveCode} è nuovo: indica il suo titolo.");
                }
                else if (title.Length > 300)
                {
                    Error("objective_title", "Il titolo non può superare 300 caratteri.");
                }
                else
                {
                    newObjectives[objectiveCode] = new NewObjective(objectiveCode, title, areaCode, line);
                }
            }

            var startOk = Formats.TryParseDate(row.Get("start_date"), out var start);
            var endOk = Formats.TryParseDate(row.Get("end_date"), out var end);
            var budgetOk = Formats.TryParseEuro(row.Get("budget"), numbers, out var budget, out var budgetError);
            if (!startOk) Error("start_date", Formats.DateError);
            if (!endOk) Error("end_date", Formats.DateError);
            if (!budgetOk) errors.Add(new PlanImportError(line, "budget", budgetError!.ToString(), budgetError.Text));
            var request = new ActionRequest
            {
                // The objective may not exist yet: any id passes the shape check, the code links it below.
                ObjectiveId = 0, Code = row.Get("action_code"), Title = row.Get("action_title"), Description = Blank(row.Get("action_description")),
                OwnerSector = row.Get("owner_sector"), StartDate = start, EndDate = end, Budget = budget,
                DupMission = Blank(row.Get("dup_mission")), DupProgramme = Blank(row.Get("dup_programme")), DupObjectiveCode = Blank(row.Get("dup_objective_code")),
                Zones = Split(row.Get("zones")), Municipalities = Split(row.Get("municipalities")), Tags = Split(row.Get("tags")),
            };
            var (fieldErrors, values) = ActionRules.Check(request, reference);
            foreach (var (field, messages) in fieldErrors)
            {
                foreach (var m in messages) Error(ColumnOfField.GetValueOrDefault(field, field), m);
            }
            // Repeated codes are reported even on rows with other errors: every problem of the file at once.
            if (StructureRules.NormalizeCode(request.Code) is { } actionCode && !fieldErrors.ContainsKey("code"))
            {
                if (existingActions.Contains(actionCode))
                    Error("action_code", $"Nel piano esiste già un'azione con il codice {actionCode}: l'importazione aggiunge azioni, non le modifica.");
                else if (actionLines.TryGetValue(actionCode, out var firstLine))
                    Error("action_code", $"Codice d'azione ripetuto nel file: compare già alla riga {firstLine}.");
                else
                    actionLines[actionCode] = line;
            }
            if (values is not null && startOk && endOk && budgetOk && objectiveCode is not null)
            {
                actions.Add(new CheckedAction(line, objectiveCode, values));
            }
        }
        if (errors.Count > 0)
        {
            return new PlanImportResult.Rejected(errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column, StringComparer.Ordinal).ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var areaIds = existingAreas.ToDictionary(a => a.Key, a => a.Value.Id, StringComparer.Ordinal);
            var areaOrder = existingAreas.Count == 0 ? 0 : existingAreas.Values.Max(a => a.SortOrder);
            foreach (var a in newAreas.Values.OrderBy(a => a.Line))
            {
                var area = new PlanArea { PlanId = planId, Code = a.Code, Title = a.Title, Kind = a.Kind, SortOrder = ++areaOrder, UpdatedAt = now };
                db.Add(area);
                await db.SaveChangesAsync(ct);
                areaIds[a.Code] = area.Id;
            }
            var objectiveIds = existingObjectives.ToDictionary(o => o.Key, o => o.Value.Id, StringComparer.Ordinal);
            var objectiveOrder = existingObjectives.Values.GroupBy(o => o.AreaId).ToDictionary(g => g.Key, g => g.Max(o => o.SortOrder));
            foreach (var o in newObjectives.Values.OrderBy(o => o.Line))
            {
                var areaId = areaIds[o.AreaCode];
                var order = objectiveOrder[areaId] = objectiveOrder.GetValueOrDefault(areaId) + 1;
                var objective = new PlanObjective { PlanId = planId, AreaId = areaId, Code = o.Code, Title = o.Title, SortOrder = order, UpdatedAt = now };
                db.Add(objective);
                await db.SaveChangesAsync(ct);
                objectiveIds[o.Code] = objective.Id;
            }
            var actionOrder = await db.Set<PlanAction>().Where(a => a.PlanId == planId).GroupBy(a => a.ObjectiveId)
                .Select(g => new { g.Key, Max = g.Max(a => a.SortOrder) }).ToDictionaryAsync(x => x.Key, x => x.Max, ct);
            foreach (var a in actions)
            {
                var objectiveId = objectiveIds[a.ObjectiveCode];
                var order = actionOrder[objectiveId] = actionOrder.GetValueOrDefault(objectiveId) + 1;
                await SaveAction.InsertAsync(db, planId, a.Values with { ObjectiveId = objectiveId, SortOrder = order }, null, clock, ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added one of these codes to the plan between the check and the insert; the
            // transaction is rolled back, so nothing of the file is kept.
            db.ChangeTracker.Clear();
            return Reject(null, null, "Nel frattempo un altro utente ha modificato il piano e uno dei codici del file è già usato. Non è stato importato nulla: riprova.");
        }
        return new PlanImportResult.Imported(newAreas.Count, newObjectives.Count, actions.Count);
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static List<string> Split(string s) => s.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static PlanImportResult.Rejected Reject(int? line, string? column, string message) => new([new PlanImportError(line, column, message)]);


    /// <summary>Reads the header and the rows (RFC 4180: quoted fields may hold commas, quotes and line
    /// breaks). Each row carries the physical line where it starts, counting the header as line 1.</summary>
    public static (List<PlanImportRow> Rows, List<PlanImportError> Errors) Parse(string text)
    {
        var rows = new List<PlanImportRow>();
        var errors = new List<PlanImportError>();
        string[]? header = null;
        foreach (var (line, record, malformed) in CsvUpload.Records(text))
        {
            if (header is null)
            {
                header = ReadHeader(record, line, errors);
                if (header is null) return ([], errors);
                continue;
            }
            if (malformed)
            {
                errors.Add(new PlanImportError(line, null, CsvUpload.BadQuotes));
                continue;
            }
            if (rows.Count + 1 > MaxRows)
            {
                return ([], [new PlanImportError(line, null, CsvUpload.TooManyRows(MaxRows))]);
            }
            if (record.Length != header.Length)
            {
                errors.Add(new PlanImportError(line, null, CsvUpload.WrongFieldCount(record.Length, header.Length)));
                continue;
            }
            rows.Add(new PlanImportRow(line, header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => record[x.i], StringComparer.Ordinal)));
        }
        if (header is null)
        {
            errors.Add(new PlanImportError(null, null, CsvUpload.Empty));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new PlanImportError(null, null, CsvUpload.HeaderOnly));
        }
        return (rows, errors);
    }

    private static string[]? ReadHeader(string[] record, int line, List<PlanImportError> errors)
    {
        var names = record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = names.Where(n => !Columns.Contains(n) && !OptionalColumns.Contains(n)).ToList();
        var missing = RequiredColumns.Where(c => !names.Contains(c)).ToList();
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (unknown.Count > 0)
            errors.Add(new PlanImportError(line, null, $"Colonne sconosciute nell'intestazione: {string.Join(", ", unknown)}. Colonne ammesse: {string.Join(",", Columns.Concat(OptionalColumns))}."));
        if (missing.Count > 0)
            errors.Add(new PlanImportError(line, null, $"Mancano le colonne obbligatorie: {string.Join(", ", missing)}."));
        if (repeated.Count > 0)
            errors.Add(new PlanImportError(line, null, $"Colonne ripetute nell'intestazione: {string.Join(", ", repeated)}."));
        return unknown.Count > 0 || missing.Count > 0 || repeated.Count > 0 ? null : names;
    }
}
