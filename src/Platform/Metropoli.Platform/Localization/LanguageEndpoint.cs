using Microsoft.AspNetCore.Localization;

namespace Metropoli.Platform.Localization;

/// <summary>The IT/EN switch: a plain link (works without JavaScript) that stores the choice in a cookie.</summary>
public static class LanguageEndpoint
{
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/lingua", (string? cultura, string? ritorno, HttpContext context, Security.CookieNaming cookies) =>
            {
                var culture = cultura == "en" ? "en-GB" : "it-IT";
                context.Response.Cookies.Append(cookies.Culture,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = cookies.Secure(context.Request) });
                return Results.LocalRedirect(Ui.LocalUrl.Safe(ritorno));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
