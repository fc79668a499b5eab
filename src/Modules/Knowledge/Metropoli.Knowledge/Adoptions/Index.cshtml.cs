using System.Globalization;
using Metropoli.Knowledge.Model;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Knowledge.Adoptions;

/// <summary>Adoption by Comune and zone: the map of the Comuni (Territory's <see cref="IComuneMaps"/>, ADR 0037) with its
/// table, and the list of adoptions (the same rows as GET /api/v1/adoptions and the download).</summary>
public sealed class IndexModel(AppDbContext db, IComuneMaps maps, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public const string AdoptedFill = "#008758", NotAdoptedFill = "#d9dadb";

    [BindProperty(SupportsGet = true)]
    public long? StandardActId { get; set; }

    public IReadOnlyList<(long Id, string Title)> Acts { get; private set; } = [];
    public IReadOnlyList<ComuneAdoption> ByComune { get; private set; } = [];
    public IReadOnlyList<Knowledge.StandardActs.AdoptionView> Rows { get; private set; } = [];
    public string Map { get; private set; } = "";
    public string? ActTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Acts = (await db.Set<StandardAct>().AsNoTracking().OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)).ToList();
        if (!ModelState.IsValid || (StandardActId is { } id && Acts.All(a => a.Id != id))) StandardActId = null;
        ActTitle = Acts.FirstOrDefault(a => a.Id == StandardActId).Title;
        ByComune = await AdoptionHandlers.ByComuneAsync(db, StandardActId, ct);
        Rows = await AdoptionHandlers.AllAsync(db, new AdoptionFilter { StandardActId = StandardActId }, ct);
        var c = CultureInfo.CurrentCulture;
        Map = maps.Render(ByComune.Select(r => new ComuneFill(r.IstatCode, r.Acts > 0 ? AdoptedFill : NotAdoptedFill,
                r.Acts == 0 ? l["nessun atto tipo adottato"] : StandardActId is null ? string.Format(c, l["{0} atti tipo adottati"], r.Acts) : l["adottato"])).ToList(),
            ActTitle is null ? l["Comuni che hanno adottato atti tipo"] : string.Format(c, l["Comuni che hanno adottato «{0}»"], ActTitle),
            l["In verde i Comuni che hanno adottato, in grigio gli altri. La tabella sotto la mappa riporta gli stessi dati."]);
        return Page();
    }
}
