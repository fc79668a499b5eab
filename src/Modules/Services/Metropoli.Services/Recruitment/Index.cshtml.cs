using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Recruitment;

/// <summary>The joint competitions and «which valid lists exist for this profile»; the same handlers as GET
/// /api/v1/competitions and GET /api/v1/ranking-lists?valid=true&amp;profile=…, from the read cache. The valid lists
/// are paged (20 a page, <c>offset</c>); the competitions show the latest 20, the downloads have them all.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, ReadCache cache, TimeProvider clock) : PageModel
{
    public const int CompetitionsShown = 20;

    [BindProperty(SupportsGet = true, Name = "profilo")]
    public string? Profile { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "offset")]
    public int? Offset { get; set; }

    public Paged<RankingListRow> Lists { get; private set; } = new([], 0, 0, 0);

    public Paged<CompetitionRow> Competitions { get; private set; } = new([], 0, 0, 0);

    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = Profile is { Length: > 0 and <= 200 } p ? p.Trim() : null;
        Area = Model.StaffAreas.All.Contains(Area ?? "") ? Area : null;
        var query = new ListQuery { Offset = Offset is > 0 and <= 1_000_000 ? Offset : null };
        Lists = await RecruitmentHandlers.CachedListsAsync(cache, db, clock, query, new RankingListFilter { Profile = Profile, Area = Area, Valid = true }, ct);
        Pager = Pager.From(Request, Lists.Total, Lists.Limit, Lists.Offset);
        Competitions = await RecruitmentHandlers.CachedCompetitionsAsync(cache, db, clock, new ListQuery { Limit = CompetitionsShown }, new CompetitionFilter { Profile = Profile }, ct);
    }
}
