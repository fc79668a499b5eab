using Metropoli.Participation.Consultations;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Participation.Bodies;

/// <summary>The participation home: bodies, consultations, open data.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];
    public IReadOnlyList<ConsultationRow> Consultations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Bodies = await BodyHandlers.ListAsync(db, ct);
        Consultations = await ConsultationHandlers.ListAsync(db, clock, ct);
    }
}
