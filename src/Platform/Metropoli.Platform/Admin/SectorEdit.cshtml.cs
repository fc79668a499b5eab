using Metropoli.Platform.Data;
using Metropoli.Platform.Sectors;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

/// <summary>A sector's names and whether the forms still offer it (<see cref="SaveSector"/>).</summary>
public sealed class SectorEditModel(AppDbContext db, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    public Sector? Sector { get; private set; }

    [BindProperty]
    public SectorRequest Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        Sector = await db.Set<Sector>().AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct);
        return Sector is not null;
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Input = new SectorRequest { Code = Sector!.Code, NameIt = Sector.NameIt, NameEn = Sector.NameEn, Active = Sector.Active };
        Version = Sector.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        var outcome = await SaveSector.UpdateAsync(db, User, code, Version, Input, ct);
        return await this.AnswerAsync(outcome, l, () => this.Success(l["Settore aggiornato."].Value, "/admin/settori"),
            conflict =>
            {
                Version = conflict.CurrentVersion;
                return Task.CompletedTask;
            });
    }
}
