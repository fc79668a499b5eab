using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Projects;

/// <summary>The funded projects; the same query as GET /api/v1/projects, with the downloads.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ProjectFilter Filter { get; set; } = new();

    public IReadOnlyList<ProjectRow> Items { get; private set; } = [];
    public IReadOnlyList<CodeName> Zones { get; private set; } = [];
    public IReadOnlyList<CodeName> Comuni { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Errors = ModelState.IsValid ? ListProjects.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new ProjectFilter();
        }
        var page = await ListProjects.HandleAsync(db, Query, Filter, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        Zones = await db.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new CodeName(z.Code, z.Name)).ToListAsync(ct);
        Comuni = await db.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(m => m.Name).Select(m => new CodeName(m.IstatCode, m.Name)).ToListAsync(ct);
    }
}
