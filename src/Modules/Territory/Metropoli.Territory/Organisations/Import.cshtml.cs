using System.ComponentModel.DataAnnotations;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Territory.Organisations;

/// <summary>Upload of a CSV file; it calls the same handler as POST /api/v1/organizations/import.</summary>
// The multipart limit leaves room for the form's other parts around a file of the maximum size.
[RequestFormLimits(MultipartBodyLengthLimit = ImportOrganisations.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "File CSV")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

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
        if (Upload.Length > ImportOrganisations.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["Il file supera la dimensione massima di 2 MB: dividilo in più file."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        switch (await ImportOrganisations.HandleAsync(db, User, clock, buffer.ToArray(), ct))
        {
            case ImportResult.Imported imported:
                TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Importazione completata: {0} organizzazioni aggiunte."].Value, imported.Count);
                return Redirect("/organizzazioni");
            case ImportResult.Rejected rejected:
                Errors = rejected.Errors;
                ModelState.AddModelError(string.Empty, l["Il file non è stato importato: nessuna riga è stata aggiunta. Correggi gli errori elencati e carica di nuovo il file."]);
                return Page();
            default:
                return Forbid();
        }
    }
}
