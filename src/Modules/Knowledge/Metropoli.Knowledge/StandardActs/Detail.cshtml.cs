using Metropoli.Knowledge.Adoptions;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.StandardActs;

/// <summary>A standard act: versions with their files, the adoptions by Comune; the editors' form for a new version and
/// the municipality officer's form to record their Comune's adoption (the same handlers as the API).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IFileStore files, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public StandardActDetail? Act { get; private set; }
    public bool CanEdit { get; private set; }
    public string? MyComune { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Changes { get; set; }
    [BindProperty] public string? PublishedOn { get; set; }
    [BindProperty] public AdoptionRequest Adoption { get; set; } = new();

    private async Task<IActionResult> LoadAsync(long id, CancellationToken ct)
    {
        CanEdit = KnowledgeAccess.IsEditor(User);
        MyComune = KnowledgeAccess.Municipality(User);
        return (Act = await StandardActHandlers.GetAsync(db, id, ct)) is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>A new version (the same handler as POST /api/v1/standard-acts/{id}/versions).</summary>
    public async Task<IActionResult> OnPostVersionAsync(long id, CancellationToken ct)
    {
        var (outcome, _) = await StandardActHandlers.AddVersionAsync(db, User, clock, files, id, Changes, PublishedOn,
            Upload is null ? null : new EvidenceUpload(Upload.FileName, Upload.Length, Upload.OpenReadStream), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Nuova versione pubblicata."].Value, $"/atti-tipo/{id}"),
            fieldPrefix: "", again: () => LoadAsync(id, ct));
    }

    /// <summary>The officer's Comune adopted a version (the same handler as POST /api/v1/adoptions).</summary>
    public async Task<IActionResult> OnPostAdoptAsync(long id, CancellationToken ct)
    {
        Adoption.StandardActId = id;
        var (outcome, _) = await AdoptionHandlers.RecordAsync(db, User, clock, Adoption, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Adozione registrata."].Value, $"/atti-tipo/{id}#adozioni"),
            fieldPrefix: "Adoption.", again: () => LoadAsync(id, ct));
    }
}
