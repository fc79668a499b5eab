using System.Security.Claims;
using System.Text.Json;
using Metropoli.StrategicPlan.Campaigns;
using Metropoli.StrategicPlan.Dashboard;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.StrategicPlan.Report;

/// <summary>Everything the monitoring report shows, read only from a closed campaign's snapshot.</summary>
public sealed record ReportModel(CampaignRow Campaign, string PlanName, int PlanStartYear, int PlanEndYear,
    PlanDashboardView Figures, IReadOnlyList<CampaignActionSnapshot> Actions)
{
    /// <summary>Sector names by code, Italian and English, so the report names sectors, never codes.</summary>
    public IReadOnlyDictionary<string, (string It, string En)> Sectors { get; init; } = new Dictionary<string, (string It, string En)>();

    public string SectorName(string? code, bool english) =>
        code is null or "" ? "—" : Sectors.TryGetValue(code, out var n) ? (english && n.En.Length > 0 ? n.En : n.It) : code;
}

/// <summary>One table of the report: the HTML, the PDF (made from the HTML), the CSV and the XLSX are all
/// written from these rows, so the same numbers appear everywhere.</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

public static class MonitoringReport
{
    public const string NotClosedReason = "Il rapporto si genera da una campagna chiusa: chiudi la campagna per congelarne i dati.";

    /// <summary>Null when the campaign does not exist or its plan is not visible; the reason when it is still open.</summary>
    public static async Task<(ReportModel? Model, string? Conflict)> BuildAsync(AppDbContext db, ClaimsPrincipal user, long campaignId, CancellationToken ct)
    {
        var campaign = await db.Set<MonitoringCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return (null, null);
        var plan = await db.Set<Plan>().AsNoTracking().Visible(user).SingleOrDefaultAsync(p => p.Id == campaign.PlanId, ct);
        if (plan is null) return (null, null);
        if (campaign.Status != CampaignStatuses.Closed) return (null, NotClosedReason);
        var json = await db.Set<CampaignSnapshot>().AsNoTracking().Where(s => s.CampaignId == campaignId).Select(s => s.Json).SingleAsync(ct);
        var figures = JsonSerializer.Deserialize<PlanDashboardView>(json, CloseCampaign.Json)!;
        var actions = await db.Set<CampaignActionSnapshot>().AsNoTracking().Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var ordered = actions.OrderBy(a => a.AreaCode, StringComparer.Ordinal).ThenBy(a => a.ObjectiveCode, StringComparer.Ordinal)
            .ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var row = (await CampaignQueries.ListAsync(db, user, plan.Id, ct))!.Single(c => c.Id == campaignId);
        var sectors = await db.Set<Metropoli.Platform.Sectors.Sector>().AsNoTracking()
            .ToDictionaryAsync(x => x.Code, x => (x.NameIt, x.NameEn), StringComparer.Ordinal, ct);
        return (new ReportModel(row, plan.Name, plan.StartYear, plan.EndYear, figures, ordered) { Sectors = sectors }, null);
    }

