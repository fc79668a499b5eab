using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.Practices;

/// <summary>A new best practice in draft (a municipality officer for their Comune, the editors for the Città metropolitana).</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty] public PracticeRequest Input { get; set; } = new();
    public PracticeFieldsView? Fields { get; private set; }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var (actions, zones) = await PracticeForm.ChoicesAsync(db, ct);
        Fields = new PracticeFieldsView(Input, actions, zones);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!KnowledgeAccess.IsEditor(User) && KnowledgeAccess.Municipality(User) is null) return Forbid();
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, id) = await PracticeHandlers.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Bozza salvata: inviala alla redazione quando è pronta."].Value, $"/buone-pratiche/{id}"),
            again: async () => { await ChoicesAsync(ct); return Page(); });
    }
}
