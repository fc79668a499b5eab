using System.Reflection;
using System.Security.Claims;
using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Identifiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Metropoli.Funding.Import;

/// <summary>The four files of the portal; any may be missing (the localisation and the subjects need the projects).</summary>
public sealed record PnrrFiles(string? Projects, string? Localisation, string? Subjects, string? Calls);

/// <summary>One refused row: the file, the physical line and the column (as the portal names it).</summary>
public sealed record FundingImportError(string File, int Line, string? Column, string Message);

public abstract record FundingImportResult
{
    public sealed record Imported(int Projects, int ProjectsAdded, int Calls, int CallsAdded) : FundingImportResult;
    public sealed record Rejected(IReadOnlyList<FundingImportError> Errors) : FundingImportResult;
    public sealed record Forbidden : FundingImportResult;
}

/// <summary>Imports the Italia Domani open data (projects with their places, bodies and funding; the calls) all or
/// nothing: every row is checked first and every problem reported with its file, line and column; only files without
/// problems are written, in one transaction. Idempotent: a project is matched by its CUP, a call by the portal's
/// serial number, and a re-import updates them in place.</summary>
public static class PnrrImport
{
    public const string ProjectsFile = "PNRR_Progetti", LocalisationFile = "PNRR_Localizzazione", SubjectsFile = "PNRR_Soggetti", CallsFile = "PNRR_Bandi_e_Avvisi";
    public const string SourceName = "italia-domani";
    public const string Attribution = "Fonte: Italia Domani — open data PNRR";

    private static readonly (string Column, string Source)[] FundingColumns =
    [
        ("FINANZIAMENTO_PNRR", FundingSources.Pnrr), ("FINANZIAMENTO_PNC", FundingSources.Pnc), ("FINANZIAMENTO _UE", FundingSources.Eu),
        ("FINANZIAMENTO_REGIONE", FundingSources.Region), ("FINANZIAMENTO_PROVINCIA", FundingSources.Province), ("FINANZIAMENTO_COMUNE", FundingSources.Comune),
        ("FINANZIAMENTO_ALTRO_PUBBLICO", FundingSources.OtherPublic), ("FINANZIAMENTO_PRIVATO", FundingSources.Private), ("FINANZ_DA_REPERIRE", FundingSources.ToFind),
    ];

    public sealed record ParsedProject(FundingProject Project, List<FundingLine> Lines, List<string> Comuni);
    public sealed record ParsedCall(FundingCall Call, List<FundingCallRule> Rules);
    public sealed record Parsed(List<ParsedProject> Projects, List<ParsedCall> Calls);

