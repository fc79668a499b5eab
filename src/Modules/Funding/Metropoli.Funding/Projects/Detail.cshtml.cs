using System.ComponentModel.DataAnnotations;
using Metropoli.Funding.Reporting;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Projects;

/// <summary>One funded project by CUP (GET /api/v1/projects/{cup}) with its reporting: validated expenditures and
/// milestones for everyone; the implementing Comune's officer enters expenditures and progress, the office validates
/// (the same handlers as /api/v1/projects/{cup}/expenditures and /milestones).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IFileStore files, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ProjectDetail Project { get; private set; } = null!;
    public ProjectReport Report { get; private set; } = null!;

    public sealed class ExpenditureForm
    {
        public decimal? Amount { get; set; }
        public DateOnly? PaidOn { get; set; }
        public string? Description { get; set; }
        public string? PaymentRequest { get; set; }
    }

    public sealed class MilestoneForm
    {
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public DateOnly? DueOn { get; set; }
        public decimal? TargetValue { get; set; }
        public decimal? ReachedValue { get; set; }
        public DateOnly? ReachedOn { get; set; }
    }

    [BindProperty] public ExpenditureForm Expenditure { get; set; } = new();
    [BindProperty, Display(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public MilestoneForm Milestone { get; set; } = new();
    [BindProperty] public long ItemId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string cup, CancellationToken ct) => await LoadAsync(cup, ct) ? Page() : NotFound();

    public ProjectLinks Links { get; private set; } = null!;
    [BindProperty] public string? LinksObjectives { get; set; }
    [BindProperty] public string? LinksActions { get; set; }
    [BindProperty] public string? LinksAgreements { get; set; }
    [BindProperty] public string? DupMission { get; set; }
    [BindProperty] public string? DupProgramme { get; set; }

    private async Task<bool> LoadAsync(string cup, CancellationToken ct)
    {
        if (cup.Length > 20 || await ListProjects.GetAsync(db, cup, ct) is not { } p) return false;
        Project = p;
        Report = (await ProjectReporting.GetAsync(db, User, clock, cup, ct))!;
        Links = (await ProjectLinkHandlers.GetAsync(db, User, cup, ct))!;
        if (Request.Method == "GET")
        {
            LinksObjectives = string.Join(", ", Links.Objectives.Select(x => x.Id));
            LinksActions = string.Join(", ", Links.Actions.Select(x => x.Id));
            LinksAgreements = string.Join(", ", Links.Agreements.Select(x => x.Id));
            (DupMission, DupProgramme) = (Links.DupMission, Links.DupProgramme);
        }
        return true;
    }

    /// <summary>The links to the plan and the agreements (the same handler as PUT /api/v1/projects/{cup}/links).</summary>
    public async Task<IActionResult> OnPostLinksAsync(string cup, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var (objectives, actions, agreements) = (ProjectLinkHandlers.ParseIds(LinksObjectives), ProjectLinkHandlers.ParseIds(LinksActions), ProjectLinkHandlers.ParseIds(LinksAgreements));
        var bad = "Indica numeri interi positivi separati da virgole.";
        if (objectives is null) ModelState.AddModelError(nameof(LinksObjectives), l[bad]);
        if (actions is null) ModelState.AddModelError(nameof(LinksActions), l[bad]);
        if (agreements is null) ModelState.AddModelError(nameof(LinksAgreements), l[bad]);
        if (objectives is null || actions is null || agreements is null) return Page();
        var outcome = await ProjectLinkHandlers.SaveAsync(db, User, clock, cup, Version, new ProjectLinksRequest(objectives, actions, agreements, DupMission, DupProgramme), ct);
        if (outcome is Outcome.Invalid inv)
        {
            foreach (var (k, v) in inv.Errors)
            foreach (var m in v)
                ModelState.AddModelError(k switch { "objectives" => nameof(LinksObjectives), "actions" => nameof(LinksActions), "agreements" => nameof(LinksAgreements), "dupMission" => nameof(DupMission), _ => nameof(DupProgramme) }, l[m]);
            return Page();
        }
        return await AnswerAsync(cup, outcome, "", "Collegamenti salvati.", "#collegamenti", ct);
    }

    private Task<IActionResult> AnswerAsync(string cup, Outcome outcome, string prefix, string done, string anchor, CancellationToken ct) =>
        this.AnswerAsync(outcome, l, () => this.Success(l[done].Value, $"/finanziamenti/progetti/{cup}{anchor}"),
            reload: async _ => await LoadAsync(cup, ct), fieldPrefix: prefix,
            again: async () => { await LoadAsync(cup, ct); return Page(); });

    public async Task<IActionResult> OnPostExpenditureAsync(string cup, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var file = Upload is { Length: > 0 } f ? new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream) : null;
        var (outcome, _) = await ProjectReporting.AddExpenditureAsync(db, User, clock, files, cup,
            new ExpenditureRequest(Expenditure.Amount, Expenditure.PaidOn, Expenditure.Description, Expenditure.PaymentRequest), file, ct);
        if (outcome is Outcome.Invalid inv)
        {
            foreach (var (k, v) in inv.Errors) foreach (var m in v) ModelState.AddModelError(k == "file" ? "Upload" : "Expenditure." + char.ToUpperInvariant(k[0]) + k[1..], l[m]);
            return Page();
        }
        return await AnswerAsync(cup, outcome, "Expenditure.", "Spesa registrata: è in attesa di validazione.", "#rendicontazione", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(string cup, string decision, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var outcome = await ProjectReporting.DecideExpenditureAsync(db, User, clock, ItemId, Version, new ReportDecisionRequest(decision, Reason), ct);
        return await AnswerAsync(cup, outcome, "", decision == Model.ReportStatuses.Validated ? "Spesa validata." : "Spesa respinta.", "#rendicontazione", ct);
    }

    public async Task<IActionResult> OnPostMilestoneAsync(string cup, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var (outcome, _) = await ProjectReporting.AddMilestoneAsync(db, User, cup, new MilestoneRequest(Milestone.Kind, Milestone.Title, Milestone.DueOn, Milestone.TargetValue), ct);
        return await AnswerAsync(cup, outcome, "Milestone.", "Milestone aggiunta.", "#milestone", ct);
    }

    public async Task<IActionResult> OnPostProgressAsync(string cup, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var outcome = await ProjectReporting.ReportProgressAsync(db, User, clock, ItemId, Version, new ProgressRequest(Milestone.ReachedValue, Milestone.ReachedOn), ct);
        return await AnswerAsync(cup, outcome, "Milestone.", "Avanzamento registrato: è in attesa di validazione.", "#milestone", ct);
    }

    public async Task<IActionResult> OnPostDecideMilestoneAsync(string cup, string decision, CancellationToken ct)
    {
        if (!await LoadAsync(cup, ct)) return NotFound();
        var outcome = await ProjectReporting.DecideMilestoneAsync(db, User, ItemId, Version, new ReportDecisionRequest(decision, Reason), ct);
        return await AnswerAsync(cup, outcome, "", decision == Model.ReportStatuses.Validated ? "Avanzamento validato." : "Avanzamento respinto.", "#milestone", ct);
    }
}
