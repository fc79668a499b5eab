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
        switch (outcome)
        {
            case Outcome.Done:
                TempData["Success"] = l["Tema salvato."].Value;
                return Redirect("/intese/temi");
            case Outcome.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, "Input.", l);
                break;
            case Outcome.Conflict:
                ModelState.AddModelError(string.Empty, l["Nel frattempo un altro utente ha modificato questo tema: ricarica la pagina e riprova."]);
                break;
            case Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
        Themes = await SaveTheme.ListAsync(db, ct);
        return Page();
    }
}
