using Metropoli.Participation.Proposals;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Participation.Consultations;

/// <summary>A consultation and its report: every proposal with its answer and where the plan takes it up; the proposal
/// form for those who may take part (the same handler as POST /api/v1/consultations/{id}/proposals).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ConsultationDetail? Consultation { get; private set; }

    [BindProperty] public ProposalRequest Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        (Consultation = await ConsultationHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (outcome, pid) = await ProposalHandlers.SubmitAsync(db, User, clock, id, Input, ct);
        if (outcome is Flooded f) outcome = new Platform.Api.Outcome.Refused(f.Reason);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Proposta presentata."].Value, $"/partecipazione/consultazioni/{id}#proposta-{pid}"),
            again: async () => (Consultation = await ConsultationHandlers.GetAsync(db, User, clock, id, ct)) is null ? NotFound() : Page());
    }
}
