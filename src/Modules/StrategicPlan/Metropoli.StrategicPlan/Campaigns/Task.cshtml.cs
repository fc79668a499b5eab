using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Campaigns;

public sealed class TaskForm
{
    public string? Status { get; set; }
    public int? Progress { get; set; }
    public string? Narrative { get; set; }
}

/// <summary>One task: the owner sector reports, the plan office accepts or returns it. The same handlers as
/// PUT /api/v1/campaign-tasks/{id}/report and POST …/review.</summary>
public sealed class TaskModel(AppDbContext db, TimeProvider clock, ICurrentUser who, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public TaskDetail? Detail { get; private set; }
    public Indicators.ActionIndicatorsView? Indicators { get; private set; }
    public Paged<AuditRow>? History { get; private set; }
    public bool Conflict { get; private set; }

    [BindProperty]
    public TaskForm Input { get; set; } = new();

    /// <summary>The plan office's note when returning (named as the API field, so its error lands here).</summary>
    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var d = Detail!;
        Version = d.Task.Version;
        Input = new TaskForm
        {
            Status = d.Task.ReportedStatus ?? d.Action.Status,
            Progress = d.Task.ReportedProgress ?? d.Action.Progress,
            Narrative = d.Narrative ?? d.Action.Narrative,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await TaskWork.SubmitAsync(db, User, clock, id, Version, new TaskReportRequest(Input.Status, Input.Progress, Input.Narrative), ct);
        return await AfterAsync(id, outcome, l["Aggiornamento inviato all'ufficio di piano."], "Input.", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await TaskWork.ReviewAsync(db, User, clock, id, Version, new TaskReviewRequest("accept", Note), ct);
        return await AfterAsync(id, outcome, l["Aggiornamento accettato."], "", ct);
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await TaskWork.ReviewAsync(db, User, clock, id, Version, new TaskReviewRequest("return", Note), ct);
        return await AfterAsync(id, outcome, l["Attività restituita al settore con la nota."], "", ct);
    }

    private Task<IActionResult> AfterAsync(long id, Outcome outcome, string success, string prefix, CancellationToken ct) =>
        this.AnswerAsync(outcome, l, () => this.Success(success, "/piano/campagne/attivita/" + id),
            async conflict =>
            {
                Version = conflict.CurrentVersion;
                Conflict = true;
                await LoadAsync(id, ct);
            },
            "Nel frattempo un altro utente ha modificato questa attività. I tuoi dati non sono stati salvati: confronta con i valori attuali e invia di nuovo se vuoi sostituirli.",
            prefix);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Detail = await CampaignQueries.GetTaskAsync(db, User, id, ct);
        if (Detail is null) return false;
        Indicators = await StrategicPlan.Indicators.ActionIndicators.LoadAsync(db, User, Detail.Action.Id, false, ct);
        History = await AuditSearch.HistoryAsync(db, who, nameof(CampaignTask), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return true;
    }
}
