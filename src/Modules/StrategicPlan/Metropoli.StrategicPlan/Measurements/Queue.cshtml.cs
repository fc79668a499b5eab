using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.StrategicPlan.Measurements;

/// <summary>The plan office's review queue; validating and rejecting call the same handlers as
/// POST /measurements/{id}/validation and /rejection. Both need an explicit confirmation.</summary>
public sealed class QueueModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public Paged<PendingRow>? Items { get; private set; }
    public Pager? Pager { get; private set; }

    [BindProperty]
    public long MeasurementId { get; set; }
    [BindProperty]
    public int Version { get; set; }
    [BindProperty]
    public bool Confirm { get; set; }
    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(CancellationToken ct) =>
        await AfterAsync(Confirm ? await ReviewMeasurement.ValidateAsync(db, User, clock, MeasurementId, Version, ct) : null, l["Valore validato."], ct);

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        await AfterAsync(Confirm ? await ReviewMeasurement.RejectAsync(db, User, clock, MeasurementId, Version, new RejectionRequest { Reason = Reason }, ct) : null,
            l["Valore respinto."], ct);

    private async Task<IActionResult> AfterAsync(Outcome? outcome, string done, CancellationToken ct)
    {
        if (outcome is null)
        {
            ModelState.AddModelError("Confirm-" + MeasurementId, l["Spunta la conferma."]);
            await LoadAsync(ct);
            return Page();
        }
        // One form per row: the messages go under the row's reason field, and the queue is read again.
        return await this.AnswerAsync(outcome, l, () => this.Success(done, "/piano/misurazioni/da-validare"),
            OutcomePages.KeepForm, "Nel frattempo il valore è stato corretto o esaminato: controlla i dati aggiornati.",
            invalid: invalid =>
            {
                foreach (var m in invalid.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("Reason-" + MeasurementId, l[m]);
            },
            again: async () =>
            {
                await LoadAsync(ct);
                return Page();
            });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Query = Query.Validate([]).Count > 0 ? new ListQuery() : new ListQuery { Limit = Query.Limit, Offset = Query.Offset };
        Items = await ListMeasurements.PendingAsync(db, Query, null, ct);
        Pager = Pager.From(Request, Items.Total, Items.Limit, Items.Offset);
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
