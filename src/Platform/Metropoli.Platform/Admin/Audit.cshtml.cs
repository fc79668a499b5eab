using Metropoli.Platform.Api;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Admin;

public sealed class AuditModel(AppDbContext db, ICurrentUser who, IStringLocalizer<Localization.SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public ListQuery Query { get; set; } = new();

    public IReadOnlyList<AuditRow> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public AuditVerification? Verification { get; private set; }
    public string? FilterError { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => SearchAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditChain.VerifyAsync(db, HttpContext.RequestServices, null, ct);
        await AuditRecorder.RecordReadAsync(db, who, "verify", Verification.Message, ct);
        await SearchAsync(ct);
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || Query.Validate(AuditSearch.Sortable).Count > 0)
        {
            FilterError = l["Alcuni filtri non sono validi e sono stati ignorati (le date vanno nel formato AAAA-MM-GG)."];
            Filter = new AuditFilter();
            Query = new ListQuery { Limit = 50 };
        }
        var page = await AuditSearch.SearchAsync(db, who, Filter, Query with { Limit = Query.Limit ?? 50 }, ct, changesOnly: true);
        Items = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
    }
}
