using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

/// <summary>The sectors registry: every sector with its names, and the form that adds one (<see cref="SaveSector"/>).</summary>
public sealed class SectorsModel(AppDbContext db, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public IReadOnlyList<Sector> Items { get; private set; } = [];

    [BindProperty]
    public SectorRequest Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Items = await SectorRegistry.ListAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await SaveSector.CreateAsync(db, User, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Settore aggiunto."].Value, "/admin/settori"),
            again: async () =>
            {
                Items = await SectorRegistry.ListAsync(db, ct);
                return Page();
            });
    }
}
