using System.Security.Claims;
using Metropoli.Agreements.Contracts;
using Metropoli.Funding.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.StrategicPlan.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Projects;

/// <param name="DupMission">DUP Missione, two digits (D.Lgs. 118/2011), or empty.</param>
/// <param name="DupProgramme">DUP Programma within the Missione, two digits, or empty.</param>
public sealed record ProjectLinksRequest(IReadOnlyList<long>? Objectives, IReadOnlyList<long>? Actions, IReadOnlyList<long>? Agreements,
    string? DupMission = null, string? DupProgramme = null);

public sealed record LinkedItem(long Id, string Code, string Title);

public sealed record ProjectLinks(string Cup, IReadOnlyList<LinkedItem> Objectives, IReadOnlyList<LinkedItem> Actions, IReadOnlyList<LinkedItem> Agreements,
    string? DupMission, string? DupProgramme, int Version);

/// <summary>The links of a funded project to the plan objectives and actions it serves (read through the plan's
/// contract <see cref="IPlanQueries"/>) and to the agreements it rests on (<see cref="IAgreementQueries"/>), and its
/// DUP Missione/Programma. The funding office or the implementing Comune's officer sets them (the whole set at once,
/// If-Match on the project's version). Readers see objectives and actions of plans they may see (drafts only for
/// the plan office) and public agreements (the funding office sees all).</summary>
public static class ProjectLinkHandlers
{
    public static async Task<ProjectLinks?> GetAsync(AppDbContext db, ClaimsPrincipal user, string cup, CancellationToken ct)
    {
        var project = await db.Set<FundingProject>().AsNoTracking().Where(p => p.Cup == cup).Select(p => new { p.Cup, p.DupMission, p.DupProgramme, p.Version }).SingleOrDefaultAsync(ct);
        if (project is null) return null;
        var plan = db.Reads<IPlanQueries>();
        var drafts = plan.SeesDrafts(user);
        var plans = plan.Plans.Where(p => drafts || !p.IsDraft).Select(p => p.Id);
        var objectiveIds = db.Set<FundingProjectObjective>().Where(x => x.Cup == cup).Select(x => x.ObjectiveId);
        var actionIds = db.Set<FundingProjectAction>().Where(x => x.Cup == cup).Select(x => x.ActionId);
        var agreementIds = db.Set<FundingProjectAgreement>().Where(x => x.Cup == cup).Select(x => x.AgreementId);
        var all = FundingAccess.CanManage(user);
        var objectives = await plan.Objectives.Where(o => objectiveIds.Contains(o.Id) && plans.Contains(o.PlanId)).OrderBy(o => o.Code)
            .Select(o => new LinkedItem(o.Id, o.Code, o.Title)).ToListAsync(ct);
        var actions = await plan.Actions.Where(a => actionIds.Contains(a.Id) && plans.Contains(a.PlanId)).OrderBy(a => a.Code)
            .Select(a => new LinkedItem(a.Id, a.Code, a.Title)).ToListAsync(ct);
        var agreements = await db.Reads<IAgreementQueries>().Agreements.Where(a => agreementIds.Contains(a.Id) && (all || a.IsPublic)).OrderBy(a => a.Title)
            .Select(a => new LinkedItem(a.Id, a.Number ?? "", a.Title)).ToListAsync(ct);
        return new ProjectLinks(cup, objectives, actions, agreements, project.DupMission, project.DupProgramme, project.Version);
    }

    private static bool TwoDigits(string? s) => s is { Length: 2 } && s.All(char.IsAsciiDigit) && s != "00";

    public static async Task<Outcome> SaveAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider clock, string cup, int? version, ProjectLinksRequest r, CancellationToken ct)
    {
        var p = await db.Set<FundingProject>().SingleOrDefaultAsync(x => x.Cup == cup, ct);
        if (p is null) return new Outcome.NotFound();
        if (!Reporting.ReportAccess.CanReport(user, p.ImplementerIstat)) return new Outcome.Forbidden();
        var objectives = (r.Objectives ?? []).Distinct().ToList();
        var actions = (r.Actions ?? []).Distinct().ToList();
        var agreements = (r.Agreements ?? []).Distinct().ToList();
        var dupMission = string.IsNullOrWhiteSpace(r.DupMission) ? null : r.DupMission.Trim();
        var dupProgramme = string.IsNullOrWhiteSpace(r.DupProgramme) ? null : r.DupProgramme.Trim();
        var e = new Dictionary<string, string[]>();
        if (objectives.Count + actions.Count + agreements.Count > 100) e["objectives"] = ["Al più 100 collegamenti."];
        var plan = db.Reads<IPlanQueries>();
        var known = await plan.Objectives.Where(o => objectives.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (objectives.Except(known).ToList() is { Count: > 0 }) e["objectives"] = ["Uno o più obiettivi del piano indicati non esistono."];
        known = await plan.Actions.Where(a => actions.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (actions.Except(known).ToList() is { Count: > 0 }) e["actions"] = ["Una o più azioni del piano indicate non esistono."];
        known = await db.Reads<IAgreementQueries>().Agreements.Where(a => agreements.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (agreements.Except(known).ToList() is { Count: > 0 }) e["agreements"] = ["Una o più intese indicate non esistono."];
        if (dupMission is not null && !TwoDigits(dupMission)) e["dupMission"] = ["La Missione del DUP ha due cifre (01…99)."];
        if (dupProgramme is not null && !TwoDigits(dupProgramme)) e["dupProgramme"] = ["Il Programma del DUP ha due cifre (01…99)."];
        if (dupProgramme is not null && dupMission is null) e["dupMission"] = ["Indica la Missione del Programma."];
        if (e.Count > 0) return new Outcome.Invalid(e);
        if (version is { } v && v != p.Version) return new Outcome.Conflict(p.Version);

        db.ExpectVersion(p, p.Version);
        (p.DupMission, p.DupProgramme, p.UpdatedAt) = (dupMission, dupProgramme, clock.GetUtcNow().UtcDateTime);
        db.RemoveRange(await db.Set<FundingProjectObjective>().Where(x => x.Cup == cup).ToListAsync(ct));
        db.RemoveRange(await db.Set<FundingProjectAction>().Where(x => x.Cup == cup).ToListAsync(ct));
        db.RemoveRange(await db.Set<FundingProjectAgreement>().Where(x => x.Cup == cup).ToListAsync(ct));
        db.AddRange(objectives.Select(id => new FundingProjectObjective { Cup = cup, ObjectiveId = id }));
        db.AddRange(actions.Select(id => new FundingProjectAction { Cup = cup, ActionId = id }));
        db.AddRange(agreements.Select(id => new FundingProjectAgreement { Cup = cup, AgreementId = id }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome.Conflict(await db.Set<FundingProject>().AsNoTracking().Where(x => x.Cup == cup).Select(x => x.Version).SingleAsync(ct));
        }
        return new Outcome.Done(p.Version);
    }

    /// <summary>"1, 2 3" → [1, 2, 3]; null when a part is not a positive whole number.</summary>
    public static List<long>? ParseIds(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var ids = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0) return null;
            ids.Add(id);
        }
        return ids;
    }
}
