using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Funding.Applications;

/// <summary>One application with its partners, documents and reasoned history; the applicant submits or withdraws
/// it, the office admits it and decides (funded → a project with its CUP). The same handlers as the API.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IFileStore files, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ApplicationDetail Application { get; private set; } = null!;

    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Cup { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty, Display(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? DocumentTitle { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await ApplicationHandlers.GetAsync(db, User, id, ct) is not { } a) return NotFound();
        Application = a;
        Version = a.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct)
    {
        if (await ApplicationHandlers.GetAsync(db, User, id, ct) is not { } a) return NotFound();
        Application = a;
        var outcome = await ApplicationHandlers.TransitionAsync(db, User, clock, id, Version, new ApplicationTransitionRequest(To, Reason, Cup), ct);
        var done = To == Model.ApplicationStatuses.Funded ? l["Domanda finanziata: il progetto è stato creato."].Value : l["Stato della domanda aggiornato."].Value;
        return await this.AnswerAsync(outcome, l, () => this.Success(done, "/finanziamenti/domande/" + id),
            reload: async _ => { Application = (await ApplicationHandlers.GetAsync(db, User, id, ct))!; Version = Application.Version; }, fieldPrefix: "",
            again: async () => { Application = (await ApplicationHandlers.GetAsync(db, User, id, ct))!; return Page(); });
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, CancellationToken ct)
    {
        if (await ApplicationHandlers.GetAsync(db, User, id, ct) is not { } a) return NotFound();
        Application = a;
        var file = Upload is { Length: > 0 } f ? new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream) : null;
        var (outcome, _) = await ApplicationDocuments.UploadAsync(db, User, clock, files, id, DocumentTitle, file, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Documento caricato."].Value, "/finanziamenti/domande/" + id + "#documenti"),
            fieldPrefix: "", invalid: e => ModelState.AddFieldErrors(e.Errors.ToDictionary(x => x.Key == "file" ? "upload" : x.Key == "title" ? "documentTitle" : x.Key, x => x.Value), "", l));
    }
}
