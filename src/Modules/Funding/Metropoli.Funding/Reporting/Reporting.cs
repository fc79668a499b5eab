using System.Security.Claims;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Reporting;

public sealed record ExpenditureRequest(decimal? Amount, DateOnly? PaidOn, string? Description, string? PaymentRequest);
public sealed record ReportDecisionRequest(string? To, string? Reason);
public sealed record ExpenditureRow(long Id, string Cup, decimal Amount, DateOnly PaidOn, string Description, string? PaymentRequest,
    string FileName, string Sha256, string Status, string? Reason, int Version);
public sealed record MilestoneRequest(string? Kind, string? Title, DateOnly? DueOn, decimal? TargetValue);
public sealed record ProgressRequest(decimal? ReachedValue, DateOnly? ReachedOn);
/// <param name="ReachedValue">Published only once validated (null otherwise for those who do not report or validate).</param>
public sealed record MilestoneRow(long Id, string Cup, string Kind, string Title, DateOnly DueOn, decimal? TargetValue, decimal? ReachedValue,
    DateOnly? ReachedOn, string? Status, string? Reason, bool Late, int Version);
/// <summary>What a project's page shows of its reporting: validated spending (the only published figure), and for
/// those who report or validate also what waits.</summary>
public sealed record ProjectReport(string Cup, decimal TotalCost, decimal Validated, decimal Pending, IReadOnlyList<ExpenditureRow> Expenditures,
    IReadOnlyList<MilestoneRow> Milestones, bool CanReport, bool CanValidate);

/// <summary>Who reports and who validates: the implementing Comune's municipality officer (and the funding office)
/// enter expenditures and progress; the funding office (plan office, administrator) validates or rejects them.</summary>
public static class ReportAccess
{
    public static bool CanReport(ClaimsPrincipal user, string? implementerIstat) =>
        FundingAccess.CanManage(user) || (implementerIstat is not null && ApplicationAccess.Municipality(user) == implementerIstat);
}

/// <summary>The rendicontazione of a funded project: expenditures with their document (SHA-256) and payment request,
/// progress of milestones and targets; submitted → validated / rejected with the reason, as the plan's measurements.
/// Expenditures beyond the project's funded amount are refused (422 amount); nothing half-saved.</summary>
public static class ProjectReporting
{
    /// <summary>The file-store area of expenditures' documents.</summary>
    public const string Area = "funding";

    private static Task<FundingProject?> ProjectAsync(AppDbContext db, string cup, CancellationToken ct) =>
        db.Set<FundingProject>().AsNoTracking().SingleOrDefaultAsync(p => p.Cup == cup, ct);

