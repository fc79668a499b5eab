using Metropoli.Web.Platform.Api;
using Metropoli.Web.Platform.Auth;
using Metropoli.Web.Platform.Data;
using Metropoli.Web.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Web.Platform.Admin;

public sealed class UsersModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public IReadOnlyList<UserRow> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Query.Validate(UserAdmin.Sortable).Count > 0)
        {
            Query = new ListQuery { Q = Query.Q is { Length: <= 200 } q ? q : null };
        }
        var page = await UserAdmin.ListAsync(db, Query, ct);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