    /// <summary>The tables of the report, in order. <paramref name="label"/> translates the Italian texts;
    /// <paramref name="english"/> says which name of a sector to print (the label function's language).</summary>
    public static IReadOnlyList<ReportTable> Tables(ReportModel m, Func<string, string> label, bool english = false)
    {
        var f = m.Figures;
        string L(string s) => label(s);
        string Sector(string? code) => m.SectorName(code, english);
        var tables = new List<ReportTable>
        {
            new("sintesi", L("Sintesi"), [L("Misura"), L("Valore")],
            [
                [L("Azioni del piano"), f.Actions],
                [L("Avanzamento medio (%)"), Plain(f.AverageProgress)],
                [L("Azioni completate"), f.ActionsByStatus.Where(s => s.Status == ActionStatuses.Completed).Sum(s => s.Count)],
                [L(Lateness.DeclaredName) + " — " + L(Lateness.DeclaredDefinition), f.DeclaredLate],
                [L(Lateness.PastEndName) + " — " + L(Lateness.PastEndDefinition), f.PastEnd],
                [L("Indicatori"), f.Indicators.Count],
                [L("Indicatori in linea con l'obiettivo"), f.IndicatorsByStatus.Where(s => s.Status == IndicatorStatuses.OnTrack).Sum(s => s.Count)],
                [L("Attività di aggiornamento inviate dai settori"), m.Actions.Count(a => a.TaskStatus is TaskStatuses.Submitted or TaskStatuses.Accepted)],
                [L("Attività senza aggiornamento alla chiusura"), m.Actions.Count(a => a.TaskStatus is TaskStatuses.Pending or TaskStatuses.Returned)],
            ]),
            new("stato-azioni", L("Azioni per stato"), [L("Stato"), L("Azioni")],
                f.ActionsByStatus.Select(s => (IReadOnlyList<object?>)[L(ActionStatuses.Label(s.Status)), s.Count]).ToList()),
            new("aree", L("Azioni per area e stato"),
                [L("Codice"), L("Area"), .. ActionStatuses.All.Select(s => L(ActionStatuses.Label(s))), L("Totale"), L("Avanzamento medio (%)")],
                f.Areas.Select(a => (IReadOnlyList<object?>)[a.Code, a.Title, .. a.ByStatus.Select(s => (object?)s.Count), a.Actions, Plain(a.AverageProgress)]).ToList()),
            new("stato-indicatori", L("Indicatori per stato di raggiungimento"), [L("Stato"), L("Indicatori")],
                f.IndicatorsByStatus.Select(s => (IReadOnlyList<object?>)[L(IndicatorStatuses.Label(s.Status)), s.Count]).ToList()),
            new("indicatori", L("Indicatori"), [L("Codice"), L("Indicatore"), L("Unità"), L("Valore validato più recente"), L("Periodo"), L("Raggiungimento (%)"), L("Stato")],
                f.Indicators.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.Unit, Plain(i.LatestValue), i.LatestPeriod, Plain(i.Achievement), L(IndicatorStatuses.Label(i.Status))]).ToList()),
            new("ritardi", L("Azioni dichiarate in ritardo o oltre la data di fine"), [L("Codice"), L("Azione"), L("Settore"), L("Stato"), L("Avanzamento (%)"), L("Fine prevista"), L(Lateness.DeclaredName), L(Lateness.PastEndName)],
                f.LateActions.Select(a => (IReadOnlyList<object?>)[a.Code, a.Title, Sector(a.OwnerSector), L(ActionStatuses.Label(a.Status)), a.Progress, a.EndDate,
                    a.DeclaredLate ? L("sì") : L("no"), a.PastEnd ? L("sì") : L("no")]).ToList()),
            new("azioni", L("Stato di attuazione delle azioni"),
                [L("Codice"), L("Azione"), L("Area"), L("Obiettivo"), L("Settore"), L("Stato"), L("Avanzamento (%)"), L("Dichiarata in ritardo o oltre la data di fine"), L("Aggiornamento del settore"), L("Stato di attuazione")],
                m.Actions.Select(a => (IReadOnlyList<object?>)[a.Code, a.Title, a.AreaCode, a.ObjectiveCode, Sector(a.OwnerSector), L(ActionStatuses.Label(a.Status)), a.Progress,
                    a.Late ? L("sì") : L("no"), L(TaskLabel(a.TaskStatus)), a.Narrative]).ToList()),
        };
        return tables;
    }

    /// <summary>250.0000 → 250: the stored scale is not part of the figure.</summary>
    private static decimal? Plain(decimal? value) => value is { } d ? d / 1.000000000000000000000000000000000m : null;

    private static string TaskLabel(string status) => status == "none" ? "non richiesto (azione completata)" : TaskStatuses.Label(status);
}
