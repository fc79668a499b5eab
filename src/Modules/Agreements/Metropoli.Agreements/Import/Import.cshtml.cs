using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Import;

/// <summary>Upload of agreements and parties; the same handler as POST /api/v1/agreements/import.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = ImportAgreements.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "File CSV")]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's number format, "it" or "en" (<c>/Platform/Ui/_NumberFormat.cshtml</c>).</summary>
    [BindProperty]
    public string? Numbers { get; set; }

    private static NumberStyle NumberStyleOf(string? numbers) => numbers == "en" ? NumberStyle.English : NumberStyle.Italian;

    public IReadOnlyList<AgreementImportError> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Scegli un file CSV da importare."]);
            return Page();
        }
        if (Upload.Length > ImportAgreements.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Il file supera la dimensione massima di 2 MB: dividilo in più file."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        switch (await ImportAgreements.HandleAsync(db, User, clock, buffer.ToArray(), NumberStyleOf(Numbers), ct))
        {
            case AgreementImportResult.Imported imported:
                TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture,
                    l["Importazione completata: {0} intese e {1} parti aggiunte."].Value, imported.Agreements, imported.Parties);
                return Redirect("/intese");
            case AgreementImportResult.Rejected rejected:
                Errors = rejected.Errors;
                ModelState.AddModelError(string.Empty, l["Il file non è stato importato: non è stato aggiunto nulla. Correggi gli errori elencati e carica di nuovo il file."]);
                return Page();
            default:
                return Forbid();
        }
    }
}
