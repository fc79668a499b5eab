using Metropoli.Knowledge.Model;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Knowledge.Practices;

/// <summary>The best practices; the same query as GET /api/v1/practices (the reader's own drafts included).</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    public IReadOnlyList<PracticeRow> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = KnowledgeAccess.IsEditor(User) || KnowledgeAccess.Municipality(User) is not null;
        if (!ModelState.IsValid || Query.Validate([]).Count > 0 || (Theme is { Length: > 0 } && !KnowledgeThemes.IsKnown(Theme)))
        {
            Query = new ListQuery();
            Theme = null;
        }
        var page = await PracticeHandlers.PageAsync(db, User, Query, Theme, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
