using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Metropoli.Services.Procurements;

/// <summary>The SUA dashboard: by zone and by Comune, procedures, amounts, rebates and days per phase (public figures,
/// from the read cache).</summary>
[AllowAnonymous]
public sealed class DashboardModel(ReadCache cache) : PageModel
{
    public ProcurementDashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        View = await cache.GetAsync("services-procurement-dashboard", ProcurementHandlers.DependsOn, (db, t) => ProcurementDashboard.HandleAsync(db, t), ct);
}
