using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Recruitment;

/// <summary>The joint competitions and «which valid lists exist for this profile»; the same handlers as GET
/// /api/v1/competitions and GET /api/v1/ranking-lists?valid=true&amp;profile=….</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "profilo")]
    public string? Profile { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    public Paged<RankingListRow> Lists { get; private set; } = new([], 0, 0, 0);

    public Paged<CompetitionRow> Competitions { get; private set; } = new([], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = Profile is { Length: > 0 and <= 200 } p ? p.Trim() : null;
        Area = Model.StaffAreas.All.Contains(Area ?? "") ? Area : null;
        Lists = await RecruitmentHandlers.ListListsAsync(db, clock, new ListQuery { Limit = ListQuery.MaxLimit }, new RankingListFilter { Profile = Profile, Area = Area, Valid = true }, ct);
        Competitions = await RecruitmentHandlers.ListCompetitionsAsync(db, clock, new ListQuery { Limit = 50 }, new CompetitionFilter { Profile = Profile }, ct);
    }
}
