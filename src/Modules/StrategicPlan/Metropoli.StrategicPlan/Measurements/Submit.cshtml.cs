using System.ComponentModel.DataAnnotations;
using Metropoli.StrategicPlan.Indicators;
using Metropoli.StrategicPlan.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Measurements;

public sealed class MeasurementForm
{
    [Display(Name = "Periodo")]
    public string? Period { get; set; }
    [Display(Name = "Valore")]
    public string? Value { get; set; }
    [Display(Name = "Nota")]
    public string? Note { get; set; }
    [Display(Name = "File di evidenza")]
    public IFormFile? Evidence { get; set; }
}

/// <summary>Submits a value (/piano/indicatori/{id}/misurazioni/nuova) or corrects one waiting or rejected
/// (/piano/misurazioni/{id}/correggi); the same handlers as POST /indicators/{id}/measurements and PUT /measurements/{id}.</summary>
// The multipart limit leaves room for the form's other fields around a file of the maximum size.
[RequestFormLimits(MultipartBodyLengthLimit = Evidence.MaxBytes + 64 * 1024)]
public sealed class SubmitModel(AppDbContext db, TimeProvider clock, IFileStore files,
    IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public IndicatorDetail? Indicator { get; private set; }
    public Measurement? Correcting { get; private set; }

    [BindProperty]
    public MeasurementForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(long? id, long? measurement, CancellationToken ct)
    {
        if (!await LoadAsync(id, measurement, ct)) return NotFound();
        if (!IndicatorAccess.CanSubmit(User, Indicator!.OwnerSector, Indicator.ActionOwnerSector)) return Forbid();
        if (Correcting is { } m)
        {
            Input = new MeasurementForm { Period = m.Period, Value = IndicatorRules.NumberInput(m.Value), Note = m.Note };
            Version = m.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, long? measurement, CancellationToken ct)
    {
        if (!await LoadAsync(id, measurement, ct)) return NotFound();
        if (!IndicatorRules.TryParseNumber(Input.Value, NumberReader.Current, out var value, out var numberError))
            ModelState.AddModelError("Input.Value", numberError!.In(l));
        if (!ModelState.IsValid) return Page();
        var request = new MeasurementRequest { Period = Input.Period, Value = value, Note = Input.Note };
        var evidence = Input.Evidence is { Length: > 0 } f ? new EvidenceUpload(f.FileName, f.Length, f.OpenReadStream) : null;
        var outcome = Correcting is { } m
            ? await SubmitMeasurement.UpdateAsync(db, User, clock, files, m.Id, Version, request, evidence, ct)
            : (await SubmitMeasurement.CreateAsync(db, User, clock, files, Indicator!.Id, request, evidence, ct)).Outcome;
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Valore inviato: l'ufficio di piano lo validerà."].Value, "/piano/indicatori/" + Indicator!.Id),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            },
            "Nel frattempo il valore è stato modificato o esaminato: ricarica la pagina e riprova.");
    }

    private async Task<bool> LoadAsync(long? id, long? measurement, CancellationToken ct)
    {
        if (measurement is { } mid)
        {
            Correcting = await db.Set<Measurement>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == mid, ct);
            if (Correcting is null) return false;
            id = Correcting.IndicatorId;
        }
        Indicator = id is { } iid ? await GetIndicator.HandleAsync(db, User, iid, ct) : null;
        return Indicator is not null;
    }
}
