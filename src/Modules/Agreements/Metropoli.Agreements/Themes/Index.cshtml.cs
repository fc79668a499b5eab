using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Agreements.Themes;

/// <summary>The themes taxonomy for administrators: add and rename; the same handlers as /api/v1/agreement-themes.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    [BindProperty]
    public ThemeRequest Input { get; set; } = new();

    [BindProperty]
    public string? EditCode { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Themes = await SaveTheme.ListAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = EditCode is { Length: > 0 } code
            ? await SaveTheme.UpdateAsync(db, User, clock, code, Version, Input, ct)
            : await SaveTheme.CreateAsync(db, User, clock, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Tema salvato."].Value, "/intese/temi"),
            OutcomePages.KeepForm, "Nel frattempo un altro utente ha modificato questo tema: ricarica la pagina e riprova.",
            again: async () =>
            {
                Themes = await SaveTheme.ListAsync(db, ct);
                return Page();
            });
    }
}
