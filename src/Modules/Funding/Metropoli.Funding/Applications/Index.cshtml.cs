using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Funding.Applications;

/// <summary>The applications the user may see (GET /api/v1/funding-applications): drafts only of their own Comune.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public IReadOnlyList<ApplicationRow> Items { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public Dictionary<long, string> Calls { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = ApplicationAccess.CanCreate(User);
        if (!ModelState.IsValid || Query.Validate([]).Count > 0) Query = new ListQuery();
        var page = await ApplicationHandlers.ListAsync(db, User, Query, null, ct);
        Items = page.Items;
        var leads = Items.Select(i => i.LeadIstat).Distinct().ToList();
        var calls = Items.Select(i => i.CallId).Distinct().ToList();
        Names = await db.Reads<ITerritoryQueries>().Comuni.Where(c => leads.Contains(c.IstatCode)).ToDictionaryAsync(c => c.IstatCode, c => c.Name, ct);
        Calls = await db.Set<Model.FundingCall>().Where(c => calls.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
