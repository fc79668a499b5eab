using Metropoli.Participation.Proposals;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Participation.Consultations;

/// <summary>A consultation and its report: every proposal with its answer and where the plan takes it up; the proposal
/// form for those who may take part (the same handler as POST /api/v1/consultations/{id}/proposals).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, ReadCache cache, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public ConsultationDetail? Consultation { get; private set; }
    public Pager? Pager { get; private set; }

    /// <summary>The page of proposals (limit, offset: the platform's paging; by id, stable).</summary>
    [BindProperty(SupportsGet = true)] public ListQuery Query { get; set; } = new();

    [BindProperty] public ProposalRequest Input { get; set; } = new();
    [BindProperty] public long ProposalId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public AnswerRequest Answer { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var (outcome, pid) = await ProposalHandlers.SubmitAsync(db, User, clock, id, Input, ct);
        if (outcome is Flooded f) outcome = new Platform.Api.Outcome.Refused(f.Reason);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Proposta presentata."].Value, $"/partecipazione/consultazioni/{id}#proposta-{pid}"),
            again: async () => await LoadAsync(id, ct) ? Page() : NotFound());
    }

    /// <summary>The forum member's organisation endorses a proposal (POST /api/v1/proposals/{id}/endorsements).</summary>
    public async Task<IActionResult> OnPostEndorseAsync(long id, CancellationToken ct) =>
        await AnswerAsync(id, await ProposalHandlers.EndorseAsync(db, User, clock, ProposalId, ct), "Sostegno registrato.", ct);

    /// <summary>The author withdraws their proposal (POST /api/v1/proposals/{id}/withdrawal).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) =>
        await AnswerAsync(id, await ProposalHandlers.WithdrawAsync(db, User, clock, ProposalId, ct), "Proposta ritirata.", ct);

    /// <summary>The secretariat hides a proposal with the reason (POST /api/v1/proposals/{id}/moderation).</summary>
    public async Task<IActionResult> OnPostModerateAsync(long id, CancellationToken ct) =>
        await AnswerAsync(id, await ProposalHandlers.ModerateProposalAsync(db, User, clock, ProposalId, new ModerationRequest { Hidden = true, Reason = Reason }, ct),
            "Proposta nascosta.", ct);

    /// <summary>The secretariat's official answer (PUT /api/v1/proposals/{id}/answer).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) =>
        await AnswerAsync(id, await ProposalHandlers.AnswerAsync(db, User, clock, ProposalId, Version, Answer, ct), "Risposta registrata.", ct);

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var query = Query.Validate([]).Count > 0 ? new ListQuery() : Query;
        Consultation = await ConsultationHandlers.GetAsync(db, User, clock, id, query.EffectiveLimit, query.EffectiveOffset, ct, cache);
        if (Consultation is null) return false;
        Pager = Pager.From(Request, Consultation.ProposalsTotal, Consultation.ProposalsLimit, Consultation.ProposalsOffset);
        return true;
    }

    private async Task<IActionResult> AnswerAsync(long id, Platform.Api.Outcome outcome, string done, CancellationToken ct) =>
        await this.AnswerAsync(outcome, l, () => this.Success(l[done].Value, $"/partecipazione/consultazioni/{id}#proposta-{ProposalId}"),
            reload: _ => Task.CompletedTask, fieldPrefix: "Answer.",
            again: async () => await LoadAsync(id, ct) ? Page() : NotFound());
}
