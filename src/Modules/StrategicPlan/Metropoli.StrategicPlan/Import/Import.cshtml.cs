using System.ComponentModel.DataAnnotations;
using Metropoli.StrategicPlan.Plans;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Import;

/// <summary>Upload of a plan structure; it calls the same handler as POST /api/v1/plans/{id}/import.</summary>
// The multipart limit leaves room for the form's other parts around a file of the maximum size.
[RequestFormLimits(MultipartBodyLengthLimit = ImportPlanStructure.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public PlanDetail? Plan { get; private set; }

    [BindProperty]
    [Display(Name = "File CSV")]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's number format, "it" or "en" (<c>/Platform/Ui/_NumberFormat.cshtml</c>).</summary>
    [BindProperty]
    public string? Numbers { get; set; }

    private static NumberStyle NumberStyleOf(string? numbers) => numbers == "en" ? NumberStyle.English : NumberStyle.Italian;

    public IReadOnlyList<PlanImportError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        return Plan is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Plan = await GetPlan.HandleAsync(db, User, id, ct);
        if (Plan is null) return NotFound();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Scegli un file CSV da importare."]);
            return Page();
        }
        if (Upload.Length > ImportPlanStructure.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Il file supera la dimensione massima di 2 MB: dividilo in più file."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        switch (await ImportPlanStructure.HandleAsync(db, User, clock, id, buffer.ToArray(), NumberStyleOf(Numbers), ct))
        {
            case PlanImportResult.Imported imported:
                TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture,
                    l["Importazione completata: {0} aree, {1} obiettivi e {2} azioni aggiunti."].Value, imported.Areas, imported.Objectives, imported.Actions);
                return Redirect("/piano/" + id);
            case PlanImportResult.Rejected rejected:
                Errors = rejected.Errors;
                ModelState.AddModelError(string.Empty, l["Il file non è stato importato: non è stato aggiunto nulla. Correggi gli errori elencati e carica di nuovo il file."]);
                return Page();
            case PlanImportResult.Refused refused:
                ModelState.AddModelError(string.Empty, l[refused.Reason]);
                return Page();
            case PlanImportResult.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }
}