    /// <summary>The files shipped with the module (the demo's real data).</summary>
    public static PnrrFiles Embedded()
    {
        static string Read(string name)
        {
            using var stream = typeof(PnrrImport).Assembly.GetManifestResourceStream("Metropoli.Funding." + name + ".csv")
                ?? throw new InvalidOperationException("Missing resource " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        return new PnrrFiles(Read("PNRR_Progetti-mi"), Read("PNRR_Localizzazione-mi"), Read("PNRR_Soggetti-mi"), Read("PNRR_Bandi_e_Avvisi"));
    }

    /// <summary>Checks and reads the files; no database access but the known ISTAT codes.</summary>
    public static (Parsed Data, List<FundingImportError> Errors) Parse(PnrrFiles files, IReadOnlySet<string> knownIstat)
    {
        var errors = new List<FundingImportError>();
        var projects = new Dictionary<string, ParsedProject>(StringComparer.Ordinal);
        var calls = new List<ParsedCall>();

        if (files.Projects is { } projectsText)
        {
            foreach (var row in Rows(projectsText, ProjectsFile, ["CUP", "Titolo progetto", "FINANZ_TOTALE"], errors))
            {
                void Error(string? column, string message) => errors.Add(new(ProjectsFile, row.Line, column, message));
                var cup = IdentifierCheck.ValidateCup(row["CUP"]);
                if (!cup.Ok) { Error("CUP", cup.Error!); continue; }
                if (projects.ContainsKey(cup.Normalized)) { Error("CUP", "CUP ripetuto nel file."); continue; }
                if (row["Titolo progetto"].Length == 0) Error("Titolo progetto", "Manca il titolo del progetto.");
                if (!PnrrCsv.TryAmount(row["FINANZ_TOTALE"], out var total) || total is null) { Error("FINANZ_TOTALE", "Il costo totale non è un importo leggibile."); continue; }
                var lines = new List<FundingLine>();
                foreach (var (column, source) in FundingColumns)
                {
                    if (!PnrrCsv.TryAmount(row[column], out var amount)) Error(column, "Importo non leggibile: usa il formato italiano (1.234,56) o N/D.");
                    else if (amount is > 0) lines.Add(new FundingLine { Cup = cup.Normalized, Source = source, Amount = amount.Value });
                }
                if (lines.Count > 0 && Math.Abs(lines.Sum(l => l.Amount) - total.Value) > 0.01m)
                    Error("FINANZ_TOTALE", $"Le fonti di finanziamento ({lines.Sum(l => l.Amount):0.##}) non corrispondono al costo totale ({total:0.##}).");
                var title = row["Titolo progetto"];
                projects[cup.Normalized] = new ParsedProject(new FundingProject
                {
                    Cup = cup.Normalized, Title = Cut(title, 2000), NatureCode = Opt(row["CUP_COD_NATURA"], 8), Nature = Opt(row["CUP_DESCR_NATURA"], 200),
                    Programme = FundingProgrammes.Pnrr, Mission = Opt(row["Missione"], 8), MissionName = Opt(row["Descrizione Missione"], 200),
                    Component = Opt(row["Componente"], 16), ComponentName = Opt(row["Descrizione Componente"], 300),
                    Measure = Opt(row["Codice Univoco Misura"], 32), MeasureName = Opt(row["Descrizione Misura"], 500),
                    Submeasure = Opt(row["Codice Univoco submisura"], 32), SubmeasureName = Opt(row["Descrizione submisura"], 500),
                    Owner = Opt(row["Amministrazione Titolare"], 200), LocalCode = Opt(row["Codice Locale Progetto"], 100),
                    TotalCost = total.Value, Source = SourceName,
                }, lines, []);
            }
        }
        if (files.Localisation is { } placesText)
        {
            foreach (var row in Rows(placesText, LocalisationFile, ["CUP", "Provincia", "Comune"], errors))
            {
                void Error(string? column, string message) => errors.Add(new(LocalisationFile, row.Line, column, message));
                var cup = IdentifierCheck.ValidateCup(row["CUP"]);
                if (!cup.Ok) { Error("CUP", cup.Error!); continue; }
                if (!projects.TryGetValue(cup.Normalized, out var project)) { Error("CUP", "Il CUP non è tra i progetti del file dei progetti."); continue; }
                var province = row["Provincia"].PadLeft(3, '0');
                var comune = row["Comune"].PadLeft(3, '0');
                var istat = province + comune;
                if (!knownIstat.Contains(istat)) { Error("Comune", $"Il Comune {istat} ({row["Descrizione Comune"]}) non è un Comune della Città metropolitana."); continue; }
                if (!project.Comuni.Contains(istat)) project.Comuni.Add(istat);
            }
        }
        if (files.Subjects is { } subjectsText)
        {
            foreach (var row in Rows(subjectsText, SubjectsFile, ["CUP"], errors))
            {
                void Error(string? column, string message) => errors.Add(new(SubjectsFile, row.Line, column, message));
                var cup = IdentifierCheck.ValidateCup(row["CUP"]);
                if (!cup.Ok) { Error("CUP", cup.Error!); continue; }
                if (!projects.TryGetValue(cup.Normalized, out var project)) { Error("CUP", "Il CUP non è tra i progetti del file dei progetti."); continue; }
                var p = project.Project;
                p.LeadTaxCode = Opt(row["codice fiscale PROGRAMMATORE"], 16);
                p.LeadName = Opt(row["Denominazione PROGRAMMATORE"], 300);
                p.ImplementerTaxCode = Opt(row["codice fiscale  ATTUATORE"], 16) ?? Opt(row["codice fiscale ATTUATORE"], 16);
                p.ImplementerName = Opt(row["Denominazione ATTUATORE"], 300);
                p.BeneficiaryName = Opt(row["Denominazione BENEFICIARIO"], 300);
            }
        }
        if (files.Calls is { } callsText)
        {
            var serials = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in Rows(callsText, CallsFile, ["Numero seriale", "Titolo Bando o Avviso"], errors))
            {
                void Error(string? column, string message) => errors.Add(new(CallsFile, row.Line, column, message));
                var serial = row["Numero seriale"];
                if (serial.Length == 0 || serial.Length > 40) { Error("Numero seriale", "Manca il numero seriale del bando."); continue; }
                if (!serials.Add(serial)) { Error("Numero seriale", "Numero seriale ripetuto nel file."); continue; }
                var title = row["Titolo Bando o Avviso"];
                if (title.Length == 0) Error("Titolo Bando o Avviso", "Manca il titolo del bando.");
                if (!PnrrCsv.TryDate(row["Data apertura bando"], out var opens)) Error("Data apertura bando", "Data non leggibile: usa gg/mm/aaaa.");
                if (!PnrrCsv.TryDate(row["Data chiusura effettiva bando"], out var closes)) Error("Data chiusura effettiva bando", "Data non leggibile: usa gg/mm/aaaa.");
                if (!PnrrCsv.TryAmount(row["Importo previsto PNRR"], out var pnrr)) Error("Importo previsto PNRR", "Importo non leggibile.");
                if (!PnrrCsv.TryAmount(row["Importo previsto altri fondi"], out var others)) Error("Importo previsto altri fondi", "Importo non leggibile.");
                // The portal writes some counts as prose ("274 cinema. 348 teatri"): informative only, kept out rather than refused.
                if (!PnrrCsv.TryCount(row["Numero partecipanti"], out var applicants)) applicants = null;
                if (!PnrrCsv.TryCount(row["Numero degli aggiudicatari"], out var awarded)) awarded = null;
                if (!PnrrCsv.TryAmount(row["Importo Aggiudicato Totale"], out var awardedAmount)) Error("Importo Aggiudicato Totale", "Importo non leggibile.");
                var recipients = row["Destinatari del Bando o dell’Avviso"];
                var rules = new List<FundingCallRule>();
                if (!PnrrCsv.IsMissing(recipients)) rules.Add(new FundingCallRule { Kind = RuleKinds.Recipients, Parameter = Cut(recipients, 2000), Position = 1 });
                if (title.Contains("piccoli comuni", StringComparison.OrdinalIgnoreCase) || title.Contains("5.000 abitanti", StringComparison.Ordinal))
                    rules.Add(new FundingCallRule { Kind = RuleKinds.SmallComune, Parameter = "", Position = 2 });
                var link = row["Link al bando"];
                calls.Add(new ParsedCall(new FundingCall
                {
                    Code = "PNRR-" + serial, Title = Cut(title, 1000), Issuer = Cut(row["Soggetto emanante"], 300), IssuerTaxCode = Opt(row["Codice Fiscale"], 16),
                    Programme = FundingProgrammes.Pnrr, MeasureCode = Opt(row["Codice Univoco Submisura"], 32), MeasureName = Opt(row["Descrizione Submisura"], 500),
                    Recipients = PnrrCsv.IsMissing(recipients) ? null : Cut(recipients, 500),
                    Budget = pnrr is null && others is null ? null : (pnrr ?? 0) + (others ?? 0), OpensOn = opens, ClosesOn = closes,
                    UntilFundsRunOut = row["Fino ad esaurimento risorse"].Equals("SI", StringComparison.OrdinalIgnoreCase),
                    Link = link.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? Cut(link, 1000) : null,
                    Status = Status(row["Stato del Bando"]), Source = SourceName, Applicants = applicants, Awarded = awarded, AwardedAmount = awardedAmount,
                }, rules));
            }
        }
        return (new Parsed(projects.Values.ToList(), calls), errors);
    }

    private static string Status(string text) => text.Trim().ToLowerInvariant() switch
    {
        "in corso" => FundingCallStatuses.Open,
        "aggiudicato" => FundingCallStatuses.Awarded,
        _ => FundingCallStatuses.Closed,
    };

    private static IEnumerable<PnrrRow> Rows(string text, string file, string[] required, List<FundingImportError> errors)
    {
        var (header, rows, problems) = PnrrCsv.Read(text);
        errors.AddRange(problems.Select(p => new FundingImportError(file, p.Line, null, p.Message)));
        if (header.Length == 0) { errors.Add(new(file, 1, null, "Il file è vuoto.")); return []; }
        var missing = required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0) { errors.Add(new(file, 1, null, "Mancano le colonne: " + string.Join(", ", missing) + ".")); return []; }
        return rows;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text.Trim() : text[..max].Trim();
    private static string? Opt(string text, int max) => PnrrCsv.IsMissing(text) ? null : Cut(text, max);

    /// <summary>The import as a user asks it (page, API): the funding office only.</summary>
    public static async Task<FundingImportResult> HandleAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, PnrrFiles files, CancellationToken ct)
    {
        if (!FundingAccess.CanManage(user)) return new FundingImportResult.Forbidden();
        return await RunAsync(db, clock, files, ct);
    }

