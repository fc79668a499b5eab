using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Territory.Zones;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ZoneRow> Zones { get; private set; } = [];

    /// <summary>The day asked for (<c>?date=YYYY-MM-DD</c>); blank means today.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly? AsOf { get; private set; }
    public bool DateInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = CivilClock.Today(clock);
        // A bad date is reported next to the picker and today's composition is shown instead.
        DateInvalid = !TerritoryDates.TryParseOptional(Date, out var asOf);
        AsOf = asOf;
        Zones = AsOf is { } day ? await ListZones.HandleAsync(db, day, ct) : await ListZones.HandleAsync(db, ct);
    }
}
