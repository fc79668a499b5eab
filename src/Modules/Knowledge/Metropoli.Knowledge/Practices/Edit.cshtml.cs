using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.Practices;

/// <summary>Edits a draft or returned practice (its author side; the same handler as PUT /api/v1/practices/{id}).</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    [BindProperty] public PracticeRequest Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PracticeFieldsView? Fields { get; private set; }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var (actions, zones) = await PracticeForm.ChoicesAsync(db, ct);
        Fields = new PracticeFieldsView(Input, actions, zones);
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var p = await PracticeHandlers.GetAsync(db, User, id, ct);
        if (p is null) return NotFound();
        if (!p.CanEdit) return Forbid();
        Input = new PracticeRequest
        {
            Title = p.Title, Problem = p.Problem, Solution = p.Solution, Results = p.Results, Costs = p.Costs, Contacts = p.Contacts, Theme = p.Theme,
            ZoneCode = p.ZoneCode, ActionIds = p.Actions.Select(a => a.Id).ToList(),
        };
        Version = p.Version;
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Input.ActionIds ??= [];
        var outcome = await PracticeHandlers.UpdateAsync(db, User, clock, id, Version, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Buona pratica salvata."].Value, $"/buone-pratiche/{id}"),
            reload: async c => { Version = c.CurrentVersion; await ChoicesAsync(ct); },
            again: async () => { await ChoicesAsync(ct); return Page(); });
    }
}
