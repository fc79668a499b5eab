using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Localization;

/// <summary>The IT/EN switch: a plain link (works without JavaScript) that stores the choice in a cookie.</summary>
public static class LanguageEndpoint
{
    public static void MapLanguageSwitch(this WebApplication app) =>
        app.MapGet("/lingua", async (string? cultura, string? ritorno, HttpContext context, Security.CookieNaming cookies, Data.AppDbContext db) =>
            {
                var culture = cultura == "en" ? "en-GB" : "it-IT";
                // A signed-in user's choice is also the language of their e-mails (issue 18, point 6).
                if (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
                {
                    var language = cultura == "en" ? "en" : "it";
                    await db.Users.Where(u => u.Id == userId && u.PreferredLanguage != language)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language), context.RequestAborted);
                }
                context.Response.Cookies.Append(cookies.Culture,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = cookies.Secure(context.Request) });
                return Results.LocalRedirect(Ui.LocalUrl.Safe(ritorno));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
