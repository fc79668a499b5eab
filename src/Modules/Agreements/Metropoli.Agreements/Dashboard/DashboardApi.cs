using System.Security.Claims;
using Metropoli.Platform.Api;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Agreements.Dashboard;

/// <summary>The dashboard of the agreements the user may see.</summary>
internal static class DashboardApi
{
    public static void Map(RouteGroupBuilder agreements)
    {
        agreements.MapGet("/dashboard", async Task<Ok<AgreementDashboardView>> (ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await AgreementDashboard.HandleAsync(db, user, clock, ct)))
            .AllowAnonymous()
            .WithName("getAgreementDashboard").WithSummary("Il cruscotto delle intese visibili: per tipo, stato, tema e zona; in scadenza entro 30 e 90 giorni; obblighi scaduti per parte.");
    }
}
