using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Requests;

/// <summary>One request with its thread and service-level clocks; the same handlers as GET /api/v1/service-requests/{id},
/// its transitions, messages and attachments.</summary>
[Authorize]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IFileStore files, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public RequestDetail Item { get; private set; } = null!;

    /// <summary>The office of a procurement service may turn the request into a procedure.</summary>
    public bool StartsProcedure { get; private set; }

    [BindProperty]
    public TransitionInput Input { get; set; } = new();

    [BindProperty]
    public MessageInput Message { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await this.AnswerAsync(await RequestHandlers.TransitionAsync(db, User, clock, id, Version, Input, ct), l,
            () => this.Success(l["Richiesta aggiornata."].Value, $"/casa-dei-comuni/richieste/{id}"),
            async conflict => { await LoadAsync(id, ct); Version = conflict.CurrentVersion; });
    }

    public async Task<IActionResult> OnPostMessageAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await this.AnswerAsync(await RequestHandlers.AddMessageAsync(db, User, clock, id, Message, ct), l,
            () => this.Success(l["Messaggio inviato."].Value, $"/casa-dei-comuni/richieste/{id}"), fieldPrefix: "Message.");
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (outcome, _) = await Attachments.UploadAsync(db, User, clock, files, id,
            file is null ? null : new EvidenceUpload(file.FileName, file.Length, file.OpenReadStream), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Allegato caricato."].Value, $"/casa-dei-comuni/richieste/{id}"), fieldPrefix: "");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await RequestHandlers.GetAsync(db, User, clock, id, ct) is not { } request) return false;
        Item = request;
        var service = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Where(db.Set<Model.SharedService>(), s => s.Slug == request.Service), ct);
        StartsProcedure = service.Kind == Model.ServiceKinds.Procurement && ServiceAccess.IsOffice(User, service.OfficeSector);
        return true;
    }
}
