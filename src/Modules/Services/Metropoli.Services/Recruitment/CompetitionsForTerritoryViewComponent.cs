using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Services.Recruitment;

public sealed record CompetitionsSection(bool Comune, Paged<CompetitionRow> Competitions);

/// <summary>The joint competitions that serve a Comune, or the Comuni of a zone, with their hires and draws, on their pages.</summary>
public sealed class CompetitionsForTerritoryViewComponent(AppDbContext db, ReadCache cache, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(SectionContext context)
    {
        var comune = context.Page == SectionPages.Comune;
        var filter = comune ? new CompetitionFilter { Municipality = context.Key } : new CompetitionFilter { Zone = context.Key };
        // Only the Comune's (or the zone's) competitions; from the read cache (public aggregate data).
        var page = await RecruitmentHandlers.CachedCompetitionsAsync(cache, db, clock, new ListQuery { Limit = 10 }, filter, HttpContext.RequestAborted);
        return View("/Modules/Services/Recruitment/_CompetitionsSection.cshtml", new CompetitionsSection(comune, page));
    }
}
