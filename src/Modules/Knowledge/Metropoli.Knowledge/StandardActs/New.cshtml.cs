using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.StandardActs;

public sealed record FieldsView(StandardActRequest Input, IReadOnlyList<(long Id, string Label)> Objectives);

/// <summary>A new standard act (editors; the same handler as POST /api/v1/standard-acts).</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty] public StandardActRequest Input { get; set; } = new();
    public IReadOnlyList<(long Id, string Label)> Objectives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!KnowledgeAccess.IsEditor(User)) return Forbid();
        Objectives = await EditForm.ObjectivesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, id) = await StandardActHandlers.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Atto tipo creato: ora pubblica la prima versione."].Value, $"/atti-tipo/{id}#versioni"),
            again: async () => { Objectives = await EditForm.ObjectivesAsync(db, ct); return Page(); });
    }
}