    public static async Task<ProjectReport?> GetAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, string cup, CancellationToken ct)
    {
        if (await ProjectAsync(db, cup, ct) is not { } p) return null;
        var canReport = ReportAccess.CanReport(user, p.ImplementerIstat);
        var canValidate = FundingAccess.CanManage(user);
        var q = db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Cup == cup);
        var sums = await q.GroupBy(e => e.Status).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct);
        var validated = sums.Where(s => s.Key == ReportStatuses.Validated).Sum(s => s.Sum);
        var pending = sums.Where(s => s.Key == ReportStatuses.Submitted).Sum(s => s.Sum);
        if (!canReport) q = q.Where(e => e.Status == ReportStatuses.Validated);
        var rows = await q.OrderByDescending(e => e.PaidOn).ThenByDescending(e => e.Id).Take(200).Select(Row).ToListAsync(ct);
        return new ProjectReport(p.Cup, p.TotalCost, validated, canReport ? pending : 0, rows, await MilestonesAsync(db, clock, cup, canReport, ct), canReport, canValidate);
    }

    private static readonly System.Linq.Expressions.Expression<Func<FundingExpenditure, ExpenditureRow>> Row = e =>
        new ExpenditureRow(e.Id, e.Cup, e.Amount, e.PaidOn, e.Description, e.PaymentRequest, e.FileName, e.Sha256, e.Status, e.Reason, e.Version);

    /// <summary>The published (validated) expenditures of a project, paged: the API and the page show the same.</summary>
    public static async Task<Paged<ExpenditureRow>?> ValidatedAsync(AppDbContext db, string cup, ListQuery query, CancellationToken ct)
    {
        if (!await db.Set<FundingProject>().AnyAsync(p => p.Cup == cup, ct)) return null;
        var q = db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Cup == cup && e.Status == ReportStatuses.Validated);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.PaidOn).ThenByDescending(e => e.Id).Skip(query.EffectiveOffset).Take(query.EffectiveLimit).Select(Row).ToListAsync(ct);
        return new Paged<ExpenditureRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static async Task<IReadOnlyList<MilestoneRow>> MilestonesAsync(AppDbContext db, TimeProvider clock, string cup, bool canReport, CancellationToken ct)
    {
        var today = CivilClock.Today(clock);
        var list = await db.Set<FundingMilestone>().AsNoTracking().Where(m => m.Cup == cup).OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct);
        return list.Select(m =>
        {
            var show = canReport || m.Status == ReportStatuses.Validated;
            return new MilestoneRow(m.Id, m.Cup, m.Kind, m.Title, m.DueOn, m.TargetValue, show ? m.ReachedValue : null, show ? m.ReachedOn : null,
                canReport ? m.Status : (m.Status == ReportStatuses.Validated ? m.Status : null), canReport ? m.Reason : null,
                m.DueOn < today && m.Status != ReportStatuses.Validated, m.Version);
        }).ToList();
    }

    public static async Task<(Outcome Outcome, long Id)> AddExpenditureAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, IFileStore files,
        string cup, ExpenditureRequest r, EvidenceUpload? file, CancellationToken ct)
    {
        if (await ProjectAsync(db, cup, ct) is not { } p) return (new Outcome.NotFound(), 0);
        if (!ReportAccess.CanReport(user, p.ImplementerIstat)) return (new Outcome.Forbidden(), 0);
        var today = CivilClock.Today(clock);
        var e = new Dictionary<string, string[]>();
        if (r.Amount is not > 0) e["amount"] = ["Indica l'importo della spesa (più di zero)."];
        else if (r.Amount > 999_999_999_999m) e["amount"] = ["L'importo è troppo grande."];
        else
        {
            var reported = await db.Set<FundingExpenditure>().Where(x => x.Cup == cup && x.Status != ReportStatuses.Rejected).SumAsync(x => (decimal?)x.Amount, ct) ?? 0;
            if (reported + r.Amount > p.TotalCost)
                e["amount"] = [$"La spesa supera l'importo finanziato: restano {Math.Max(0, p.TotalCost - reported):N2} euro da rendicontare."];
        }
        if (r.PaidOn is not { } paid) e["paidOn"] = ["Indica la data della spesa."];
        else if (paid > today) e["paidOn"] = ["La data della spesa non può essere futura."];
        else if (p.StartDate is { } start && paid < start) e["paidOn"] = ["La data della spesa precede l'avvio del progetto."];
        if (string.IsNullOrWhiteSpace(r.Description)) e["description"] = ["Descrivi la spesa."];
        else if (r.Description.Length > 500) e["description"] = ["La descrizione non può superare 500 caratteri."];
        if (r.PaymentRequest is { Length: > 64 }) e["paymentRequest"] = ["Il riferimento della richiesta di pagamento non può superare 64 caratteri."];
        if (file is null) e["file"] = ["Allega il documento della spesa (fattura, mandato di pagamento)."];
        else if (Evidence.CheckShape(file) is { } shape) e["file"] = [shape];
        if (e.Count > 0) return (new Outcome.Invalid(e), 0);
        var (stored, error) = await Evidence.SaveAsync(files, Area, file!, ct);
        if (stored is null) return (new Outcome.Invalid(new() { ["file"] = [error!] }), 0);
        var x = new FundingExpenditure
        {
            Cup = cup, Amount = r.Amount!.Value, PaidOn = r.PaidOn!.Value, Description = r.Description!.Trim(),
            PaymentRequest = string.IsNullOrWhiteSpace(r.PaymentRequest) ? null : r.PaymentRequest.Trim(),
            FileName = stored.Name, StoredName = stored.StoredName, ContentType = stored.ContentType, Size = stored.Size, Sha256 = stored.Sha256,
            EnteredBy = CurrentUser.Of(user).Name, EnteredAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(x);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await files.DeleteAsync(Area, stored.StoredName, CancellationToken.None);
            throw;
        }
        return (new Outcome.Done(x.Version), x.Id);
    }

    /// <summary>The funding office validates or rejects (with the reason) a submitted expenditure.</summary>
    public static async Task<Outcome> DecideExpenditureAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, ReportDecisionRequest r, CancellationToken ct)
    {
        var x = await db.Set<FundingExpenditure>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (x is null) return new Outcome.NotFound();
        var p = await ProjectAsync(db, x.Cup, ct);
        if (!ReportAccess.CanReport(user, p!.ImplementerIstat) && x.Status != ReportStatuses.Validated) return new Outcome.NotFound();
        if (!FundingAccess.CanManage(user)) return new Outcome.Forbidden();
        if (Check(r) is { } invalid) return invalid;
        if (version is { } v && v != x.Version) return new Outcome.Conflict(x.Version);
        if (x.Status != ReportStatuses.Submitted) return new Outcome.Refused("La spesa è già stata esaminata.");
        db.ExpectVersion(x, x.Version);
        (x.Status, x.Reason, x.DecidedBy, x.DecidedAt) = (r.To!, Blank(r.Reason), CurrentUser.Of(user).Name, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, () => db.Set<FundingExpenditure>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync(ct), x, ct);
    }

    public static async Task<(Outcome Outcome, long Id)> AddMilestoneAsync(AppDbContext db, ClaimsPrincipal user, string cup, MilestoneRequest r, CancellationToken ct)
    {
        if (await ProjectAsync(db, cup, ct) is not { } p) return (new Outcome.NotFound(), 0);
        if (!ReportAccess.CanReport(user, p.ImplementerIstat)) return (new Outcome.Forbidden(), 0);
        var e = new Dictionary<string, string[]>();
        if (!MilestoneKinds.IsKnown(r.Kind)) e["kind"] = ["Indica se è una milestone o un target."];
        if (string.IsNullOrWhiteSpace(r.Title)) e["title"] = ["Indica la milestone o il target."];
        else if (r.Title.Length > 300) e["title"] = ["Il titolo non può superare 300 caratteri."];
        if (r.DueOn is null) e["dueOn"] = ["Indica la scadenza."];
        else if (p.StartDate is { } s && r.DueOn < s) e["dueOn"] = ["La scadenza precede l'avvio del progetto."];
        if (r.Kind == MilestoneKinds.Target && r.TargetValue is not > 0) e["targetValue"] = ["Indica il valore atteso del target (più di zero)."];
        if (e.Count > 0) return (new Outcome.Invalid(e), 0);
        var m = new FundingMilestone { Cup = cup, Kind = r.Kind!, Title = r.Title!.Trim(), DueOn = r.DueOn!.Value, TargetValue = r.TargetValue };
        db.Add(m);
        await db.SaveChangesAsync(ct);
        return (new Outcome.Done(m.Version), m.Id);
    }

    /// <summary>The implementing Comune reports a milestone reached (or a target's value): it waits for validation.</summary>
    public static async Task<Outcome> ReportProgressAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, long id, int? version, ProgressRequest r, CancellationToken ct)
    {
        var m = await db.Set<FundingMilestone>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return new Outcome.NotFound();
        var p = await ProjectAsync(db, m.Cup, ct);
        if (!ReportAccess.CanReport(user, p!.ImplementerIstat)) return new Outcome.Forbidden();
        var e = new Dictionary<string, string[]>();
        if (r.ReachedOn is not { } on) e["reachedOn"] = ["Indica la data."];
        else if (on > CivilClock.Today(clock)) e["reachedOn"] = ["La data non può essere futura."];
        if (m.Kind == MilestoneKinds.Target && r.ReachedValue is not >= 0) e["reachedValue"] = ["Indica il valore raggiunto."];
        if (e.Count > 0) return new Outcome.Invalid(e);
        if (version is { } v && v != m.Version) return new Outcome.Conflict(m.Version);
        if (m.Status == ReportStatuses.Validated) return new Outcome.Refused("L'avanzamento è già stato validato.");
        db.ExpectVersion(m, m.Version);
        (m.ReachedValue, m.ReachedOn, m.Status, m.Reason, m.ReportedBy) = (r.ReachedValue, r.ReachedOn, ReportStatuses.Submitted, null, CurrentUser.Of(user).Name);
        m.ReportedAt = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(db, () => db.Set<FundingMilestone>().AsNoTracking().Where(x => x.Id == id).Select(x => x.Version).SingleAsync(ct), m, ct);
    }

    public static async Task<Outcome> DecideMilestoneAsync(AppDbContext db, ClaimsPrincipal user, long id, int? version, ReportDecisionRequest r, CancellationToken ct)
    {
        var m = await db.Set<FundingMilestone>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return new Outcome.NotFound();
        if (!FundingAccess.CanManage(user)) return new Outcome.Forbidden();
        if (Check(r) is { } invalid) return invalid;
        if (version is { } v && v != m.Version) return new Outcome.Conflict(m.Version);
        if (m.Status != ReportStatuses.Submitted) return new Outcome.Refused("Non c'è un avanzamento da esaminare.");
        db.ExpectVersion(m, m.Version);
        (m.Status, m.Reason, m.DecidedBy) = (r.To!, Blank(r.Reason), CurrentUser.Of(user).Name);
        return await SaveAsync(db, () => db.Set<FundingMilestone>().AsNoTracking().Where(x => x.Id == id).Select(x => x.Version).SingleAsync(ct), m, ct);
    }

    private static Outcome? Check(ReportDecisionRequest r)
    {
        if (r.To is not (ReportStatuses.Validated or ReportStatuses.Rejected)) return new Outcome.Invalid(new() { ["to"] = ["Indica validated o rejected."] });
        if (r.To == ReportStatuses.Rejected && string.IsNullOrWhiteSpace(r.Reason)) return new Outcome.Invalid(new() { ["reason"] = ["Indica il motivo."] });
        if (r.Reason is { Length: > 2000 }) return new Outcome.Invalid(new() { ["reason"] = ["Il motivo non può superare 2000 caratteri."] });
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<Outcome> SaveAsync(AppDbContext db, Func<Task<int>> current, IVersioned row, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(await current());
        }
        return new Outcome.Done(row.Version);
    }
}
