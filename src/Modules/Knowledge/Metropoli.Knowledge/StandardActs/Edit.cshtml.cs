using Metropoli.Knowledge.Model;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.StandardActs;

/// <summary>Edits a standard act's data (editors; the same handler as PUT /api/v1/standard-acts/{id}, with the version as If-Match).</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty] public StandardActRequest Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public IReadOnlyList<(long Id, string Label)> Objectives { get; private set; } = [];
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var act = await db.Set<StandardAct>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (act is null) return NotFound();
        if (!KnowledgeAccess.IsEditor(User)) return Forbid();
        Input = new StandardActRequest { Kind = act.Kind, Title = act.Title, Summary = act.Summary, Theme = act.Theme, ObjectiveId = act.ObjectiveId };
        (Version, Title) = (act.Version, act.Title);
        Objectives = await EditForm.ObjectivesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var outcome = await StandardActHandlers.UpdateAsync(db, User, clock, id, Version, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Atto tipo aggiornato."].Value, $"/atti-tipo/{id}"),
            reload: async c => { Version = c.CurrentVersion; await ReloadAsync(id, ct); },
            again: async () => { await ReloadAsync(id, ct); return Page(); });
    }

    private async Task ReloadAsync(long id, CancellationToken ct)
    {
        Title = await db.Set<StandardAct>().Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(ct) ?? "";
        Objectives = await EditForm.ObjectivesAsync(db, ct);
    }
}
