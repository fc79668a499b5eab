using Metropoli.Participation.Consultations;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Participation.Bodies;

/// <summary>The participation home: bodies, consultations, open data.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, ReadCache cache) : PageModel
{
    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];
    public IReadOnlyList<ConsultationRow> Consultations { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public Pager? ConsultationsPager { get; private set; }

    /// <summary>The offset of the page of consultations (their own pager, beside the bodies' offset).</summary>
    [BindProperty(SupportsGet = true, Name = ConsultationsOffsetKey)] public int? ConsultationsOffset { get; set; }

    public const string ConsultationsOffsetKey = "consultationsOffset";

    /// <summary>The page of bodies (limit, offset).</summary>
    [BindProperty(SupportsGet = true)] public ListQuery Query { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Query.Validate([]).Count > 0 ? new ListQuery() : Query;
        var page = await BodyHandlers.PageAsync(db, query.Limit ?? BodyHandlers.PageSize, query.EffectiveOffset, ct, cache);
        Bodies = page.Items;
        Pager = Pager.From(Request, page.Total, page.Limit, page.Offset);
        var consultations = await ConsultationHandlers.PageAsync(db, clock, ConsultationHandlers.PageSize, Math.Max(0, ConsultationsOffset ?? 0), ct, cache);
        Consultations = consultations.Items;
        ConsultationsPager = Pager.From(Request, consultations.Total, consultations.Limit, consultations.Offset) with { OffsetKey = ConsultationsOffsetKey, Label = "Pagine delle consultazioni" };
    }
}
