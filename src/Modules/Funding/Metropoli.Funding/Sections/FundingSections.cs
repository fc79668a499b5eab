using Metropoli.Funding.Eligibility;
using Metropoli.Funding.Projects;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Metropoli.Funding.Sections;

public sealed record ProjectsTableView(Paged<ProjectRow> Projects, IReadOnlyDictionary<string, decimal> Validated);
public sealed record ComuneFundingView(string IstatCode, IReadOnlyList<Radar.CallForComune> Calls, ProjectsTableView Projects,
    IReadOnlyList<Reporting.RecentExpenditure> Recent);
public sealed record ZoneFundingView(string ZoneCode, ProjectsTableView Projects);

/// <summary>On the Comune page: "bandi per te" (open calls whose rules admit the Comune, by deadline) and the funded
/// projects located in the Comune.</summary>
public sealed class FundingForComuneViewComponent(ReadCache cache, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        // Public figures, the same for every reader: from the read cache, keyed by the Comune and the day (the calls
        // open today), recomputed when the module's data or the territory change.
        var today = CivilClock.Today(clock);
        var view = await cache.GetAsync($"funding-comune:{context.Key}:{today:yyyy-MM-dd}",
            FundingModule.ReadModel | ReadModels.Of(TerritoryContract.Module), (db, ct) => ViewAsync(db, context.Key, today, ct), HttpContext.RequestAborted);
        return View("/Modules/Funding/Sections/_ComuneSection.cshtml", view);
    }

    private static async Task<ComuneFundingView> ViewAsync(AppDbContext db, string istat, DateOnly today, CancellationToken ct)
    {
        var calls = await Radar.ForComuneAsync(db, istat, today, ct) ?? [];
        var projects = await ListProjects.HandleAsync(db, new ListQuery { Limit = 10 }, new ProjectFilter { Municipality = istat }, ct);
        return new ComuneFundingView(istat, calls,
            new ProjectsTableView(projects, await Reporting.Spending.ValidatedByCupAsync(db, projects.Items.Select(p => p.Cup).ToList(), ct)),
            await Reporting.Spending.RecentInComuneAsync(db, istat, 5, ct));
    }
}

/// <summary>On the zone page: the funded projects located in its Comuni.</summary>
public sealed class FundingForZoneViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        var projects = await ListProjects.HandleAsync(db, new ListQuery { Limit = 10 }, new ProjectFilter { Zone = context.Key }, HttpContext.RequestAborted);
        return View("/Modules/Funding/Sections/_ZoneSection.cshtml", new ZoneFundingView(context.Key,
            new ProjectsTableView(projects, await Reporting.Spending.ValidatedByCupAsync(db, projects.Items.Select(p => p.Cup).ToList(), HttpContext.RequestAborted))));
    }
}

public sealed record LinkedProjectsView(string Heading, string Empty, string MoreUrl, ProjectsTableView Projects);

/// <summary>On a plan objective's or action's page and on an agreement's page: the funded projects linked to it.</summary>
public sealed class FundingForLinkViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Platform.Modules.SectionContext context)
    {
        if (context.Id is not { } id) return Content("");
        var (filter, heading, empty, more) = context.Page switch
        {
            Platform.Modules.SectionPages.Objective => (new ProjectFilter { Objective = id }, "Progetti finanziati per l'obiettivo", "Nessun progetto finanziato è collegato a questo obiettivo.", $"/finanziamenti/progetti?objective={id}"),
            Platform.Modules.SectionPages.Action => (new ProjectFilter { Action = id }, "Progetti finanziati per l'azione", "Nessun progetto finanziato è collegato a questa azione.", $"/finanziamenti/progetti?action={id}"),
            _ => (new ProjectFilter { Agreement = id }, "Progetti finanziati collegati all'intesa", "Nessun progetto finanziato si fonda su questa intesa.", $"/finanziamenti/progetti?agreement={id}"),
        };
        var projects = await ListProjects.HandleAsync(db, new ListQuery { Limit = 10 }, filter, HttpContext.RequestAborted);
        return View("/Modules/Funding/Sections/_LinkedSection.cshtml", new LinkedProjectsView(heading, empty, more,
            new ProjectsTableView(projects, await Reporting.Spending.ValidatedByCupAsync(db, projects.Items.Select(p => p.Cup).ToList(), HttpContext.RequestAborted))));
    }
}
