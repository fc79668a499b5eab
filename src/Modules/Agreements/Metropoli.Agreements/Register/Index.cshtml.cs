using Metropoli.Agreements.Agreements;
using Metropoli.Agreements.Model;
using Metropoli.Territory.Contracts;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Agreements.Register;

/// <summary>The register of agreements (public: only public agreements in force or ended); the same
/// query as GET /api/v1/agreements, with the CSV and JSON downloads.</summary>
public sealed class IndexModel(AppDbContext db, ReadCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public AgreementFilter Filter { get; set; } = new();

    public IReadOnlyList<AgreementRow> Items { get; private set; } = [];
    public IReadOnlyList<string> Statuses { get; private set; } = [];
    public IReadOnlyList<CodeName> Themes { get; private set; } = [];
    public IReadOnlyList<CodeName> Zones { get; private set; } = [];
    public IReadOnlyList<CodeName> Comuni { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanCreate { get; private set; }
    public bool CanManageAll { get; private set; }
    public bool SeesDrafts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = AgreementAccess.CanCreate(User);
        CanManageAll = AgreementAccess.CanManageAll(User);
        SeesDrafts = AgreementAccess.SeesAll(User) || AgreementAccess.Municipality(User) is not null;
        Statuses = SeesDrafts ? AgreementStatuses.All : AgreementStatuses.Published;
        Errors = ModelState.IsValid ? ListAgreements.Validate(Query, Filter) : new() { ["query"] = ["Alcuni filtri non sono validi e sono stati ignorati."] };
        if (Errors.Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
            Filter = new AgreementFilter();
        }
        var page = await ListAgreements.HandleAsync(db, User, Query, Filter, ct, cache);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        (Themes, Zones, Comuni) = await cache.GetAsync("agreement-filter-lists", AgreementsModule.ReadModelWithTerritory, async (d, t) =>
            ((IReadOnlyList<CodeName>)await d.Set<AgreementTheme>().AsNoTracking().OrderBy(x => x.SortOrder).Select(x => new CodeName(x.Code, x.Name)).ToListAsync(t),
             (IReadOnlyList<CodeName>)await d.Reads<ITerritoryQueries>().Zones.AsNoTracking().OrderBy(z => z.SortOrder).Select(z => new CodeName(z.Code, z.Name)).ToListAsync(t),
             (IReadOnlyList<CodeName>)await d.Reads<ITerritoryQueries>().Comuni.AsNoTracking().OrderBy(m => m.Name).Select(m => new CodeName(m.IstatCode, m.Name)).ToListAsync(t)), ct);
    }
}
