using Metropoli.Platform.Data;
using Metropoli.Services.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Procurements;

/// <summary>The office records a new procedure, directly or from a Comune's request (?richiesta=id: the service and the
/// Comune come from the request); the same handler as POST /api/v1/procurements.</summary>
[Authorize]
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "richiesta")]
    public long? RequestId { get; set; }

    public RequestDetail? FromRequest { get; private set; }

    public ProcurementFieldsView Fields { get; private set; } = null!;

    [BindProperty]
    public ProcurementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ServiceAccess.WorksForOffices(User)) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        Input = FromRequest is { } r
            ? new ProcurementForm { Object = r.Subject, Municipalities = [r.IstatCode], RequestedOn = DateOnly.FromDateTime(r.CreatedAt), ProcedureType = Model.ProcedureTypes.Open, AwardCriterion = Model.AwardCriteria.LowestPrice }
            : new ProcurementForm { RequestedOn = CivilClock.Today(clock), ProcedureType = Model.ProcedureTypes.Open, AwardCriterion = Model.AwardCriteria.LowestPrice };
        Fields = Fields with { Form = Input };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var (outcome, id) = await ProcurementHandlers.CreateAsync(db, User, clock, Input.ToInput(RequestId), ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Procedura registrata."].Value, $"/casa-dei-comuni/procedure#p{id}"));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (RequestId is { } rid && (FromRequest = await RequestHandlers.GetAsync(db, User, clock, rid, ct)) is null) return false;
        var (comuni, services) = await ProcurementForm.ChoicesAsync(db, ct);
        Fields = new ProcurementFieldsView(Input, comuni, FromRequest is null ? services : null);
        return true;
    }
}