    /// <summary>Checks everything, then writes everything in one transaction (or nothing).</summary>
    public static async Task<FundingImportResult> RunAsync(AppDbContext db, TimeProvider clock, PnrrFiles files, CancellationToken ct)
    {
        var known = (await db.Reads<ITerritoryQueries>().Comuni.Select(c => c.IstatCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (data, errors) = Parse(files, known);
        if (errors.Count > 0) return new FundingImportResult.Rejected(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        // A first import into an empty module (the demo's fresh start): the bulk path.
        if (!await db.Set<FundingProject>().AnyAsync(ct) && !await db.Set<FundingCall>().AnyAsync(c => c.Code != null, ct))
            return await strategy.ExecuteAsync(() => BulkFirstImportAsync(db, data, now, ct));
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var cups = data.Projects.Select(p => p.Project.Cup).ToList();
            var existing = new Dictionary<string, FundingProject>(StringComparer.Ordinal);
            foreach (var chunk in cups.Chunk(500))
                foreach (var p in await db.Set<FundingProject>().Where(p => chunk.Contains(p.Cup)).ToListAsync(ct)) existing[p.Cup] = p;
            var projectsAdded = 0;
            foreach (var parsed in data.Projects)
            {
                var p = parsed.Project;
                if (existing.TryGetValue(p.Cup, out var current))
                {
                    (p.Version, p.CreatedAt, p.UpdatedAt) = (current.Version, current.CreatedAt, now);
                    db.Entry(current).CurrentValues.SetValues(p);
                    await db.Set<FundingLine>().Where(l => l.Cup == p.Cup).ExecuteDeleteAsync(ct);
                    if (files.Localisation is not null) await db.Set<FundingProjectComune>().Where(l => l.Cup == p.Cup).ExecuteDeleteAsync(ct);
                }
                else
                {
                    p.CreatedAt = p.UpdatedAt = now;
                    db.Add(p);
                    projectsAdded++;
                }
                db.AddRange(parsed.Lines);
                db.AddRange(parsed.Comuni.Select(c => new FundingProjectComune { Cup = p.Cup, IstatCode = c }));
            }
            await db.SaveChangesAsync(ct);
            var codes = data.Calls.Select(c => c.Call.Code!).ToList();
            var existingCalls = await db.Set<FundingCall>().Where(c => c.Code != null && codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code!, ct);
            var callsAdded = 0;
            var targets = new List<(FundingCall Target, List<FundingCallRule> Rules)>();
            foreach (var parsed in data.Calls)
            {
                var c = parsed.Call;
                if (existingCalls.TryGetValue(c.Code!, out var current))
                {
                    (c.Id, c.Version, c.CreatedAt, c.UpdatedAt) = (current.Id, current.Version, current.CreatedAt, now);
                    db.Entry(current).CurrentValues.SetValues(c);
                    await db.Set<FundingCallRule>().Where(r => r.CallId == current.Id).ExecuteDeleteAsync(ct);
                    targets.Add((current, parsed.Rules));
                }
                else
                {
                    c.CreatedAt = c.UpdatedAt = now;
                    db.Add(c);
                    callsAdded++;
                    targets.Add((c, parsed.Rules));
                }
            }
            await db.SaveChangesAsync(ct);
            foreach (var (target, rules) in targets)
            {
                foreach (var r in rules) r.CallId = target.Id;
                db.AddRange(rules);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return (FundingImportResult)new FundingImportResult.Imported(data.Projects.Count, projectsAdded, data.Calls.Count, callsAdded);
        });
    }

    /// <summary>The first import, into empty tables: every row written with <see cref="BulkInsert"/> (SQLite: one
    /// prepared INSERT per table; PostgreSQL: binary COPY) in one transaction, keys assigned here, and one audit
    /// summary of the import instead of an audit entry per row (as the measurements' import, docs/adr/0015). The
    /// demo's fresh start took 6–11 s through the change tracker; see ADR 0041 for the figures.</summary>
    private static async Task<FundingImportResult> BulkFirstImportAsync(AppDbContext db, Parsed data, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var head = await Metropoli.Platform.Audit.AuditRecorder.LockHeadAsync(db, ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        if (BulkInsert.IsPostgres(connection))
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE funding_calls, funding_call_rules, funding_lines IN SHARE ROW EXCLUSIVE MODE", ct);
        var lineId = (await db.Set<FundingLine>().MaxAsync(l => (long?)l.Id, ct) ?? 0) + 1;
        var callId = (await db.Set<FundingCall>().MaxAsync(c => (long?)c.Id, ct) ?? 0) + 1;
        var ruleId = (await db.Set<FundingCallRule>().MaxAsync(r => (long?)r.Id, ct) ?? 0) + 1;
        foreach (var parsed in data.Projects)
        {
            (parsed.Project.CreatedAt, parsed.Project.UpdatedAt, parsed.Project.Version) = (now, now, 1);
            foreach (var l in parsed.Lines) l.Id = lineId++;
        }
        foreach (var parsed in data.Calls)
        {
            (parsed.Call.Id, parsed.Call.CreatedAt, parsed.Call.UpdatedAt, parsed.Call.Version) = (callId++, now, now, 1);
            foreach (var r in parsed.Rules) (r.Id, r.CallId) = (ruleId++, parsed.Call.Id);
        }
        await BulkInsert.WriteAsync(db.Model, connection, transaction, data.Projects.Select(p => p.Project), null, ct);
        await BulkInsert.WriteAsync(db.Model, connection, transaction, data.Projects.SelectMany(p => p.Lines), null, ct);
        await BulkInsert.WriteAsync(db.Model, connection, transaction,
            data.Projects.SelectMany(p => p.Comuni.Select(c => new FundingProjectComune { Cup = p.Project.Cup, IstatCode = c })), null, ct);
        await BulkInsert.WriteAsync(db.Model, connection, transaction, data.Calls.Select(c => c.Call), null, ct);
        await BulkInsert.WriteAsync(db.Model, connection, transaction, data.Calls.SelectMany(c => c.Rules), null, ct);
        var summary = System.Text.Json.JsonSerializer.Serialize(new { Projects = data.Projects.Count, Calls = data.Calls.Count, Source = Attribution });
        await Metropoli.Platform.Audit.AuditRecorder.AppendSummaryAsync(db, head, null, Metropoli.Platform.Auth.CurrentUser.SystemName,
            "FundingImport", now.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "create", summary, ct);
        await tx.CommitAsync(ct);
        return new FundingImportResult.Imported(data.Projects.Count, data.Projects.Count, data.Calls.Count, data.Calls.Count);
    }
}
