using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.Practices;

/// <summary>A best practice, its texts rendered through the platform's safe Markdown; the author's "send to the editors",
/// the editors' publish or return (with a reason), another Comune's "we reuse this" (the same handlers as the API).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public PracticeDetail? Practice { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private async Task<IActionResult> LoadAsync(long id, CancellationToken ct) =>
        (Practice = await PracticeHandlers.GetAsync(db, User, id, ct)) is null ? NotFound() : Page();

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken ct)
    {
        var outcome = await PracticeHandlers.MoveAsync(db, User, clock, id, Version, new PracticeTransition { To = To, Reason = Reason }, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Stato della buona pratica aggiornato."].Value, $"/buone-pratiche/{id}"),
            reload: _ => Task.CompletedTask, fieldPrefix: "", again: () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostReuseAsync(long id, CancellationToken ct)
    {
        var outcome = await PracticeHandlers.ReuseAsync(db, User, clock, id, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Riuso registrato."].Value, $"/buone-pratiche/{id}#riuso"),
            fieldPrefix: "", again: () => LoadAsync(id, ct));
    }
}
