using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Participation.Meetings;

/// <summary>A meeting: agenda, place or link, calendar file, minutes once approved, attendance; the minutes form for the
/// secretariat and the zone's current coordinator (the same handler as PUT /api/v1/meetings/{id}/minutes).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, Platform.Files.IFileStore files, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public MeetingDetail? Meeting { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? DocumentKind { get; set; }
    [BindProperty] public string? DocumentTitle { get; set; }

    /// <summary>Uploads a file of the meeting (the same handler as POST /api/v1/meetings/{id}/documents).</summary>
    public async Task<IActionResult> OnPostDocumentAsync(long id, CancellationToken ct)
    {
        var (outcome, _) = await MeetingDocuments.UploadAsync(db, User, clock, files, id, DocumentKind, DocumentTitle,
            Upload is null ? null : new Platform.Files.EvidenceUpload(Upload.FileName, Upload.Length, Upload.OpenReadStream), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Documento caricato."].Value, $"/partecipazione/riunioni/{id}"),
            reload: _ => Task.CompletedTask, fieldPrefix: "",
            again: async () => (Meeting = await MeetingHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page());
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        (Meeting = await MeetingHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var current = await MeetingHandlers.GetAsync(db, User, clock, id, ct);
        var outcome = await MeetingHandlers.MinutesAsync(db, User, clock, id, Version,
            new MinutesRequest { Minutes = Minutes, Approve = Approve, Attendance = current?.Attendance.Select(a => a.OrganisationId).ToList() }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Verbale salvato."].Value, $"/partecipazione/riunioni/{id}"),
            reload: _ => Task.CompletedTask, fieldPrefix: "",
            again: async () => (Meeting = await MeetingHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page());
    }
}
