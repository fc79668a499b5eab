using System.Security.Claims;
using Metropoli.Platform.Audit;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Notifications;

namespace Metropoli.Platform.Api;

public sealed record MeResponse(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    string? Sector, string? Municipality, string? Zone, string? Organisation);

public static class PlatformApi
{
    public static RouteGroupBuilder MapApiV1(this WebApplication app) => app.MapGroup("/api/v1");

    public static void MapPlatformApi(this WebApplication app)
    {
        var api = app.MapApiV1();
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                CurrentUser.Of(user).Id!, CurrentUser.Of(user).Name, CurrentUser.Of(user).DisplayName,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
                user.FindFirstValue(ScopeClaims.Sector), user.FindFirstValue(ScopeClaims.Municipality),
                user.FindFirstValue(ScopeClaims.Zone), user.FindFirstValue(ScopeClaims.Organisation))))
            .RequireAuthorization(Policies.Authenticated)
            .WithName("getMe").WithSummary("L'utente autenticato, con ruoli e ambiti.").WithTags("Piattaforma");
        api.MapAccessTokensApi();
        api.MapUsersApi();
        api.MapAuditApi();
        api.MapNotificationsApi();
        Sectors.SectorsApi.MapSectorsApi(api);
    }
}
