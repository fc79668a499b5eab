using Metropoli.Platform.Data;
using Metropoli.Services.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Metropoli.Services.Recruitment;

/// <summary>One ranking list with its ranks and the log of its draws (GET /api/v1/ranking-lists/{id}); a municipality
/// officer draws the next candidate for their Comune, the office for any Comune (POST /api/v1/ranking-lists/{id}/draws).</summary>
[AllowAnonymous]
public sealed class RankingListModel(AppDbContext db, TimeProvider clock, IStringLocalizer<Platform.Localization.SharedResource> l) : PageModel
{
    public RankingListDetail Item { get; private set; } = null!;

    public bool Office { get; private set; }

    public string? Comune { get; private set; }

    [BindProperty]
    public DrawInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (outcome, draw) = await RecruitmentHandlers.DrawAsync(db, User, clock, id, Input, ct);
        return await this.AnswerAsync(outcome, l,
            () => this.Success(string.Format(l["Utilizzata la posizione {0}: candidato {1}."].Value, draw!.Rank, draw.CandidateCode), $"/casa-dei-comuni/graduatorie/{id}"));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await RecruitmentHandlers.GetListAsync(db, User, clock, id, ct) is not { } item) return false;
        Item = item;
        var sector = await db.Set<SharedService>().Where(s => s.Slug == item.Service).Select(s => s.OfficeSector).SingleAsync(ct);
        Office = ServiceAccess.IsOffice(User, sector);
        Comune = ServiceAccess.Municipality(User);
        return true;
    }
}
