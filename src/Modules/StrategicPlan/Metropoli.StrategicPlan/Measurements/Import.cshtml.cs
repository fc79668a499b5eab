using System.ComponentModel.DataAnnotations;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>Upload of a CSV of measurements; the same handler as POST /api/v1/measurements/import.</summary>
// The multipart limit leaves room for the form's other parts around a file of the maximum size.
[RequestFormLimits(MultipartBodyLengthLimit = ImportMeasurements.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "File CSV")]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's number format, "it" or "en" (<c>/Platform/Ui/_NumberFormat.cshtml</c>).</summary>
    [BindProperty]
    public string? Numbers { get; set; }

    private static NumberStyle NumberStyleOf(string? numbers) => numbers == "en" ? NumberStyle.English : NumberStyle.Italian;

    [BindProperty]
    [Display(Name = "Piano")]
    public long? PlanId { get; set; }

    public IReadOnlyList<(long Id, string Name)> Plans { get; private set; } = [];
    public IReadOnlyList<MeasurementImportError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (PlanId is null || Plans.All(p => p.Id != PlanId)) ModelState.AddModelError(nameof(PlanId), l["Scegli il piano."]);
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), l["Scegli un file CSV da importare."]);
        else if (Upload.Length > ImportMeasurements.MaxBytes) ModelState.AddModelError(nameof(Upload), l["Il file supera la dimensione massima di 2 MB: dividilo in più file."]);
        if (!ModelState.IsValid) return Page();
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, ct);
        switch (await ImportMeasurements.HandleAsync(db, User, clock, PlanId!.Value, buffer.ToArray(), NumberStyleOf(Numbers), ct))
        {
            case MeasurementImportResult.Imported imported:
                TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Importazione completata: {0} valori da validare."].Value, imported.Count);
                return Redirect("/piano/misurazioni/da-validare");
            case MeasurementImportResult.Rejected rejected:
                Errors = rejected.Errors;
                ModelState.AddModelError(string.Empty, l["Il file non è stato importato: nessuna riga è stata aggiunta. Correggi gli errori elencati e carica di nuovo il file."]);
                return Page();
            default:
                return Forbid();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var plans = await db.Set<Plan>().AsNoTracking().Where(p => p.Status != PlanStatuses.Archived).OrderByDescending(p => p.StartYear).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        Plans = plans.Select(p => (p.Id, p.Name)).ToList();
    }
}
